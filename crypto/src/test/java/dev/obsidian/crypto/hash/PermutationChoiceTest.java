package dev.obsidian.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.obsidian.crypto.field.Fr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PermutationChoiceTest {
    /** A stand-in native permutation, so the choice can be tested without (or with a failing) library. */
    private static final Permutation FAKE_NATIVE = new Permutation() {
        @Override
        public void permute(long[] work) {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public String implementation() {
            return "native";
        }
    };

    @Test
    void propertyFalseMeansJavaWithoutTryingNative() {
        PermutationChoice.Outcome outcome = PermutationChoice.choose("false", () -> fail("must not load native"));
        assertSame(JavaPermutation.INSTANCE, outcome.permutation());
        assertTrue(outcome.logLine().contains("java implementation (native disabled by -Dobsidian.crypto.native=false)"),
                outcome.logLine());
    }

    @Test
    void nativeIsPreferredByDefault() {
        assertSame(FAKE_NATIVE, PermutationChoice.choose(null, () -> FAKE_NATIVE).permutation());
        assertSame(FAKE_NATIVE, PermutationChoice.choose("TRUE", () -> FAKE_NATIVE).permutation());
    }

    @Test
    void unavailableNativeFallsBackToJavaAndSaysWhy() {
        PermutationChoice.Outcome outcome = PermutationChoice.choose(null, () -> {
            throw new NativeUnavailableException("no native library for solaris-sparcv9 on the class path");
        });
        assertSame(JavaPermutation.INSTANCE, outcome.permutation());
        assertTrue(outcome.logLine().contains("native unavailable: no native library for solaris-sparcv9"),
                outcome.logLine());
    }

    @Test
    void otherPropertyValuesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PermutationChoice.choose("ture", () -> FAKE_NATIVE));
        assertTrue(e.getMessage().contains("obsidian.crypto.native") && e.getMessage().contains("ture"), e.getMessage());
    }

    /** End to end in a fresh JVM: the property switches the whole process to Java, logged once, same hashes. */
    @Test
    void disabledNativeFallsBackInAFreshJvm() throws Exception {
        List<String> lines = runProbe("-Dobsidian.crypto.native=false");
        assertEquals("java " + expectedHash(), lines.get(0));
        assertEquals(1, lines.stream().filter(line -> line.contains("Poseidon2 uses the java implementation")).count(),
                lines.toString());
    }

    @Test
    void freshJvmUsesNativeWhereBuilt() throws Exception {
        String expected = Poseidon2Implementations.nativeExpected() ? "native" : "java";
        List<String> lines = runProbe("-Dobsidian.crypto.native=true");
        assertEquals(expected + " " + expectedHash(), lines.get(0));
    }

    /** hash2(1, 2) from vectors/poseidon2.json (@aztec/foundation 4.1.2). */
    private static String expectedHash() {
        return Fr.fromHex("0x038682aa1cb5ae4e0a3f13da432a95c77c5c111f6f030faf9cad641ce1ed7383").toHex();
    }

    /** Runs {@link Poseidon2Probe} in a new JVM; returns its output line followed by its log lines. */
    private static List<String> runProbe(String property) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", property,
                "-cp", System.getProperty("java.class.path"), Poseidon2Probe.class.getName())
                .redirectErrorStream(false)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
        assertEquals(0, process.exitValue(), out + err);
        return Stream.concat(out.lines(), err.lines()).toList();
    }
}
