package io.leakwatch.it;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The TCP sockets a process listens on, from Linux's /proc: its socket inodes that /proc/net/tcp* lists as LISTEN. */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** Local addresses ({@code hex-ip:hex-port}) the process listens on. */
    static Set<String> of(long pid) throws IOException {
        Set<String> socketInodes = new HashSet<>();
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Paths.get("/proc", Long.toString(pid), "fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        socketInodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // A descriptor closed while we listed them is no listening socket.
                }
            }
        }
        Set<String> listening = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Paths.get(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] columns = line.trim().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if (columns.length > 9 && LISTEN.equals(columns[3]) && socketInodes.contains(columns[9])) {
                    listening.add(columns[1]);
                }
            }
        }
        return listening;
    }
}
