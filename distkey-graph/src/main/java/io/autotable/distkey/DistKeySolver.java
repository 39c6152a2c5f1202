package io.autotable.distkey;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Chooses one distribution key per table of a {@link JoinGraph} to maximise the weight of the edges
 * it colocates: an edge between tables {@code a} and {@code b} is colocated when the keys of
 * {@code a} and {@code b} are the two columns of one of its pairs. This is the distribution-key
 * problem of Parchas, Naamad, Van Bouwel, Faloutsos and Petropoulos, "Fast and Effective
 * Distribution-Key Recommendation for Amazon Redshift", PVLDB 13(11), 2020; it is NP-hard (and hard
 * to approximate) in general, so implementations trade time for quality: heuristics return fast
 * valid plans, exact solvers prove optimality or report a bound.
 * <p>
 * Every plan is valid: it names every table of the graph, and each key is one of the table's
 * {@link JoinGraph#candidateColumns candidate columns} or empty.
 */
public interface DistKeySolver
{
    Plan solve(JoinGraph graph);

    /**
     * A solver's answer.
     *
     * @param keys each table's key, sorted by table; empty for a table with no key
     * @param colocatedWeight the weight of the edges the keys colocate
     * @param totalWeight the weight of all edges: what colocating everything would save
     * @param optimal whether the solver proved no plan colocates more
     * @param upperBound what no plan can beat, as far as the solver knows ({@code totalWeight} at worst)
     * @param solver the solver that made the plan
     * @param elapsed how long it took
     */
    record Plan(
            Map<String, Optional<String>> keys,
            double colocatedWeight,
            double totalWeight,
            boolean optimal,
            double upperBound,
            String solver,
            Duration elapsed)
    {
        private static final double TOLERANCE = 1e-9;

        public Plan
        {
            keys = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(keys, "keys is null")));
            keys.values().forEach(key -> requireNonNull(key, "key is null"));
            requireNonNull(solver, "solver is null");
            requireNonNull(elapsed, "elapsed is null");
            if (!(colocatedWeight >= 0) || colocatedWeight > totalWeight * (1 + TOLERANCE) + TOLERANCE) {
                throw DistKeyException.invalid("colocatedWeight must be in [0, totalWeight (%s)], got %s", totalWeight, colocatedWeight);
            }
            if (!(upperBound >= colocatedWeight * (1 - TOLERANCE) - TOLERANCE)) {
                throw DistKeyException.invalid("upperBound (%s) must be >= colocatedWeight (%s)", upperBound, colocatedWeight);
            }
            upperBound = Math.min(upperBound, totalWeight);
        }

        /** How much a better plan could still colocate: 0 when optimal. */
        public double gap()
        {
            return optimal ? 0 : Math.max(0, upperBound - colocatedWeight);
        }

        /** The gap as a fraction of the bound, 0 when optimal or when there is nothing to colocate. */
        public double relativeGap()
        {
            return upperBound <= 0 ? 0 : gap() / upperBound;
        }

        public Optional<String> key(String table)
        {
            Optional<String> key = keys.get(table);
            if (key == null) {
                throw DistKeyException.invalid("plan has no table %s", table);
            }
            return key;
        }
    }
}
