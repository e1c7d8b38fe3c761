package io.leakwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.leakwatch.bootstrap.LeakwatchBridge;

/** The injector reads the bridge's classes by name: the names must be every class the bridge package compiles to. */
class BootstrapInjectorTest {

    @Test
    void theBridgeClassesAreEveryClassOfTheBridgePackage() throws IOException, URISyntaxException {
        Path classes = Paths.get(LeakwatchBridge.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path bridgePackage = classes.resolve(LeakwatchBridge.class.getPackageName().replace('.', '/'));
        Set<String> compiled;
        try (Stream<Path> files = Files.list(bridgePackage)) {
            compiled = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class"))
                    .map(name -> LeakwatchBridge.class.getPackageName() + "." + name.substring(0, name.length() - 6))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(compiled, new TreeSet<>(BootstrapInjector.BRIDGE_CLASSES));
    }
}
