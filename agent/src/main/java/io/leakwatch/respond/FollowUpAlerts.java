package io.leakwatch.respond;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.leakwatch.analysis.Alert;
import io.leakwatch.export.AlertFanOut;

/**
 * Repeats an alert once, with the same severity, to add what was found in answer to it: the evidence of where its
 * entries come from, or the heap dump written for it. The interface allows one repeat per state; a second
 * addition to the same state is not repeated (whoever made it says so in its own log line).
 */
public final class FollowUpAlerts {

    /** States remembered as repeated; the oldest are forgotten first, long after their repeat. */
    private static final int REMEMBERED = 4096;

    private final AlertFanOut reporting;
    private final Set<String> repeated = Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** @param reporting the sinks that report alerts (log, events file, OTLP), not the responders */
    public FollowUpAlerts(AlertFanOut reporting) {
        this.reporting = reporting;
    }

    /**
     * Delivers the amended alert to the reporting sinks, unless this state (kind, site or pool, severity, time
     * raised) was already repeated. Returns whether it was delivered. Called from responders' own threads.
     */
    public boolean repeat(Alert amended) {
        String state = amended.kind() + "|" + amended.subject() + "|" + amended.severity() + "|" + amended.time();
        synchronized (repeated) {
            if (!repeated.add(state)) {
                return false;
            }
        }
        reporting.deliver(amended);
        return true;
    }
}
