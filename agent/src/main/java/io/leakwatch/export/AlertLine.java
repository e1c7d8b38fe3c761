package io.leakwatch.export;

import java.util.Locale;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Evidence;
import io.leakwatch.analysis.Severity;
import io.leakwatch.log.AgentLog;

/** The human-readable line of an alert, as written to the log sink and used as the OTLP log body. */
public final class AlertLine {

    private AlertLine() {
    }

    public static String format(Alert alert) {
        StringBuilder line = new StringBuilder(AgentLog.PREFIX).append(alert.severity()).append(' ');
        if (alert.kind() == AlertKind.CONTAINER) {
            line.append("container ").append(alert.site());
            if (alert.type() != null) {
                line.append(" (").append(alert.type()).append(')');
            }
            if (alert.severity() == Severity.RESOLVED) {
                return line.append(" stopped growing at ").append(alert.size()).append(" elements").toString();
            }
            line.append(" grows by ").append(whole(alert.growthPerMin())).append(" elements/min, now ")
                    .append(alert.size()).append(" elements");
            if (alert.estimatedBytes() != null) {
                line.append(", ~").append(bytes(alert.estimatedBytes())).append(" retained");
            }
        } else if (alert.kind() != AlertKind.HEAP) {
            return outsideTheHeap(line, alert);
        } else {
            line.append("heap pool '").append(alert.pool()).append('\'');
            if (alert.severity() == Severity.RESOLVED) {
                return line.append(" live set stopped growing at ").append(bytes(alert.heapUsedAfterGc()))
                        .append(" of ").append(bytes(alert.heapMax())).toString();
            }
            line.append(" live set after GC grows by ").append(bytes(alert.growthPerMin().longValue()))
                    .append("/min");
        }
        if (alert.heapUsedAfterGc() != null) {
            line.append("; live ").append(bytes(alert.heapUsedAfterGc())).append(" of ").append(bytes(alert.heapMax()));
        }
        if (alert.secondsToExhaustion() != null) {
            line.append(", full in ~").append(duration(alert.secondsToExhaustion()));
        }
        return withFollowUp(line, alert);
    }

    /** What a repeated alert adds: where the entries come from (the most frequent stack), the heap dump's path. */
    private static String withFollowUp(StringBuilder line, Alert alert) {
        if (alert.evidence() != null && !alert.evidence().isEmpty()) {
            Evidence top = alert.evidence().get(0);
            line.append("; entries (").append(top.type()).append(", ").append(top.count()).append(" sampled) from ")
                    .append(String.join(" < ", top.stack()));
        }
        if (alert.heapDump() != null) {
            line.append("; heap dump ").append(alert.heapDump());
        }
        return line.toString();
    }

    /** Class metadata or buffer memory: bytes used now, against a limit only where the JVM enforces one. */
    private static String outsideTheHeap(StringBuilder line, Alert alert) {
        line.append(alert.kind() == AlertKind.METASPACE ? "metaspace pool '" : "direct buffer pool '")
                .append(alert.pool()).append('\'');
        if (alert.severity() == Severity.RESOLVED) {
            line.append(" stopped growing at ").append(bytes(alert.heapUsedAfterGc()));
        } else {
            line.append(" grows by ").append(bytes(alert.growthPerMin().longValue())).append("/min; used ")
                    .append(bytes(alert.heapUsedAfterGc()));
        }
        if (alert.heapMax() != null) {
            line.append(" of ").append(bytes(alert.heapMax()));
        } else {
            line.append(", no limit set");
        }
        if (alert.secondsToExhaustion() != null) {
            line.append(", full in ~").append(duration(alert.secondsToExhaustion()));
        }
        if (alert.loadedClasses() != null) {
            line.append("; ").append(String.format(Locale.ROOT, "%,d", alert.loadedClasses()))
                    .append(" classes loaded, ").append(String.format(Locale.ROOT, "%,d", alert.unloadedClasses()))
                    .append(" unloaded since start");
        }
        return withFollowUp(line, alert);
    }

    private static String whole(Double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String duration(double seconds) {
        long total = Math.round(seconds);
        if (total < 60) {
            return total + "s";
        }
        if (total < 3600) {
            return (total / 60) + "m" + String.format(Locale.ROOT, "%02d", total % 60) + "s";
        }
        return (total / 3600) + "h" + String.format(Locale.ROOT, "%02d", (total % 3600) / 60) + "m";
    }
}
