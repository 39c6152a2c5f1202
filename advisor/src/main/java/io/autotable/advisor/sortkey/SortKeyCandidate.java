package io.autotable.advisor.sortkey;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A sort key worth considering for a table, with why it came up.
 *
 * @param key the key
 * @param source what in the workload (or the design) proposed it
 * @param weight bytes the workload's scans of the table could skip with the key in place, as far
 *        as the statements' filters and their measured selectivity say: the sum over the
 *        statements it serves of {@code runs × (1 − selectivity) × bytes the statement reads of the
 *        table} (0 for the baselines and for join columns nobody filters)
 * @param evidence the statements whose filters or joins the key serves, heaviest first
 */
public record SortKeyCandidate(SortKey key, Source source, double weight, List<Evidence> evidence)
{
    public SortKeyCandidate
    {
        requireNonNull(key, "key is null");
        requireNonNull(source, "source is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and >= 0, got " + weight);
        }
    }

    /** What proposed a candidate. */
    public enum Source
    {
        /** The table's sort key now: always evaluated, the baseline a change must beat. */
        CURRENT,
        /** No sort key (load order): always evaluated, the baseline benefits are measured from. */
        NONE,
        /** A column filtered by ranges ({@code <}, BETWEEN, LIKE 'prefix%'), mostly. */
        RANGE_FILTER,
        /** A column filtered by equality ({@code =}, IN, IS NULL), mostly. */
        EQUALITY_FILTER,
        /** A join column: rows sorted on it could be merge-joined. */
        JOIN,
        /** Two filtered columns, the heavier first. */
        COMPOUND_PAIR,
        /** Several columns that filter the table in different statements, each given equal weight. */
        INTERLEAVED
    }

    /**
     * A statement the key serves.
     *
     * @param fingerprint the statement's fingerprint
     * @param runs how often it ran
     * @param use what it does with the key's columns: {@code range on l_shipdate}, {@code join l_orderkey = orders.o_orderkey}
     */
    public record Evidence(String fingerprint, long runs, String use)
    {
        public Evidence
        {
            requireNonNull(fingerprint, "fingerprint is null");
            requireNonNull(use, "use is null");
        }
    }
}
