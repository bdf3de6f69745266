package dev.obsidian.crypto.hash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** Test helper: every Poseidon2 implementation this build should provide, for parameterised tests. */
final class Poseidon2Implementations {
    /** The Maven profile that builds the native library is active exactly when this file exists. */
    static final Path GCC = Path.of("/usr/bin/gcc");

    private Poseidon2Implementations() {
    }

    /**
     * True where the build compiles the native library (Linux with gcc; see src/main/c/build.sh), so that a missing
     * or broken library fails the tests instead of skipping them.
     */
    static boolean nativeExpected() {
        boolean built = Files.exists(GCC) && NativeLibraryLoader.platform().startsWith("linux-");
        return built || NativeLibraryLoader.isBundled(NativePoseidon2.LIBRARY);
    }

    /** The native sponge; fails the calling test if the library was expected but does not work. */
    static Poseidon2Sponge nativeSponge() {
        try {
            return new Poseidon2Sponge(NativePoseidon2.instance());
        } catch (NativeUnavailableException e) {
            throw new AssertionError("the build should have provided the native Poseidon2 library: " + e.getMessage(), e);
        }
    }

    /** The native library's portable C arithmetic, which this CPU might not pick by itself. */
    static Poseidon2Sponge nativePortableSponge() {
        try {
            return new Poseidon2Sponge(NativePoseidon2.portableInstance());
        } catch (NativeUnavailableException e) {
            throw new AssertionError("the build should have provided the native Poseidon2 library: " + e.getMessage(), e);
        }
    }

    /** Java always; native (the variant this CPU uses, and the portable one) too where it was built. */
    static Stream<Named<Poseidon2Sponge>> all() {
        List<Named<Poseidon2Sponge>> sponges = new ArrayList<>();
        sponges.add(Named.of("java", new Poseidon2Sponge(JavaPermutation.INSTANCE)));
        if (nativeExpected()) {
            NativePoseidon2 loaded = (NativePoseidon2) nativeSponge().permutation();
            sponges.add(Named.of("native " + loaded.variantName(), nativeSponge()));
            sponges.add(Named.of("native portable", nativePortableSponge()));
        }
        return sponges.stream();
    }
}
