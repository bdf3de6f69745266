package dev.obsidian.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.obsidian.crypto.field.Fr;
import dev.obsidian.crypto.testing.Json;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of vectors/poseidon2.json, produced by @aztec/foundation 4.1.2 (bb.js WASM). */
class Poseidon2ReferenceVectorsTest {
    private static final Map<String, Object> VECTORS = load();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = Poseidon2ReferenceVectorsTest.class.getResourceAsStream("/vectors/poseidon2.json")) {
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read vectors/poseidon2.json", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases(String section) {
        List<Map<String, Object>> cases = (List<Map<String, Object>>) VECTORS.get(section);
        assertFalse(cases.isEmpty(), section);
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static Fr[] fields(Object list) {
        return ((List<String>) list).stream().map(Fr::fromHex).toArray(Fr[]::new);
    }

    private static Fr field(Object hex) {
        return Fr.fromHex((String) hex);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.obsidian.crypto.hash.Poseidon2Implementations#all")
    void permutation(Poseidon2Sponge poseidon2) {
        for (Map<String, Object> c : cases("permutation")) {
            Fr[] input = fields(c.get("input"));
            assertArrayEquals(fields(c.get("output")), poseidon2.permutation(input), c.get("input").toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.obsidian.crypto.hash.Poseidon2Implementations#all")
    void hash(Poseidon2Sponge poseidon2) {
        for (Map<String, Object> c : cases("hash")) {
            Fr[] inputs = fields(c.get("inputs"));
            assertEquals(field(c.get("output")), poseidon2.hash(inputs), "inputs " + c.get("inputs"));
            if (inputs.length == 2) {
                assertEquals(field(c.get("output")), poseidon2.hash2(inputs[0], inputs[1]), "hash2 " + c.get("inputs"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.obsidian.crypto.hash.Poseidon2Implementations#all")
    void hashWithSeparator(Poseidon2Sponge poseidon2) {
        for (Map<String, Object> c : cases("hashWithSeparator")) {
            // separators are u32 in Aztec; values above 2^31 - 1 arrive as negative ints
            int separator = ((BigInteger) c.get("separator")).intValue();
            assertEquals(field(c.get("output")), poseidon2.hashWithSeparator(fields(c.get("inputs")), separator),
                    "separator " + c.get("separator"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.obsidian.crypto.hash.Poseidon2Implementations#all")
    void hashBytes(Poseidon2Sponge poseidon2) {
        for (Map<String, Object> c : cases("hashBytes")) {
            String hex = ((String) c.get("bytes")).substring(2);
            byte[] bytes = HexFormat.of().parseHex(hex);
            assertEquals(field(c.get("output")), poseidon2.hashBytes(bytes), "bytes 0x" + hex);
        }
    }
}
