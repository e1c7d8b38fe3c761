package com.acme.bench;

import jdk.jfr.Recording;

/**
 * {@link CheckoutLoop} while a Flight Recorder recording runs with exactly the settings of leakwatch's evidence
 * recording (old-object samples with stacks and a 1 s root-search cutoff, allocation samples with stacks at
 * 300 a second): what the loop pays while the agent gathers evidence.
 */
public final class RecordedCheckoutLoop {

    private RecordedCheckoutLoop() {
    }

    public static void main(String[] args) throws Exception {
        try (Recording recording = new Recording()) {
            recording.setToDisk(true);
            recording.setMaxSize(16L * 1024 * 1024);
            recording.enable("jdk.OldObjectSample").withStackTrace().with("cutoff", "1000 ms");
            recording.enable("jdk.ObjectAllocationSample").withStackTrace().with("throttle", "300/s");
            recording.start();
            System.out.println("recording: evidence settings");
            CheckoutLoop.main(args);
        }
    }
}
