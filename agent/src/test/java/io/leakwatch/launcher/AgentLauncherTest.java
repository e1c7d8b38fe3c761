package io.leakwatch.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/**
 * The launcher trusts the jar it was loaded from only when the application's class path does not name it: then
 * the JVM appended it for {@code -javaagent}, and it is the agent's. Otherwise it looks for the last copy.
 */
class AgentLauncherTest {

    private static final Path AGENT = Paths.get("/opt/agents/leakwatch-agent.jar").toAbsolutePath();

    @Test
    void aJarTheClassPathDoesNotNameIsTheAgentsOwn() {
        String classPath = String.join(File.pathSeparator, "/app/classes", "/app/lib/service.jar", "");
        assertFalse(AgentLauncher.isOnClassPath(AGENT, classPath));
        assertFalse(AgentLauncher.isOnClassPath(AGENT, ""));
    }

    @Test
    void aCopyTheClassPathNamesIsRecognisedHoweverTheEntryIsWritten() {
        String classPath = String.join(File.pathSeparator, "/app/classes", "/opt/agents/../agents/./leakwatch-agent.jar");
        assertTrue(AgentLauncher.isOnClassPath(AGENT, classPath));

        Path relative = Paths.get("lib", "leakwatch-agent.jar");
        assertTrue(AgentLauncher.isOnClassPath(relative.toAbsolutePath(), "lib" + File.separator + "leakwatch-agent.jar"));
    }

    @Test
    void anEntryThatIsNoPathSendsTheLauncherTheLongWay() {
        assertTrue(AgentLauncher.isOnClassPath(AGENT, "/app/classes" + File.pathSeparator + "bad\u0000entry"));
    }
}
