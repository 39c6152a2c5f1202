package io.autotable.distkey;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A distribution style and key for every table, with the evidence behind each. Weights are bytes
 * the network would carry over the analysed workload (see {@link JoinGraphBuilder}).
 *
 * @param solver the key solver that made the plan (for best-of, which one won)
 * @param optimal whether the solver proved the keys optimal for the join graph left once the ALL
 *        tables and skewed columns were decided
 * @param colocatedWeight the weight of the joins the plan makes local, by keys or by ALL copies
 * @param totalWeight the weight of every join: what making all of them local would save
 * @param upperBound what no key plan can beat on the same decisions, as far as the solver knows
 * @param allCopyBytes what keeping the ALL tables' copies costs the network ({@link DistributionCostModel#allCopyBytes})
 * @param netSavedBytes {@code colocatedWeight − allCopyBytes}: what the plan saves
 * @param current the same figures for the design the tables have now
 * @param days the days of workload the weights cover, for per-day figures (at least 1)
 * @param elapsed how long advising took
 * @param tables one entry per table, sorted by name
 */
public record DistributionAdvice(
        String solver,
        boolean optimal,
        double colocatedWeight,
        double totalWeight,
        double upperBound,
        double allCopyBytes,
        double netSavedBytes,
        Score current,
        double days,
        Duration elapsed,
        DistributionCostModel cost,
        List<TableAdvice> tables)
{
    public DistributionAdvice
    {
        requireNonNull(solver, "solver is null");
        requireNonNull(current, "current is null");
        requireNonNull(elapsed, "elapsed is null");
        requireNonNull(cost, "cost is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        if (!(days >= 1)) {
            throw DistKeyException.invalid("days must be >= 1, got %s", days);
        }
    }

    public TableAdvice table(String name)
    {
        return tables.stream()
                .filter(table -> table.table().equals(name))
                .findFirst()
                .orElseThrow(() -> DistKeyException.invalid("no advice for table %s", name));
    }

    /** What a complete assignment of distributions achieves on the join graph. */
    public record Score(double colocatedWeight, double allCopyBytes)
    {
        public double netSavedBytes()
        {
            return colocatedWeight - allCopyBytes;
        }
    }

    /**
     * One table's advice.
     *
     * @param recommended the style and key to use
     * @param current the style and key the table has now
     * @param reason one sentence saying why
     * @param bytesSavedPerDay the weight of the table's joins the recommendation makes local, per day
     *        of workload (a join between two tables counts for both)
     * @param allCopyBytes what an ALL copy of the table would cost the network (0 for a table of unknown size)
     * @param predictedImbalance the recommended key's predicted slice imbalance, when its column has statistics
     * @param joins the joins made local, heaviest first
     * @param alternatives every distribution considered, best first, scored with the other tables as recommended
     */
    public record TableAdvice(
            String table,
            Distribution recommended,
            Distribution current,
            String reason,
            double bytesSavedPerDay,
            double allCopyBytes,
            Optional<Double> predictedImbalance,
            List<LocalJoin> joins,
            List<Alternative> alternatives)
    {
        public TableAdvice
        {
            requireNonNull(table, "table is null");
            requireNonNull(recommended, "recommended is null");
            requireNonNull(current, "current is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(predictedImbalance, "predictedImbalance is null");
            joins = List.copyOf(requireNonNull(joins, "joins is null"));
            alternatives = List.copyOf(requireNonNull(alternatives, "alternatives is null"));
        }

        public boolean changes()
        {
            return !recommended.equals(current);
        }
    }

    /**
     * A join the plan makes local.
     *
     * @param with the other table
     * @param on the join condition the keys satisfy ({@code a = b}), or the pairs when ALL makes it local
     * @param movement Redshift's label for the join once local: DS_DIST_NONE (both hashed on the
     *        join columns) or DS_DIST_ALL_NONE (one side copied to every node)
     * @param weight the bytes it would move if not local, over the workload
     * @param queries fingerprints of the queries making the join, heaviest first (at most five)
     */
    public record LocalJoin(String with, String on, String movement, double weight, List<String> queries)
    {
        public LocalJoin
        {
            requireNonNull(with, "with is null");
            requireNonNull(on, "on is null");
            requireNonNull(movement, "movement is null");
            queries = List.copyOf(requireNonNull(queries, "queries is null"));
        }
    }

    /**
     * One distribution considered for a table.
     *
     * @param netSavedBytes what the whole plan saves with this table so distributed and every other
     *        table as recommended
     * @param rejected why it cannot be used even if it scores well (a skewed key)
     */
    public record Alternative(Distribution distribution, double netSavedBytes, boolean recommended, boolean current, Optional<String> rejected)
    {
        public Alternative
        {
            requireNonNull(distribution, "distribution is null");
            requireNonNull(rejected, "rejected is null");
        }
    }
}
