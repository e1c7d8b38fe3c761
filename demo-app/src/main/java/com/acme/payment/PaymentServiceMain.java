package com.acme.payment;

import com.acme.payment.cli.CommandLine;
import com.acme.payment.cli.Options;
import com.acme.payment.cli.UsageException;
import java.io.IOException;
import java.util.List;

/** Entry point of the payment demo: parses the command line and runs the service. */
public final class PaymentServiceMain {
    private static final int USAGE_ERROR_STATUS = 2;
    private static final int STARTUP_FAILURE_STATUS = 1;

    private PaymentServiceMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = CommandLine.parse(List.of(args), System.getenv());
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(CommandLine.usage());
            System.exit(USAGE_ERROR_STATUS);
            return;
        }
        if (options.helpRequested()) {
            System.out.println(CommandLine.usage());
            return;
        }
        int status;
        try {
            status = new DemoRunner(options, System.out).run();
        } catch (IOException e) {
            System.err.println("error: cannot start the payment service on " + options.bindAddress() + ":"
                    + options.port() + ": " + e.getMessage());
            status = STARTUP_FAILURE_STATUS;
        }
        System.exit(status);
    }
}
