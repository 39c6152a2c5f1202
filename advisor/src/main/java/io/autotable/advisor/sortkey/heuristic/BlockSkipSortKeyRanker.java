package io.autotable.advisor.sortkey.heuristic;

import io.autotable.advisor.sortkey.SortKeyCandidate;
import io.autotable.advisor.sortkey.SortKeyRanker;
import io.autotable.advisor.sortkey.TableProfile;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Ranks candidates by the profile's block-skip estimate alone ({@link TableProfile#skippedShare}):
 * the share of the bytes the workload's scans read that zone maps would skip on a sample sorted
 * by the key, less what the load order already skips. No model: the baseline the learned ranker
 * is compared with, and the fallback when no model is at hand.
 */
public final class BlockSkipSortKeyRanker
        implements SortKeyRanker
{
    @Override
    public String name()
    {
        return "block-skip";
    }

    @Override
    public double[] predict(TableProfile profile, List<SortKeyCandidate> candidates)
    {
        requireNonNull(profile, "profile is null");
        double[] predicted = new double[candidates.size()];
        double none = profile.skippedShare(io.autotable.advisor.sortkey.SortKey.none());
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = profile.skippedShare(candidates.get(i).key()) - none;
        }
        return predicted;
    }
}
