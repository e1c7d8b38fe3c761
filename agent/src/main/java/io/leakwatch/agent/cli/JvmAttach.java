package io.leakwatch.agent.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import io.leakwatch.launcher.AgentLauncher;

import io.leakwatch.log.EchoedValue;

/** Lists local JVMs, and loads this jar as an agent into one of them. */
final class JvmAttach {

    private JvmAttach() {
    }

    static int list(PrintStream out, PrintStream err) {
        for (VirtualMachineDescriptor vm : VirtualMachine.list()) {
            out.println(EchoedValue.escaped(vm.id()) + " " + EchoedValue.escaped(vm.displayName()));
        }
        return 0;
    }

    static int attach(String pid, String[] options, PrintStream out, PrintStream err) {
        if (!pid.matches("\\d+")) {
            return LeakwatchCommand.usage(err, EchoedValue.quoted(pid) + " is not a process id");
        }
        for (String option : options) {
            if (!option.contains("=")) {
                return LeakwatchCommand.usage(err, EchoedValue.quoted(option) + " is not key=value");
            }
        }
        try {
            Path agentJar = Paths.get(JvmAttach.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            VirtualMachine vm = VirtualMachine.attach(pid);
            String outcome;
            try {
                vm.loadAgent(agentJar.toString(), String.join(",", options));
                outcome = vm.getSystemProperties().getProperty(AgentLauncher.ATTACH_OUTCOME_PROPERTY);
            } finally {
                vm.detach();
            }
            if (!AgentLauncher.STARTED.equals(outcome)) {
                err.println("leakwatch: did not start in " + pid + ": "
                        + (outcome == null ? "that JVM did not say why (an older leakwatch may be running there)" : outcome));
                return 1;
            }
            out.println("leakwatch loaded into " + pid + "; its messages appear on that JVM's stderr");
            return 0;
        } catch (Exception e) {
            err.println("leakwatch: could not attach to " + pid + ": " + EchoedValue.escaped(String.valueOf(e.getMessage())));
            return 1;
        }
    }
}
