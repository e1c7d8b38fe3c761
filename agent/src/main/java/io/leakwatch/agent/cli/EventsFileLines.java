package io.leakwatch.agent.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JSON-lines file one line at a time, counting lines from 1, refusing a line that is not UTF-8 or
 * longer than {@link #MAX_LINE_BYTES}, so a hostile file costs bounded memory and every refusal names its line.
 */
final class EventsFileLines implements Closeable {

    /** Longest line read; an alert, even with its evidence, is a few kilobytes. */
    static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long number;

    EventsFileLines(InputStream in, int maxLineBytes) {
        this.in = new BufferedInputStream(in);
        this.maxLineBytes = maxLineBytes;
    }

    static EventsFileLines open(Path file) throws IOException {
        return new EventsFileLines(Files.newInputStream(file), MAX_LINE_BYTES);
    }

    /** The next line without its end ({@code \n} or {@code \r\n}), or null at the end of the file. */
    String next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b = in.read();
        if (b == -1) {
            return null;
        }
        number++;
        for (; b != -1 && b != '\n'; b = in.read()) {
            if (line.size() >= maxLineBytes) {
                throw new BadLine(number, "is longer than " + maxLineBytes + " bytes");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            return utf8.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new BadLine(number, "is not UTF-8 text");
        }
    }

    /** The number of the line {@link #next} returned last, from 1. */
    long number() {
        return number;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A line that cannot be read as text; the message starts with the line's number. */
    static final class BadLine extends IOException {
        private static final long serialVersionUID = 1L;

        BadLine(long number, String problem) {
            super("line " + number + " " + problem);
        }
    }
}
