package io.autotable.repository;

import io.autotable.error.CaptureException;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One step of the repository's schema history: the statements that take a version-{@code
 * version - 1} repository to version {@code version}.
 */
public record Migration(int version, String description, List<String> statements)
{
    public Migration
    {
        requireNonNull(description, "description is null");
        statements = List.copyOf(requireNonNull(statements, "statements is null"));
        if (version < 1) {
            throw CaptureException.invalid("migration version must be >= 1, got %d", version);
        }
    }
}
