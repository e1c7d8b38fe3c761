package com.acme.payment;

import java.util.concurrent.atomic.LongAdder;

/** Counts HTTP requests that succeeded and failed, cheaply enough to update on every request. */
public final class RequestCounters {
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /** Counts one request by its response status: 2xx succeeded, anything else failed. */
    public void record(int status) {
        if (status >= 200 && status < 300) {
            succeeded.increment();
        } else {
            failed.increment();
        }
    }

    /** Requests answered with a 2xx status so far. */
    public long succeeded() {
        return succeeded.sum();
    }

    /** Requests answered with any other status so far. */
    public long failed() {
        return failed.sum();
    }
}
