package dev.obsidian.crypto.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CryptoBenchTest {
    @Test
    void reportsPositiveRatesForEveryOperation() {
        List<CryptoBench.Result> results = CryptoBench.runAll(0, 20);
        assertEquals(List.of("poseidon2 hash2", "fr mul", "fr inverse"),
                results.stream().map(CryptoBench.Result::operation).toList());
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
}
