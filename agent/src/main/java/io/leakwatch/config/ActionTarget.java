package io.leakwatch.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code action.onWarning} or {@code action.onCritical} runs: a command started directly (never through a
 * shell), or a webhook that is POSTed the alert.
 */
public final class ActionTarget {

    static final String ACCEPTED_FORM = "exec:/absolute/path/to/command or an http:// or https:// URL";
    private static final String EXEC_PREFIX = "exec:";

    private final Path command;
    private final URI webhook;

    private ActionTarget(Path command, URI webhook) {
        this.command = command;
        this.webhook = webhook;
    }

    /** Empty when the text is neither {@code exec:} with an absolute path nor an http(s) URL with a host. */
    static Optional<ActionTarget> parse(String text) {
        if (text.startsWith(EXEC_PREFIX)) {
            String path = text.substring(EXEC_PREFIX.length());
            try {
                Path command = Paths.get(path);
                return command.isAbsolute() ? Optional.of(new ActionTarget(command.normalize(), null)) : Optional.empty();
            } catch (RuntimeException notAPath) {
                return Optional.empty();
            }
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null ? Optional.of(new ActionTarget(null, uri)) : Optional.empty();
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
    }

    /** The command to run, for {@code exec:}. */
    public Optional<Path> command() {
        return Optional.ofNullable(command);
    }

    /** The URL to POST to, for a webhook. */
    public Optional<URI> webhook() {
        return Optional.ofNullable(webhook);
    }

    /** For log lines: the command, or the webhook without its query or user info (they may hold a token). */
    @Override
    public String toString() {
        if (command != null) {
            return EXEC_PREFIX + command;
        }
        return webhook.getScheme() + "://" + webhook.getHost() + (webhook.getPort() < 0 ? "" : ":" + webhook.getPort())
                + (webhook.getRawPath() == null ? "" : webhook.getRawPath());
    }
}
