package io.autotable.advisor.sortkey.learned;

import io.autotable.advisor.sortkey.SortKeyCandidate;
import io.autotable.advisor.sortkey.SortKeyRanker;
import io.autotable.advisor.sortkey.TableProfile;
import io.autotable.simulator.cluster.ClusterModel;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Ranks candidates by the learned model's predicted benefit ({@link SortKeyModel}) from their
 * {@link CandidateFeatures}. The cluster gives the rates the scan-share feature is computed with.
 */
public final class LearnedSortKeyRanker
        implements SortKeyRanker
{
    private final SortKeyModel model;
    private final ClusterModel cluster;

    public LearnedSortKeyRanker(SortKeyModel model, ClusterModel cluster)
    {
        this.model = requireNonNull(model, "model is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
    }

    /** The shipped model. */
    public static LearnedSortKeyRanker shipped(ClusterModel cluster)
    {
        return new LearnedSortKeyRanker(SortKeyModel.shipped(), cluster);
    }

    @Override
    public String name()
    {
        return "learned";
    }

    @Override
    public double[] predict(TableProfile profile, List<SortKeyCandidate> candidates)
    {
        requireNonNull(profile, "profile is null");
        double[] predicted = new double[candidates.size()];
        for (int i = 0; i < predicted.length; i++) {
            SortKeyCandidate candidate = candidates.get(i);
            // no sort key saves nothing against itself, by definition
            predicted[i] = candidate.key().isNone() ? 0 : model.predict(CandidateFeatures.of(profile, candidate, cluster));
        }
        return predicted;
    }
}
