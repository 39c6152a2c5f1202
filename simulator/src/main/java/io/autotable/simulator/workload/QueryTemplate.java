package io.autotable.simulator.workload;

import io.autotable.error.CaptureException;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One of a benchmark's queries: its name ({@code q1}) and the statements it runs in order (one,
 * or several when it creates and drops a view, as TPC-H's q15 does).
 */
public record QueryTemplate(String name, List<String> statements)
{
    public QueryTemplate
    {
        requireNonNull(name, "name is null");
        statements = List.copyOf(requireNonNull(statements, "statements is null"));
        if (statements.isEmpty()) {
            throw CaptureException.invalid("query %s has no statements", name);
        }
    }
}
