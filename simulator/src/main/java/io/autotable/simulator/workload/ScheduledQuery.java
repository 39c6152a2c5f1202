package io.autotable.simulator.workload;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A query of a schedule: when it runs, which template it comes from and the statements it runs,
 * with their parameters already chosen.
 */
public record ScheduledQuery(Instant start, String template, List<String> statements)
{
    public ScheduledQuery
    {
        requireNonNull(start, "start is null");
        requireNonNull(template, "template is null");
        statements = List.copyOf(requireNonNull(statements, "statements is null"));
    }
}
