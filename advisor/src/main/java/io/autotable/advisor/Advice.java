package io.autotable.advisor;

import io.autotable.design.PhysicalDesign;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The advisor's result: the workload's simulated cost under the current design and under the
 * recommended one, and the changes that lead from one to the other.
 *
 * @param baseline the current design's simulated workload
 * @param recommended the recommended design's simulated workload (every recommendation applied)
 * @param recommendations the changes, in the order they were applied in the what-if
 * @param declined changes that were proposed but not recommended, and why
 * @param statements every analysed statement's simulated cost per run under both designs, heaviest (in the baseline) first
 * @param design the recommended physical design
 */
public record Advice(Totals baseline, Totals recommended, List<Recommendation> recommendations, List<Declined> declined, List<StatementCost> statements, PhysicalDesign design)
{
    public Advice
    {
        requireNonNull(baseline, "baseline is null");
        requireNonNull(recommended, "recommended is null");
        recommendations = List.copyOf(requireNonNull(recommendations, "recommendations is null"));
        declined = List.copyOf(requireNonNull(declined, "declined is null"));
        statements = List.copyOf(requireNonNull(statements, "statements is null"));
        requireNonNull(design, "design is null");
    }

    /**
     * A design's simulated workload.
     *
     * @param totalSeconds simulated seconds of every run of every analysed statement (no queueing)
     * @param bytesScanned bytes those runs scan
     * @param bytesMoved bytes they move between slices
     * @param storageBytes bytes the tables with data take, encoded, every copy of ALL tables
     */
    public record Totals(double totalSeconds, double bytesScanned, double bytesMoved, double storageBytes) {}

    /**
     * A statement's simulated seconds per run under the current and the recommended design.
     *
     * @param runs its runs in the workload
     */
    public record StatementCost(String fingerprint, double runs, double baselineSeconds, double recommendedSeconds)
    {
        public StatementCost
        {
            requireNonNull(fingerprint, "fingerprint is null");
        }
    }

    /**
     * A change the advisor considered and did not recommend.
     *
     * @param table the table
     * @param kind what it would have changed
     * @param to the setting considered
     * @param reason why it is not recommended (too small a saving, slower in the simulation, ...)
     */
    public record Declined(String table, Recommendation.Kind kind, String to, String reason)
    {
        public Declined
        {
            requireNonNull(table, "table is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(to, "to is null");
            requireNonNull(reason, "reason is null");
        }
    }
}
