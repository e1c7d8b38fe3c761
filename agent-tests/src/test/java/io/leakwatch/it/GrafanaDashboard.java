package io.leakwatch.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.proto.metrics.v1.Metric;

/**
 * docs/otlp/grafana-dashboard.json as far as its queries go: the metric names each PromQL expression (panel
 * targets and template variables) reads, and the Prometheus name the collector gives an OTLP metric.
 */
final class GrafanaDashboard {

    static final Path FILE = ForkedJvm.AGENT_JAR.toAbsolutePath().getParent().getParent().getParent()
            .resolve("docs/otlp/grafana-dashboard.json");

    /** Words of PromQL that are not metric names when they stand alone. */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "offset", "bool", "and", "or", "unless", "inf", "nan");
    /** A template variable's {@code label_values(metric, label)}: its second argument is a label. */
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*\\w+\\s*\\)");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*\\}|\\$\\w+");
    private static final Pattern LABEL_LISTS = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)|\\{[^}]*\\}|\\[[^\\]]*\\]");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(?=\\s*(\\()?)");

    private GrafanaDashboard() {
    }

    /** Every PromQL expression of the dashboard: each target's {@code expr}, each query variable's query. */
    static List<String> queries() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(FILE));
        List<String> queries = new ArrayList<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            queries.add(expr.asText());
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                JsonNode query = variable.path("query");
                queries.add(query.isTextual() ? query.asText() : query.path("query").asText());
            }
        }
        return queries;
    }

    /** The metric names an expression reads: identifiers that are not functions, keywords, labels or numbers. */
    static Set<String> metricNames(String promql) {
        String bare = GRAFANA_VARIABLE.matcher(STRING.matcher(promql).replaceAll("\"\"")).replaceAll("");
        bare = LABEL_VALUES.matcher(bare).replaceAll("$1");
        bare = LABEL_LISTS.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            boolean function = identifier.group(1) != null;
            boolean partOfNumber = identifier.start() > 0 && Character.isDigit(bare.charAt(identifier.start() - 1));
            if (!function && !partOfNumber && !KEYWORDS.contains(identifier.group().toLowerCase())) {
                names.add(identifier.group());
            }
        }
        return names;
    }

    /**
     * The collector's Prometheus name (docs/otlp/README.md, "Prometheus names"): dots become underscores, the unit
     * is appended ({@code By} bytes, {@code s} seconds, a {@code /s} denominator per_second, a unit in braces
     * nothing) unless the name has it already, and a monotonic sum ends in {@code total}.
     */
    static String prometheusName(Metric metric) {
        List<String> tokens = new ArrayList<>(List.of(metric.getName().split("[^a-zA-Z0-9:]+")));
        String unit = metric.getUnit();
        String[] parts = unit.split("/", 2);
        String main = unitWord(parts[0]);
        if (!main.isEmpty() && !tokens.contains(main)) {
            tokens.add(main);
        }
        if (parts.length == 2 && !unitWord(parts[1]).isEmpty()) {
            tokens.add("per");
            tokens.add(unitWord(parts[1]).replaceAll("s$", ""));
        }
        if (metric.hasSum() && metric.getSum().getIsMonotonic() && !tokens.contains("total")) {
            tokens.add("total");
        }
        return String.join("_", tokens);
    }

    private static String unitWord(String unit) {
        if (unit.startsWith("{") || unit.isEmpty()) {
            return "";
        }
        switch (unit) {
            case "By":
                return "bytes";
            case "s":
                return "seconds";
            default:
                return unit;
        }
    }
}
