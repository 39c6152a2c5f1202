package io.autotable.advisor.daemon;

import io.autotable.advisor.Recommendation;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The warehouse the daemon changes: its current design, and one table's change at a time. The
 * real implementation rewrites the table (crash-safe, journaled); a simulation only records.
 */
public interface ChangeApplier
{
    /** The design the warehouse's tables have now, including every change applied so far. */
    PhysicalDesign current();

    /**
     * Applies one table's change and returns it as applied. On failure the table keeps its design
     * {@code from} and this throws; the daemon records the failure and applies nothing more in that run.
     */
    AppliedChange apply(TableChange change);

    /**
     * One table's change as the daemon decided it.
     *
     * @param runId the run that decided it
     * @param time when the run decided it
     * @param from the table's whole design now
     * @param to the table's whole design after the change: {@code from} with each recommendation's
     *        setting (distribution, sort key or encodings) put in place
     * @param recommendations the recommendations it carries, whole (with their DDL)
     */
    record TableChange(String runId, Instant time, String table, TableDesign from, TableDesign to, List<Recommendation> recommendations)
    {
        public TableChange
        {
            requireNonNull(runId, "runId is null");
            requireNonNull(time, "time is null");
            requireNonNull(table, "table is null");
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
            recommendations = List.copyOf(requireNonNull(recommendations, "recommendations is null"));
        }

        /** The change as applied at the time given. */
        public AppliedChange appliedAt(Instant appliedTime)
        {
            return new AppliedChange(runId, appliedTime, table, from, to, recommendations.stream().map(Recommended::of).toList());
        }
    }
}
