package io.autotable.advisor.sortkey.learned;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * How a sort-key model was made and how it scored on benchmarks it never saw; written next to the
 * model ({@code sortkey-model.json}) by {@code autotable train sortkeys}.
 *
 * @param autotableVersion the autotable that trained it
 * @param config the training configuration, seed included
 * @param cluster the simulated cluster the corpus and the evaluation were laid out on
 * @param features the model's features, in order
 * @param trainingTables synthetic tables simulated
 * @param trainingCandidates candidates simulated on them, each one training example
 * @param meanBenefit the training labels' mean benefit
 * @param heldOutScale the scale the held-out benchmarks were generated at
 * @param heldOutTables tables evaluated per held-out benchmark, none of them seen in training
 * @param evaluation each strategy's score on the held-out tables
 * @param tables each held-out table's candidates, best key and each strategy's choice
 * @param seconds wall-clock seconds of each phase: {@code simulate}, {@code train}, {@code evaluate}
 */
public record ModelCard(
        String autotableVersion,
        TrainingConfig config,
        String cluster,
        List<String> features,
        int trainingTables,
        int trainingCandidates,
        double meanBenefit,
        double heldOutScale,
        Map<String, Integer> heldOutTables,
        List<Score> evaluation,
        List<HeldOutTable> tables,
        Map<String, Double> seconds)
{
    public ModelCard
    {
        requireNonNull(autotableVersion, "autotableVersion is null");
        requireNonNull(config, "config is null");
        requireNonNull(cluster, "cluster is null");
        features = List.copyOf(features);
        // ordered maps, so that the card reads the same run after run
        heldOutTables = Collections.unmodifiableMap(new LinkedHashMap<>(heldOutTables));
        evaluation = List.copyOf(evaluation);
        tables = List.copyOf(tables);
        seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    }

    /**
     * A strategy's score over the held-out tables.
     *
     * @param strategy {@code learned+verify} (the advisor's default: the model's best three simulated),
     *        {@code learned} (the model's first choice, not simulated), {@code block-skip+verify}, {@code block-skip}
     * @param savedSeconds simulated seconds its choices save against no sort key, all tables
     * @param bestSavedSeconds the same for the best candidate of each table, found by simulating every candidate
     * @param shareOfBest {@code savedSeconds / bestSavedSeconds}
     * @param meanTableShare the mean over tables where some key saves time of the chosen key's benefit over the best's
     * @param worstTableShare the smallest of those
     * @param tablesWithBenefit tables where some key saves time
     * @param tablesAtLeast95 of those, tables where the choice reaches 95% of the best's benefit
     */
    public record Score(String strategy, double savedSeconds, double bestSavedSeconds, double shareOfBest, double meanTableShare, double worstTableShare,
            int tablesWithBenefit, int tablesAtLeast95)
    {
        public Score
        {
            requireNonNull(strategy, "strategy is null");
        }
    }

    /**
     * One held-out table.
     *
     * @param candidates candidates generated (all simulated)
     * @param noSortKeySeconds simulated seconds of the table's statements without a sort key
     * @param best the candidate that simulates fastest
     * @param bestBenefit its share of the time saved against no sort key
     * @param choices each strategy's choice
     */
    public record HeldOutTable(String benchmark, String table, int candidates, double noSortKeySeconds, String best, double bestBenefit, List<Choice> choices)
    {
        public HeldOutTable
        {
            requireNonNull(benchmark, "benchmark is null");
            requireNonNull(table, "table is null");
            requireNonNull(best, "best is null");
            choices = List.copyOf(choices);
        }
    }

    /**
     * @param shareOfBest the choice's benefit over the best's (1 when no key saves anything)
     */
    public record Choice(String strategy, String key, double benefit, double shareOfBest)
    {
        public Choice
        {
            requireNonNull(strategy, "strategy is null");
            requireNonNull(key, "key is null");
        }
    }
}
