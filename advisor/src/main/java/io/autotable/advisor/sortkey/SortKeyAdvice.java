package io.autotable.advisor.sortkey;

import io.autotable.advisor.sortkey.SortKeyCandidate.Evidence;
import io.autotable.advisor.sortkey.SortKeyCandidate.Source;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One table's sort-key advice.
 *
 * @param table the table
 * @param rows its rows (the whole table's when its data is a sample)
 * @param current its sort key now
 * @param recommended the key advised: the best simulated candidate when it beats the current key
 *        by the advisor's margin, else the current key
 * @param changes whether the recommended key differs from the current one
 * @param reason why, in words
 * @param ranker the ranker that chose which candidates to simulate
 * @param statements analysed statements that touch the table
 * @param runs their runs
 * @param currentSeconds simulated seconds of those runs with the current key
 * @param recommendedSeconds the same with the recommended key
 * @param noSortKeySeconds the same with no sort key
 * @param candidates every candidate considered, in the order the ranker put them (baselines where they fall)
 */
public record SortKeyAdvice(
        String table,
        double rows,
        SortKey current,
        SortKey recommended,
        boolean changes,
        String reason,
        String ranker,
        int statements,
        long runs,
        double currentSeconds,
        double recommendedSeconds,
        double noSortKeySeconds,
        List<Candidate> candidates)
{
    public SortKeyAdvice
    {
        requireNonNull(table, "table is null");
        requireNonNull(current, "current is null");
        requireNonNull(recommended, "recommended is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(ranker, "ranker is null");
        candidates = List.copyOf(requireNonNull(candidates, "candidates is null"));
    }

    /** The share of the table's simulated time the recommendation saves against the current key. */
    public double saving()
    {
        return currentSeconds == 0 ? 0 : 1 - recommendedSeconds / currentSeconds;
    }

    /**
     * One candidate as the advisor saw it.
     *
     * @param weight see {@link SortKeyCandidate#weight()}
     * @param estimatedSkip the block-skip estimate: share of the bytes the workload reads of the table that zone maps would skip ({@link TableProfile#skippedShare})
     * @param predictedBenefit the ranker's predicted share of the time saved against no sort key
     * @param simulatedSeconds simulated seconds of the table's statements with this key, when it was verified
     * @param simulatedBenefit the share of the time saved against no sort key, when it was verified
     * @param current whether this is the table's key now
     * @param recommended whether this is the advised key
     */
    public record Candidate(
            SortKey key,
            Source source,
            double weight,
            double estimatedSkip,
            double predictedBenefit,
            boolean verified,
            Optional<Double> simulatedSeconds,
            Optional<Double> simulatedBenefit,
            boolean current,
            boolean recommended,
            List<Evidence> evidence)
    {
        public Candidate
        {
            requireNonNull(key, "key is null");
            requireNonNull(source, "source is null");
            requireNonNull(simulatedSeconds, "simulatedSeconds is null");
            requireNonNull(simulatedBenefit, "simulatedBenefit is null");
            evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
            if (verified != simulatedSeconds.isPresent()) {
                throw new IllegalArgumentException("candidate %s: simulated seconds are present exactly when it was verified".formatted(key));
            }
        }
    }
}
