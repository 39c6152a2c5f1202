package io.autotable.advisor.sortkey;

import java.util.List;

/**
 * Predicts how much each candidate sort key would save, so that only the most promising are
 * simulated. Implementations: {@link io.autotable.advisor.sortkey.learned.LearnedSortKeyRanker}
 * (the shipped regression forest) and {@link io.autotable.advisor.sortkey.heuristic.BlockSkipSortKeyRanker}
 * (the block-skip estimate alone).
 */
public interface SortKeyRanker
{
    /** The name reports give it: {@code learned}, {@code block-skip}. */
    String name();

    /**
     * The predicted benefit of each candidate, in the candidates' order: the fraction of the
     * simulated time of the table's statements that the key would save against no sort key.
     * Only the order among one table's candidates matters to the advisor.
     */
    double[] predict(TableProfile profile, List<SortKeyCandidate> candidates);
}
