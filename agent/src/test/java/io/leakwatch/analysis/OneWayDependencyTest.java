package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Data flows one way: the sampler measures, the analysis judges. The analysis's compiled classes may name only the
 * sample the sampler hands it from the tracking package, never the sampler, the registry or the estimates.
 */
class OneWayDependencyTest {

    private static final Pattern TRACK_CLASS = Pattern.compile("io/leakwatch/track/([A-Za-z0-9_$]+)");

    @Test
    void theAnalysisNamesNothingOfTheTrackingPackageButTheSampleItIsHanded() throws IOException, URISyntaxException {
        Path analysisClasses = Paths.get(LeakAnalyzer.class.getResource("LeakAnalyzer.class").toURI()).getParent();
        Set<String> named = new TreeSet<>();
        int classes;
        try (Stream<Path> files = Files.list(analysisClasses)) {
            Path[] classFiles = files.filter(file -> file.toString().endsWith(".class")).toArray(Path[]::new);
            classes = classFiles.length;
            for (Path classFile : classFiles) {
                // Class names in the constant pool are plain ASCII in the class file's modified UTF-8.
                String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
                Matcher uses = TRACK_CLASS.matcher(constants);
                while (uses.find()) {
                    named.add(uses.group(1));
                }
            }
        }
        assertTrue(classes > 20, "read the analysis's classes in " + analysisClasses);
        assertEquals(Set.of("ContainerSample"), named);
    }
}
