package io.leakwatch.respond.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Severity;
import io.leakwatch.respond.action.ActionOutcome.Failure;

class CommandActionTest {

    @TempDir
    Path folder;

    private final ActionRequest request = ActionRequest.of(
            Alert.builder(Instant.parse("2026-11-29T04:00:00Z"), Severity.CRITICAL, AlertKind.CONTAINER)
                    .site("com.acme.A$B#f").size(500).growthPerMin(1.5).build(),
            "0123456789abcdef", 4242);

    private Path script(String name, String... lines) throws IOException {
        Path script = folder.resolve(name);
        Files.write(script, List.of(lines));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void theCommandGetsTheAlertOnStdinAndItsFieldsInItsEnvironment() throws Exception {
        Path command = script("record.sh", "#!/bin/sh",
                "cat > \"$(dirname \"$0\")/stdin.json\"",
                "env | grep '^LEAKWATCH_' | sort > \"$(dirname \"$0\")/env.txt\"");

        ActionOutcome outcome = new CommandAction(command, 30_000).run(request);

        assertTrue(outcome.succeeded(), outcome::toString);
        assertEquals(List.of(request.json()), Files.readAllLines(folder.resolve("stdin.json")));
        List<String> environment = Files.readAllLines(folder.resolve("env.txt"));
        assertTrue(environment.contains("LEAKWATCH_SITE=com.acme.A$B#f"), environment::toString);
        assertTrue(environment.contains("LEAKWATCH_SEVERITY=CRITICAL"), environment::toString);
        assertTrue(environment.contains("LEAKWATCH_GROWTH_PER_MIN=1.5"), environment::toString);
        assertTrue(environment.contains("LEAKWATCH_IDEMPOTENCY_KEY=0123456789abcdef"), environment::toString);
        assertTrue(environment.contains("LEAKWATCH_PID=4242"), environment::toString);
    }

    @Test
    void aCommandPastItsTimeoutIsDestroyedWithTheProcessesItStarted() throws Exception {
        Path command = script("hang.sh", "#!/bin/sh",
                "echo $$ > \"$(dirname \"$0\")/script.pid\"",
                "sleep 600 &",
                "echo $! > \"$(dirname \"$0\")/child.pid\"",
                "wait");

        ActionOutcome outcome = new CommandAction(command, 500).run(request);

        assertEquals(Failure.TIMED_OUT, outcome.failure());
        for (String pidFile : List.of("script.pid", "child.pid")) {
            long pid = Long.parseLong(Files.readString(folder.resolve(pidFile)).trim());
            ProcessHandle.of(pid).ifPresent(process -> {
                try {
                    process.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new AssertionError(pidFile + " " + pid + " still runs", e);
                }
            });
        }
    }

    @Test
    void muchOutputAndAnUnreadStdinDoNotStallTheCommand() throws Exception {
        Path command = script("chatty.sh", "#!/bin/sh", "head -c 4000000 /dev/zero", "exit 0");

        assertTrue(new CommandAction(command, 20_000).run(request).succeeded());
    }

    @Test
    void aFailingOrMissingCommandIsAFailure() throws Exception {
        Path failing = script("fail.sh", "#!/bin/sh", "exit 3");
        ActionOutcome failed = new CommandAction(failing, 20_000).run(request);
        assertEquals(Failure.EXIT_STATUS, failed.failure());
        assertTrue(failed.detail().contains("3"), failed.detail());

        assertEquals(Failure.NOT_STARTED, new CommandAction(folder.resolve("missing"), 20_000).run(request).failure());
    }
}
