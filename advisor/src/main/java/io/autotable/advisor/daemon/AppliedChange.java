package io.autotable.advisor.daemon;

import io.autotable.design.TableDesign;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One table's change as the daemon applied it: the audit trail's entry. What (the table's design
 * before and after), when, why (the recommendations it carries, with their reasons and evidence)
 * and by which run.
 *
 * @param runId the run that decided it
 * @param time when it was applied
 * @param from the table's whole design before
 * @param to the table's whole design after
 * @param recommendations the recommendations it carries (one per kind it changes)
 */
public record AppliedChange(String runId, Instant time, String table, TableDesign from, TableDesign to, List<Recommended> recommendations)
{
    public AppliedChange
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(time, "time is null");
        requireNonNull(table, "table is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        recommendations = List.copyOf(requireNonNull(recommendations, "recommendations is null"));
    }
}
