package dev.obsidian.crypto.hash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads a JNI library that the build placed on the class path under {@code native/<os>-<arch>/} (inside the jar,
 * or target/classes when run from the build). System.load needs a file, so the library is copied to a temporary
 * file first; on Linux that file can be deleted as soon as it is loaded.
 */
final class NativeLibraryLoader {
    private NativeLibraryLoader() {
    }

    /** This JVM's platform as the build names it: {@code linux-x86_64}, {@code linux-aarch64}, ... */
    static String platform() {
        String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
        String osName = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macos" : os.replace(' ', '_');
        String archName = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        return osName + "-" + archName;
    }

    /** Class-path resource of a library for this platform, e.g. {@code native/linux-x86_64/libfoo.so}. */
    static String resourcePath(String libraryName) {
        return "native/" + platform() + "/" + System.mapLibraryName(libraryName);
    }

    /** True if the build shipped the library for this platform. */
    static boolean isBundled(String libraryName) {
        return NativeLibraryLoader.class.getClassLoader().getResource(resourcePath(libraryName)) != null;
    }

    /** Copies the bundled library to a temporary file and loads it into this JVM. */
    static void load(String libraryName) throws NativeUnavailableException {
        String resource = resourcePath(libraryName);
        Path file;
        try (InputStream in = NativeLibraryLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new NativeUnavailableException("no native library for " + platform() + " on the class path ("
                        + resource + ")");
            }
            file = Files.createTempFile("obsidian-" + libraryName + "-", "-" + System.mapLibraryName(libraryName));
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new NativeUnavailableException("cannot extract " + resource, e);
        }
        try {
            System.load(file.toAbsolutePath().toString());
        } catch (UnsatisfiedLinkError | SecurityException e) {
            throw new NativeUnavailableException("cannot load " + resource, e);
        } finally {
            deleteOrScheduleDeletion(file);
        }
    }

    /** A loaded library stays mapped after its file is deleted (Linux, macOS); elsewhere delete at exit. */
    private static void deleteOrScheduleDeletion(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
