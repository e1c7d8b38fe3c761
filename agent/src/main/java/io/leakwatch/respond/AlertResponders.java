package io.leakwatch.respond;

import java.util.ArrayList;
import java.util.List;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.export.AlertSink;
import io.leakwatch.respond.action.ActionResponder;
import io.leakwatch.respond.evidence.EvidenceResponder;
import io.leakwatch.respond.heapdump.HeapDumpResponder;

/**
 * What answers an alert once it is reported: each responder takes the alert on the sampler thread, returns at
 * once, and does its work (a recording, a dump, an action) on a thread of its own, so detection never waits.
 */
public final class AlertResponders {

    private AlertResponders() {
    }

    /** The responders the configuration asks for, each given the way to repeat an alert with what it found. */
    public static List<AlertSink> of(LeakwatchConfig config, FollowUpAlerts followUps) {
        List<AlertSink> responders = new ArrayList<>();
        ActionResponder.of(config.responses()).ifPresent(responders::add);
        EvidenceResponder.start(config, followUps).ifPresent(responders::add);
        HeapDumpResponder.of(config, followUps).ifPresent(responders::add);
        return responders;
    }
}
