package dev.obsidian.crypto.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.obsidian.crypto.hash.Poseidon2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CryptoBenchTest {
    @Test
    void reportsPositiveRatesForEveryOperation() {
        List<CryptoBench.Result> results = CryptoBench.runAll(0, 20);
        List<String> expected = new ArrayList<>();
        for (String implementation : Poseidon2.hash2Implementations().keySet()) {
            expected.add("poseidon2 hash2 " + implementation);
        }
        expected.add("fr mul");
        expected.add("fr inverse");
        assertEquals(expected, results.stream().map(CryptoBench.Result::operation).toList());
        assertEquals("poseidon2 hash2 " + Poseidon2.implementation(), results.get(0).operation());
        assertTrue(expected.contains("poseidon2 hash2 java"), expected.toString());
        for (CryptoBench.Result result : results) {
            assertTrue(result.operations() > 0, result.toString());
            assertTrue(result.operationsPerSecond() > 0, result.toString());
        }
    }

    /** Surefire runs tests on a default JVM (C2 available), so there must be nothing to warn about. */
    @Test
    void noJitWarningOnADefaultJvm() {
        assertTrue(CryptoBench.jitWarning().isEmpty(), CryptoBench.jitWarning().toString());
    }

    @Test
    void rejectsEmptyMeasurement() {
        assertThrows(IllegalArgumentException.class, () -> CryptoBench.poseidon2Hash2(0, 0));
    }

    @Test
    void rejectsUnknownImplementation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CryptoBench.poseidon2Hash2("fpga", 0, 10));
        assertTrue(e.getMessage().contains("fpga"), e.getMessage());
    }
}
