package io.autotable.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party benchmark files in {@code shared/benchmarks}, which sits beside the checkout
 * (tests run with a module directory as the working directory, so it is found by walking up).
 */
public final class BenchmarkFiles
{
    private static final Path RELATIVE = Path.of("shared", "benchmarks");

    private BenchmarkFiles() {}

    /**
     * @throws IllegalStateException when no directory above the working directory has {@code shared/benchmarks}
     */
    public static Path root()
    {
        Path start = Path.of("").toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            Path candidate = directory.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no %s found in %s or any directory above it: the tests expect the benchmark files in a 'shared' directory beside the checkout"
                .formatted(RELATIVE, start));
    }

    /** A benchmark file, e.g. {@code tpch/schema.sql}, checked to exist. */
    public static Path path(String relative)
    {
        Path path = root().resolve(relative);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("benchmark file %s does not exist".formatted(path));
        }
        return path;
    }

    public static String read(String relative)
    {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
