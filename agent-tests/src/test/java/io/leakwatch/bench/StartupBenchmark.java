package io.leakwatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;

import com.acme.bench.EmptyAgent;

/**
 * Time from starting a JVM to the first line its {@code main} prints, without the agent and with it in
 * several configurations, in alternating order so that the machine's drift falls on all of them alike.
 */
public final class StartupBenchmark {

    private static final String APPLICATION = "com.acme.bench.Hello";
    private static final String APPLICATION_WITH_LAMBDA = "com.acme.bench.HelloWithLambda";
    /** Stands for {@link EmptyAgent} among the agent arguments. */
    private static final String EMPTY_AGENT = "(an agent that does nothing)";
    private static final String EMPTY_AGENT_NAME = "an agent that does nothing";

    private StartupBenchmark() {
    }

    /** The agent argument of each configuration; null runs without the agent. */
    static Map<String, String> configurations() {
        Map<String, String> configurations = new LinkedHashMap<>();
        configurations.put("no agent", null);
        configurations.put(EMPTY_AGENT_NAME, EMPTY_AGENT);
        configurations.put("enabled=false", "enabled=false");
        configurations.put("heap only (no packages)", "exporter=none");
        configurations.put("packages, exporter=none", "packages=com.acme.bench,exporter=none");
        configurations.put("packages, exporter=otlp (default)", "packages=com.acme.bench");
        return configurations;
    }

    /** For {@code HelloWithLambda}: what any agent costs there, and leakwatch watching its package. */
    static Map<String, String> configurationsWithLambda() {
        Map<String, String> configurations = new LinkedHashMap<>();
        configurations.put("no agent", null);
        configurations.put(EMPTY_AGENT_NAME, EMPTY_AGENT);
        configurations.put("packages, exporter=none", "packages=com.acme.bench,exporter=none");
        return configurations;
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.out.println(String.join("\n", measure(rounds, Paths.get(System.getProperty("java.home")))));
    }

    /**
     * {@code Hello}, in every configuration, then {@code HelloWithLambda} without an agent, with the one that does
     * nothing and with leakwatch.
     *
     * @param javaHome the JDK whose start-up is measured
     */
    static List<String> measure(int rounds, Path javaHome) throws IOException, InterruptedException {
        Path applicationJar = ClassesJar.create("hello-", new Attributes(), APPLICATION, APPLICATION_WITH_LAMBDA,
                "com.acme.bench.AgentEvidence");
        List<String> report = new ArrayList<>(measure(rounds, javaHome, applicationJar, APPLICATION, configurations()));
        report.addAll(measure(rounds, javaHome, applicationJar, APPLICATION_WITH_LAMBDA, configurationsWithLambda()));
        return report;
    }

    private static List<String> measure(int rounds, Path javaHome, Path applicationJar, String mainClass,
            Map<String, String> configurations) throws IOException, InterruptedException {
        String java = javaHome.resolve("bin").resolve("java").toString();
        Path agentJar = Paths.get(System.getProperty("leakwatch.agentJar"));
        Path emptyAgentJar = ControlAgentJars.empty();
        List<String> names = new ArrayList<>(configurations.keySet());
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        names.forEach(name -> millis.put(name, new ArrayList<>()));
        for (int round = 0; round < rounds + 1; round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((round + i) % names.size());
                String argument = configurations.get(name);
                double elapsed = EMPTY_AGENT.equals(argument)
                        ? timeToFirstLine(java, applicationJar, mainClass, emptyAgentJar, null, true)
                        : timeToFirstLine(java, applicationJar, mainClass, agentJar, argument, false);
                if (round > 0) {
                    // Round 0 only warms the file cache.
                    millis.get(name).add(elapsed);
                }
            }
        }
        List<String> report = new ArrayList<>();
        report.add(String.format("start-up of %s to the first line of main, %d alternating rounds, JDK at %s, %d CPUs;"
                + " every run's agent state checked (handler installed, application container registered)", mainClass,
                rounds, javaHome, Runtime.getRuntime().availableProcessors()));
        double baseline = Stats.median(millis.get("no agent"));
        double anyAgent = Stats.median(millis.get(EMPTY_AGENT_NAME));
        for (Map.Entry<String, List<Double>> entry : millis.entrySet()) {
            double median = Stats.median(entry.getValue());
            report.add(String.format("%-36s median %5.0f ms (%4.0f..%4.0f), +%4.0f ms; +%4.0f ms over %s",
                    entry.getKey(), median, Stats.min(entry.getValue()), Stats.max(entry.getValue()),
                    median - baseline, median - anyAgent, EMPTY_AGENT_NAME));
        }
        return report;
    }

    /**
     * A figure counts only if the agent did in that JVM what its configuration says: absent or disabled, no handler;
     * heap only, its handler installed; with packages, the application's container registered; the agent that does
     * nothing, no handler and its own proof that it ran.
     */
    private static void requireAgentState(String agentArgument, boolean emptyAgent, String evidenceLine) {
        String evidence = evidenceLine == null ? "nothing" : evidenceLine;
        boolean handler = evidence.startsWith("agent: handler io.leakwatch.");
        boolean registered = handler && !evidence.contains("registrations=0 ");
        boolean expected;
        if (emptyAgent) {
            expected = evidence.equals("agent: none" + EmptyAgent.RAN_EVIDENCE);
        } else if (agentArgument == null || agentArgument.contains("enabled=false")) {
            expected = evidence.equals("agent: none");
        } else if (agentArgument.contains("packages=")) {
            expected = registered;
        } else {
            expected = handler && !registered;
        }
        if (!expected) {
            throw new IllegalStateException("agent " + agentArgument + " left the wrong state: " + evidence);
        }
    }

    private static double timeToFirstLine(String java, Path applicationJar, String mainClass, Path agentJar,
            String agentArgument, boolean emptyAgent) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java);
        if (emptyAgent) {
            command.add("-javaagent:" + agentJar);
        } else if (agentArgument != null) {
            command.add("-javaagent:" + agentJar + "=" + agentArgument);
        }
        // Hello in a jar of its own, not on the benchmark's class path: that holds a copy of the agent's classes (the
        // agent module), the control agent's class (which the JVM would find there instead of opening its jar) and
        // some 50 jars Hello never opens, through which the JVM looks up any agent's Premain-Class, opening each.
        command.add("-cp");
        command.add(applicationJar.toString());
        command.add(mainClass);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("LEAKWATCH_") || name.startsWith("OTEL_"));
        long started = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            long elapsed = System.nanoTime() - started;
            if (!"hello".equals(first)) {
                throw new IllegalStateException("expected 'hello' from " + command + ", got " + first);
            }
            requireAgentState(agentArgument, emptyAgent, out.readLine());
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return elapsed / 1_000_000.0;
        }
    }
}
