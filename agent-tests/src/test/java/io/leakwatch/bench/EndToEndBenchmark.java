package io.leakwatch.bench;

import com.acme.payment.load.PlannedRequest;
import com.acme.payment.load.SyntheticOrders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import com.acme.bench.EmptyAgent;

import io.leakwatch.it.otlp.OtlpReceiver;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Measures what the leakwatch agent costs the demo payment service over HTTP, in pairs of runs with and without it;
 * with {@code --control yes}, in rounds that also run an agent whose {@code premain} does nothing. With
 * {@code --side-by-side yes} the arms of a round run at once, every demo pinned to the same core, and each is
 * measured in requests per second of its own CPU: run one after another, arms that should be equal drift by more
 * than the 2% looked for, while arms that share a core and its seconds are exposed to the same machine.
 */
public final class EndToEndBenchmark {
    private static final String USAGE = "usage: java -Dleakwatch.agentJar=AGENT_JAR -Dleakwatch.demoJar=DEMO_JAR"
            + " -cp CLASSPATH " + EndToEndBenchmark.class.getName()
            + " [--pairs N] [--warmup-seconds S] [--measure-seconds S] [--clients C] [--exporter none|otlp]"
            + " [--control yes|no] [--side-by-side yes|no] [--out FILE]";
    private static final int BAD_ARGUMENTS_STATUS = 2;

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Settings settings;
        try {
            settings = Settings.parse(args, System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(BAD_ARGUMENTS_STATUS);
            return;
        }
        OffsetDateTime startedAt = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        List<RunResult> runs = runAll(settings);
        String report = new Report(settings, startedAt, runs).text();
        System.out.print(report);
        if (settings.out() != null) {
            Files.writeString(settings.out(), report);
        }
    }

    private static List<RunResult> runAll(Settings settings) throws IOException, InterruptedException {
        if (!settings.otlp()) {
            return runAll(settings, null);
        }
        // The agent exports to a receiver on this machine, as to a collector beside the service.
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            return runAll(settings, receiver);
        }
    }

    private static List<RunResult> runAll(Settings settings, OtlpReceiver receiver)
            throws IOException, InterruptedException {
        Path emptyAgentJar = settings.control() ? ControlAgentJars.empty() : null;
        if (settings.sideBySide()) {
            return SideBySideRounds.run(settings, receiver, emptyAgentJar);
        }
        List<RunResult> runs = new ArrayList<>();
        List<Arm> arms = settings.arms();
        int total = arms.size() * settings.pairs();
        for (int pair = 1; pair <= settings.pairs(); pair++) {
            // Rotating which arm goes first spreads slow drift (a warming machine, a neighbour's load) over all.
            for (int i = 0; i < arms.size(); i++) {
                Arm arm = arms.get((pair - 1 + i) % arms.size());
                int run = runs.size() + 1;
                System.err.printf(Locale.ROOT, "run %d/%d (pair %d, %s) ...%n", run, total, pair, arm.label);
                RunResult result = runOnce(settings, receiver, emptyAgentJar, run, pair, arm);
                System.err.printf(Locale.ROOT, "run %d/%d: %.0f req/s, p99 %.2f ms, %d errors%n", run, total,
                        result.requestsPerSecond(), result.p99Millis(), result.errors());
                runs.add(result);
            }
        }
        return runs;
    }

    private static RunResult runOnce(Settings settings, OtlpReceiver receiver, Path emptyAgentJar, int run, int pair,
            Arm arm) throws IOException, InterruptedException {
        int metricRequestsBefore = receiver == null ? 0 : receiver.metricRequests().size();
        DemoService demo = DemoService.start(settings, arm, receiver, emptyAgentJar, List.of(), List.of());
        List<String> notes;
        Interval measured;
        try {
            ClosedLoop load = ClosedLoop.start(demo.checkoutUri(), settings.clients(), "r" + run);
            TimeUnit.SECONDS.sleep(settings.warmupSeconds());
            load.beginInterval();
            TimeUnit.SECONDS.sleep(settings.measureSeconds());
            measured = load.endInterval();
            load.stop();
            notes = proveArm(run, arm, demo);
        } finally {
            demo.close();
        }
        notes.addAll(outcomeNotes(measured, demo));
        if (receiver != null && arm == Arm.AGENT) {
            notes.add(exportNote(run, receiver, metricRequestsBefore));
        }
        return new RunResult(run, pair, arm, measured, Double.NaN, notes);
    }

    /**
     * Checks, while the demo still runs, that its arm was what it claims, and says how; throws when not, since a
     * figure from a JVM whose agent did not run would be void.
     */
    static List<String> proveArm(int run, Arm arm, DemoService demo) throws IOException, InterruptedException {
        List<String> notes = new ArrayList<>();
        if (arm == Arm.AGENT) {
            // The proof that the agent was at work in the measured JVM, whatever the exporter: its sampler runs
            // only when the agent started enabled. A refused setting would leave it off and the figure void.
            List<String> threads = demo.leakwatchThreads();
            if (!threads.contains("leakwatch-sampler")) {
                throw new IllegalStateException("run " + run + ": no leakwatch sampler thread in the demo: "
                        + threads + "; stderr " + demo.stderrSummary());
            }
            notes.add("leakwatch threads " + threads);
        }
        if (arm == Arm.EMPTY && !demo.systemProperties().contains(EmptyAgent.RAN_PROPERTY + "=true")) {
            // The control counts only if its agent ran in the measured JVM, as leakwatch's runs count only
            // with its sampler there.
            throw new IllegalStateException("run " + run + ": the agent that does nothing did not run in the demo;"
                    + " stderr " + demo.stderrSummary());
        }
        if (arm == Arm.EMPTY) {
            notes.add("the agent that does nothing ran (" + EmptyAgent.RAN_PROPERTY + "=true)");
        }
        if (!demo.isAlive()) {
            notes.add("the demo exited on its own before the run ended, status " + demo.exitValue());
        }
        return notes;
    }

    /** The answers that were not successes, and what the demo wrote to stderr. */
    static List<String> outcomeNotes(Interval measured, DemoService demo) {
        List<String> notes = new ArrayList<>();
        measured.rejections().forEach((kind, count) -> notes.add("business rejections " + kind + ": " + count));
        measured.errors().forEach((kind, count) -> notes.add("errors " + kind + ": " + count));
        notes.addAll(demo.stderrSummary());
        return notes;
    }

    /** The proof that the run exported: without it an "otlp" figure could be an agent that sent nothing. */
    static String exportNote(int run, OtlpReceiver receiver, int metricRequestsBefore) {
        return "OTLP metric requests received from run " + run + ": "
                + (receiver.metricRequests().size() - metricRequestsBefore);
    }

    /** What the demo runs with: nothing, an agent whose premain does nothing (the control), or leakwatch. */
    enum Arm {
        NONE("none"), EMPTY("empty"), AGENT("agent");

        final String label;

        Arm(String label) {
            this.label = label;
        }
    }

    /**
     * The command line and the two jars.
     *
     * @param out where to write the report as well, or {@code null}
     */
    record Settings(int pairs, int warmupSeconds, int measureSeconds, int clients, boolean otlp, boolean control,
            boolean sideBySide, Path out, Path agentJar, Path demoJar) {

        static Settings parse(String[] args, Properties properties) {
            int pairs = 5;
            int warmup = 20;
            int measure = 30;
            int clients = 8;
            boolean otlp = false;
            boolean control = false;
            boolean sideBySide = false;
            Path out = null;
            for (int i = 0; i < args.length; i += 2) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[i + 1];
                switch (name) {
                    case "--pairs" -> pairs = parseCount(name, value, 1);
                    case "--warmup-seconds" -> warmup = parseCount(name, value, 0);
                    case "--measure-seconds" -> measure = parseCount(name, value, 1);
                    case "--clients" -> clients = parseCount(name, value, 1);
                    case "--exporter" -> otlp = switch (value) {
                        case "otlp" -> true;
                        case "none" -> false;
                        default -> throw new IllegalArgumentException("--exporter expects none or otlp, got '" + value + "'");
                    };
                    case "--control" -> control = yesOrNo(name, value);
                    case "--side-by-side" -> sideBySide = yesOrNo(name, value);
                    case "--out" -> out = Paths.get(value);
                    default -> throw new IllegalArgumentException("unknown argument '" + name + "'");
                }
            }
            return new Settings(pairs, warmup, measure, clients, otlp, control, sideBySide, out,
                    existingFile(properties, "leakwatch.agentJar"),
                    existingFile(properties, "leakwatch.demoJar"));
        }

        /** The arms of each round: with the control, an agent that does nothing tells what any agent costs. */
        List<Arm> arms() {
            return control ? List.of(Arm.AGENT, Arm.NONE, Arm.EMPTY) : List.of(Arm.AGENT, Arm.NONE);
        }

        /** The demo's own time limit: a safety net that ends it even if this benchmark dies without stopping it. */
        String demoDuration() {
            long seconds = warmupSeconds + measureSeconds + 120L;
            return Math.max(10, (seconds + 59) / 60) + "m";
        }

        private static boolean yesOrNo(String name, String value) {
            return switch (value) {
                case "yes" -> true;
                case "no" -> false;
                default -> throw new IllegalArgumentException(name + " expects yes or no, got '" + value + "'");
            };
        }

        private static int parseCount(String name, String value, int min) {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= min) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // Falls through to the same message as a number that is too small.
            }
            throw new IllegalArgumentException(name + " expects a whole number of at least " + min + ", got '"
                    + value + "'");
        }

        private static Path existingFile(Properties properties, String name) {
            String value = properties.getProperty(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("system property " + name + " is not set");
            }
            Path path = Paths.get(value);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(name + " names no file: " + path);
            }
            return path;
        }
    }

    /** One demo JVM in healthy mode, with or without the agent, serving on a loopback port. */
    static final class DemoService implements AutoCloseable {
        private static final String AGENT_OPTIONS = "packages=com.acme.payment,log=stderr";
        /** Every 10 s rather than the default minute, so that a 30 s measurement holds a few exports. */
        private static final String METRIC_EXPORT_INTERVAL_MILLIS = "10000";
        private static final String LISTENING = "[payment] listening on ";
        /** Generous: the agent starts too, and the owner's other work may share the two cores. */
        private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
        private static final Duration STOP_GRACE = Duration.ofSeconds(15);
        private static final int STDERR_LINES_SHOWN = 5;

        private final Process process;
        private final List<String> stderr;
        private final URI checkoutUri;

        private DemoService(Process process, List<String> stderr, URI checkoutUri) {
            this.process = process;
            this.stderr = stderr;
            this.checkoutUri = checkoutUri;
        }

        /**
         * Starts the demo behind {@code launcherPrefix} (such as {@code taskset -c 1}, or nothing), with
         * {@code jvmOptions} besides its own, and returns once it says it is listening.
         */
        static DemoService start(Settings settings, Arm arm, OtlpReceiver receiver, Path emptyAgentJar,
                List<String> launcherPrefix, List<String> jvmOptions) throws IOException, InterruptedException {
            int port = BenchRuns.freeLoopbackPort();
            List<String> arguments = new ArrayList<>(jvmOptions);
            arguments.add("-Xmx256m");
            if (arm == Arm.EMPTY) {
                arguments.add("-javaagent:" + emptyAgentJar);
            }
            if (arm == Arm.AGENT) {
                arguments.add("-javaagent:" + settings.agentJar() + "=" + AGENT_OPTIONS
                        + (receiver == null ? ",exporter=none" : ",exporter=otlp"));
                if (receiver != null) {
                    arguments.add("-Dotel.exporter.otlp.endpoint=" + receiver.endpoint());
                    arguments.add("-Dotel.metric.export.interval=" + METRIC_EXPORT_INTERVAL_MILLIS);
                }
            }
            // No --feature and no --load: the healthy service, and all of its traffic comes from this process.
            arguments.addAll(List.of("-jar", settings.demoJar().toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--duration", settings.demoDuration()));
            CountDownLatch listening = new CountDownLatch(1);
            List<String> stderr = new CopyOnWriteArrayList<>();
            Process process = BenchRuns.startJava(launcherPrefix, arguments, line -> {
                if (line.startsWith(LISTENING)) {
                    listening.countDown();
                }
            }, stderr::add);
            DemoService demo = new DemoService(process, stderr,
                    URI.create("http://127.0.0.1:" + port + "/checkout"));
            try {
                demo.awaitListening(listening);
            } catch (IllegalStateException | InterruptedException e) {
                demo.close();
                throw e;
            }
            return demo;
        }

        URI checkoutUri() {
            return checkoutUri;
        }

        boolean isAlive() {
            return process.isAlive();
        }

        long pid() {
            return process.pid();
        }

        /**
         * The CPU time the demo's process has used so far, all its threads together (read from the operating system,
         * in its clock ticks).
         *
         * @throws IllegalStateException where the operating system does not tell
         */
        double cpuSeconds() {
            return process.info().totalCpuDuration()
                    .orElseThrow(() -> new IllegalStateException("the operating system gives no CPU time for process "
                            + process.pid()))
                    .toNanos() / 1e9;
        }

        int exitValue() {
            return process.exitValue();
        }

        /** The names of the demo's threads that leakwatch started, read with {@code jcmd Thread.print}. */
        List<String> leakwatchThreads() throws IOException, InterruptedException {
            List<String> names = new ArrayList<>();
            jcmd("Thread.print").stream().filter(line -> line.startsWith("\"leakwatch-"))
                    .map(line -> line.substring(1, line.indexOf('"', 1)))
                    .forEach(names::add);
            return names;
        }

        /** The demo's system properties as {@code name=value} lines, read with {@code jcmd VM.system_properties}. */
        List<String> systemProperties() throws IOException, InterruptedException {
            return jcmd("VM.system_properties");
        }

        private List<String> jcmd(String command) throws IOException, InterruptedException {
            Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                    .redirectErrorStream(true).start();
            List<String> lines;
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(dump.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                lines = reader.lines().collect(Collectors.toList());
            }
            dump.waitFor(30, TimeUnit.SECONDS);
            return lines;
        }

        /** What the demo (or the agent in it) wrote to stderr, which in a healthy run should be little or nothing. */
        List<String> stderrSummary() {
            List<String> summary = new ArrayList<>();
            List<String> lines = List.copyOf(stderr);
            lines.stream().limit(STDERR_LINES_SHOWN).forEach(line -> summary.add("demo stderr: " + line));
            if (lines.size() > STDERR_LINES_SHOWN) {
                summary.add("demo stderr: ... " + (lines.size() - STDERR_LINES_SHOWN) + " more lines");
            }
            return summary;
        }

        @Override
        public void close() {
            try {
                BenchRuns.stop(process, STOP_GRACE);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private void awaitListening(CountDownLatch listening) throws InterruptedException {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!listening.await(100, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the demo exited with status " + process.exitValue()
                            + " before listening; stderr: " + stderr);
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("the demo did not print '" + LISTENING.trim() + "' within "
                            + START_TIMEOUT.toSeconds() + " s; stderr: " + stderr);
                }
            }
        }
    }

    /** Client threads in a closed loop: each sends a checkout, waits for the answer, then sends the next. */
    static final class ClosedLoop {
        /** The same seeds in every run, so that both arms serve the same stream of orders. */
        private static final long SEED = 0x1EA4_3A7CL;
        private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
        private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
        private static final int SIGNIFICANT_DIGITS = 3;
        private static final int MAX_ERROR_TEXT = 100;

        private final URI checkoutUri;
        // A client per run: no pooled connection to an earlier run's server is ever reused.
        private final HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        private final Recorder latencies = new Recorder(SIGNIFICANT_DIGITS);
        private final AtomicReference<Tallies> tallies = new AtomicReference<>(new Tallies());
        private final List<Thread> clients = new ArrayList<>();
        private volatile boolean running = true;
        private long intervalStartNanos;

        private ClosedLoop(URI checkoutUri) {
            this.checkoutUri = checkoutUri;
        }

        /**
         * Starts {@code clientCount} clients against {@code checkoutUri}.
         *
         * @param runId keeps order ids and idempotency keys apart between runs and clients
         */
        static ClosedLoop start(URI checkoutUri, int clientCount, String runId) {
            ClosedLoop loop = new ClosedLoop(checkoutUri);
            for (int i = 0; i < clientCount; i++) {
                // SyntheticOrders is not thread-safe: one stream per client.
                SyntheticOrders orders = new SyntheticOrders(SEED + i, runId + "c" + i);
                Thread client = new Thread(() -> loop.drive(orders), "client-" + i);
                client.setDaemon(true);
                loop.clients.add(client);
                client.start();
            }
            loop.intervalStartNanos = System.nanoTime();
            return loop;
        }

        /** Starts a new interval, dropping what the clients did so far (the warm-up). */
        void beginInterval() {
            endInterval();
        }

        /** Ends the current interval and returns what completed in it; the next interval starts now. */
        Interval endInterval() {
            Histogram histogram = latencies.getIntervalHistogram();
            Tallies ended = tallies.getAndSet(new Tallies());
            long now = System.nanoTime();
            double seconds = (now - intervalStartNanos) / 1e9;
            intervalStartNanos = now;
            return new Interval(histogram, seconds, Tallies.sums(ended.rejections), Tallies.sums(ended.errors));
        }

        /** Stops the clients; each finishes (or times out) the request it has in flight. */
        void stop() throws InterruptedException {
            running = false;
            for (Thread client : clients) {
                client.join(REQUEST_TIMEOUT.toMillis() + 1_000);
            }
        }

        private void drive(SyntheticOrders orders) {
            while (running) {
                PlannedRequest planned = orders.next();
                HttpRequest request = planned.toHttpRequest(checkoutUri, REQUEST_TIMEOUT);
                long start = System.nanoTime();
                try {
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    record(status, System.nanoTime() - start);
                } catch (IOException e) {
                    tallies.get().fail(describe(e));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void record(int status, long nanos) {
            if (status / 100 == 2) {
                latencies.recordValue(TimeUnit.NANOSECONDS.toMicros(nanos));
            } else if (isBusinessRejection(status)) {
                latencies.recordValue(TimeUnit.NANOSECONDS.toMicros(nanos));
                tallies.get().reject("HTTP " + status);
            } else {
                tallies.get().fail("HTTP " + status);
            }
        }

        /** The exception's type and message, which tell a timeout from a closed connection; cut to stay one line. */
        private static String describe(IOException e) {
            String text = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + " (" + e.getMessage() + ")";
            return text.length() <= MAX_ERROR_TEXT ? text : text.substring(0, MAX_ERROR_TEXT) + "...";
        }

        /**
         * Declines and fraud rejections come back as 200 with the outcome in the body; 400 (an order the demo
         * finds invalid) and 409 (a key reused for another order) are its answers too, not a failure to serve.
         */
        private static boolean isBusinessRejection(int status) {
            return status == 400 || status == 409;
        }
    }

    /** Counts of the answers that were not 2xx, by kind, for one interval; replaced whole at a boundary. */
    private static final class Tallies {
        private final Map<String, LongAdder> rejections = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

        void reject(String kind) {
            rejections.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        void fail(String kind) {
            errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
        }

        static Map<String, Long> sums(Map<String, LongAdder> tally) {
            Map<String, Long> sums = new TreeMap<>();
            tally.forEach((kind, count) -> sums.put(kind, count.sum()));
            return sums;
        }
    }

    /**
     * What completed in one measured interval.
     *
     * @param latencies the latency of each completed request, in microseconds
     * @param seconds the interval's length
     * @param rejections the business rejections among the completed requests, by status
     * @param errors the requests that did not complete, by status or exception
     */
    record Interval(Histogram latencies, double seconds, Map<String, Long> rejections, Map<String, Long> errors) {
    }

    /**
     * The figures of one run.
     *
     * @param cpuSeconds the demo's CPU time in the measured interval, or NaN where it was not read (runs one after
     *     another)
     */
    record RunResult(int run, int pair, Arm arm, Interval measured, double cpuSeconds, List<String> notes) {
        private static final double MICROS_PER_MILLI = 1_000.0;

        double requestsPerSecond() {
            return measured.latencies().getTotalCount() / measured.seconds();
        }

        /** Requests per second of the demo's own CPU: what a request costs, whatever share of a core it had. */
        double requestsPerCpuSecond() {
            return measured.latencies().getTotalCount() / cpuSeconds;
        }

        double percentileMillis(double percentile) {
            return measured.latencies().getValueAtPercentile(percentile) / MICROS_PER_MILLI;
        }

        double p50Millis() {
            return percentileMillis(50);
        }

        double p99Millis() {
            return percentileMillis(99);
        }

        double p999Millis() {
            return percentileMillis(99.9);
        }

        double maxMillis() {
            return measured.latencies().getMaxValue() / MICROS_PER_MILLI;
        }

        long errors() {
            return measured.errors().values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The printed result: every run, the ratios per pair, and their medians. */
    static final class Report {
        private final Settings settings;
        private final OffsetDateTime startedAt;
        private final List<RunResult> runs;
        private final StringBuilder text = new StringBuilder();

        Report(Settings settings, OffsetDateTime startedAt, List<RunResult> runs) {
            this.settings = settings;
            this.startedAt = startedAt;
            this.runs = runs;
        }

        String text() {
            text.setLength(0);
            line("end-to-end: %d rounds of %s%s, %d clients each, %d s measured after %d s warm-up, exporter=%s,"
                    + " JDK %s (%s), %d CPUs, %s",
                    settings.pairs(), settings.arms().stream().map(arm -> arm.label).collect(Collectors.joining(", ")),
                    settings.sideBySide() ? " side by side on one core" : " one after another", settings.clients(),
                    settings.measureSeconds(), settings.warmupSeconds(),
                    settings.otlp() ? "otlp (to a local receiver, metrics every 10 s)" : "none",
                    System.getProperty("java.version"), System.getProperty("java.vendor"),
                    Runtime.getRuntime().availableProcessors(), startedAt);
            runTable();
            ratioTable();
            medians();
            notes();
            return text.toString();
        }

        private void runTable() {
            // The demo's CPU is read only side by side, where it is the comparison.
            boolean cpu = settings.sideBySide();
            line("run  pair  agent     req/s   p50 ms   p99 ms  p99.9 ms   max ms  errors%s",
                    cpu ? "    cpu s  req/cpu-s" : "");
            for (RunResult r : runs) {
                String figures = String.format(Locale.ROOT, "%3d  %4d  %-5s  %8.1f  %7.2f  %7.2f  %8.2f  %7.2f  %6d",
                        r.run(), r.pair(), r.arm().label, r.requestsPerSecond(), r.p50Millis(), r.p99Millis(),
                        r.p999Millis(), r.maxMillis(), r.errors());
                line("%s%s", figures, cpu ? String.format(Locale.ROOT, "  %7.2f  %9.1f", r.cpuSeconds(),
                        r.requestsPerCpuSecond()) : "");
            }
        }

        private void ratioTable() {
            for (Arm[] compared : comparisons()) {
                boolean cpu = settings.sideBySide();
                line("pair  req/s ratio  p99 ratio%s   (%s/%s)", cpu ? "  req/cpu-s ratio" : "", compared[0].label,
                        compared[1].label);
                for (int pair = 1; pair <= settings.pairs(); pair++) {
                    line("%4d  %11.3f  %9.3f%s", pair, ratio(pair, compared, RunResult::requestsPerSecond),
                            ratio(pair, compared, RunResult::p99Millis), cpu ? String.format(Locale.ROOT, "  %15.3f",
                                    ratio(pair, compared, RunResult::requestsPerCpuSecond)) : "");
                }
            }
        }

        /** leakwatch against no agent; with the control, also against it, and the control against no agent. */
        private List<Arm[]> comparisons() {
            List<Arm[]> comparisons = new ArrayList<>();
            comparisons.add(new Arm[] {Arm.AGENT, Arm.NONE});
            if (settings.control()) {
                comparisons.add(new Arm[] {Arm.AGENT, Arm.EMPTY});
                comparisons.add(new Arm[] {Arm.EMPTY, Arm.NONE});
            }
            return comparisons;
        }

        private void medians() {
            for (Arm[] compared : comparisons()) {
                if (settings.sideBySide()) {
                    // Side by side, the core's seconds are shared: a JVM's requests per second tell how much of the
                    // core it got, its requests per second of its own CPU what each request cost it.
                    medianRatio("throughput per CPU second", compared, RunResult::requestsPerCpuSecond);
                }
                medianRatio("throughput", compared, RunResult::requestsPerSecond);
                medianRatio("p99", compared, RunResult::p99Millis);
            }
            for (Arm agent : settings.arms()) {
                line("median %-5s: %.1f req/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms", agent.label,
                        median(figures(agent, RunResult::requestsPerSecond)), median(figures(agent, RunResult::p50Millis)),
                        median(figures(agent, RunResult::p99Millis)), median(figures(agent, RunResult::p999Millis)),
                        median(figures(agent, RunResult::maxMillis)));
            }
        }

        private void medianRatio(String name, Arm[] compared, ToDoubleFunction<RunResult> figure) {
            List<Double> ratios = new ArrayList<>();
            for (int pair = 1; pair <= settings.pairs(); pair++) {
                ratios.add(ratio(pair, compared, figure));
            }
            line("median %s ratio (%s/%s): %.3f (%.3f..%.3f), below 1 in %d of %d", name, compared[0].label,
                    compared[1].label, median(ratios),
                    ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                    ratios.stream().filter(ratio -> ratio < 1).count(), ratios.size());
        }

        private void notes() {
            boolean any = runs.stream().anyMatch(r -> !r.notes().isEmpty());
            if (!any) {
                return;
            }
            line("notes:");
            for (RunResult r : runs) {
                r.notes().forEach(note -> line("  run %d (%s): %s", r.run(), r.arm().label, note));
            }
        }

        private double ratio(int pair, Arm[] compared, ToDoubleFunction<RunResult> figure) {
            return figure.applyAsDouble(find(pair, compared[0])) / figure.applyAsDouble(find(pair, compared[1]));
        }

        private RunResult find(int pair, Arm arm) {
            return runs.stream().filter(r -> r.pair() == pair && r.arm() == arm).findFirst().orElseThrow();
        }

        private List<Double> figures(Arm arm, ToDoubleFunction<RunResult> figure) {
            List<Double> values = new ArrayList<>();
            runs.stream().filter(r -> r.arm() == arm).forEach(r -> values.add(figure.applyAsDouble(r)));
            return values;
        }

        /** The middle value, or the mean of the two middle values of an even count. */
        private static double median(List<Double> values) {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        private void line(String format, Object... args) {
            text.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
        }
    }
}
