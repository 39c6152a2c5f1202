package io.autotable.advisor.encoding;

import io.autotable.AutotableVersion;
import io.autotable.design.Encoding;
import io.autotable.encoding.EncodingException;
import io.autotable.encoding.EncodingSelector;
import io.autotable.encoding.evaluation.SelectorComparison;
import io.autotable.encoding.exhaustive.ExhaustiveEncodingSelector;
import io.autotable.encoding.fixed.FixedEncodingSelector;
import io.autotable.encoding.learned.EncodingModel;
import io.autotable.encoding.learned.EncodingModelTrainer;
import io.autotable.encoding.learned.EncodingModelTrainer.LabelledColumn;
import io.autotable.encoding.learned.LearnedEncodingSelector;
import io.autotable.encoding.learned.ModelCard;
import io.autotable.encoding.learned.TrainingColumn;
import io.autotable.encoding.learned.TrainingConfig;
import io.autotable.encoding.sampled.SampledEncodingSelector;
import io.autotable.simulator.data.BenchmarkGenerators;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Builds the learned encoding selector's model from its documented corpus and scores it on whole
 * benchmarks it never saw: synthetic columns ({@link TrainingConfig}) plus the columns of the
 * training benchmarks, generated in memory, labelled by the exhaustive oracle; evaluation on the
 * held-out benchmarks' columns, side by side with the oracle, the sampled selector and the
 * baselines that never look at data (all RAW, ZSTD everywhere, Redshift's defaults).
 */
public final class EncodingModelTraining
{
    private EncodingModelTraining() {}

    /**
     * Which benchmark data trains and which evaluates.
     *
     * @param trainBenchmarks benchmarks whose columns join the training corpus
     * @param heldOutBenchmarks benchmarks only evaluated on, never trained on
     * @param scale the scale factor they are generated at
     * @param maxRowsPerTable rows generated per table at most (the first ones, in the generator's order)
     * @param sampleRows rows per sample: a table's rows are cut into samples of this many consecutive rows
     */
    public record Plan(List<String> trainBenchmarks, List<String> heldOutBenchmarks, double scale, int maxRowsPerTable, int sampleRows)
    {
        public Plan
        {
            trainBenchmarks = List.copyOf(trainBenchmarks);
            heldOutBenchmarks = List.copyOf(heldOutBenchmarks);
            Set<String> overlap = new HashSet<>(trainBenchmarks);
            overlap.retainAll(heldOutBenchmarks);
            if (!overlap.isEmpty()) {
                throw EncodingException.invalidInput("benchmarks %s cannot be both trained on and held out", overlap);
            }
            if (maxRowsPerTable < 1 || sampleRows < 1) {
                throw EncodingException.invalidInput("maxRowsPerTable and sampleRows must be >= 1, got %d and %d", maxRowsPerTable, sampleRows);
            }
        }

        /** Train on TPC-H, hold out SSB and TPC-DS, at scale 0.01, samples of 50,000 rows. */
        public static Plan defaults()
        {
            return new Plan(List.of("tpch"), List.of("ssb", "tpcds"), 0.01, 200_000, 50_000);
        }
    }

    /** A trained model with its card. */
    public record Trained(EncodingModel model, ModelCard card)
    {
        public Trained
        {
            requireNonNull(model, "model is null");
            requireNonNull(card, "card is null");
        }
    }

    public static Trained train(TrainingConfig config, Plan plan, Consumer<String> progress)
    {
        requireNonNull(config, "config is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(progress, "progress is null");
        List<TrainingColumn> corpus = new ArrayList<>(EncodingModelTrainer.syntheticColumns(config));
        progress.accept("generated %d synthetic columns".formatted(corpus.size()));
        corpus.addAll(benchmarkColumns(plan.trainBenchmarks(), plan, progress));
        List<LabelledColumn> labelled = new ArrayList<>(corpus.size());
        for (TrainingColumn column : corpus) {
            labelled.add(EncodingModelTrainer.label(column));
        }
        progress.accept("labelled %d columns with the oracle's choice".formatted(labelled.size()));
        EncodingModel model = EncodingModelTrainer.train(config, labelled);
        progress.accept("trained a forest of %d trees".formatted(config.trees()));

        List<TrainingColumn> heldOut = benchmarkColumns(plan.heldOutBenchmarks(), plan, progress);
        SelectorComparison.Result result = evaluate(model, heldOut);
        progress.accept("evaluated on %d held-out columns".formatted(heldOut.size()));

        Map<String, Integer> labels = new TreeMap<>();
        EncodingModelTrainer.labelCounts(labelled).forEach((encoding, count) -> labels.put(encoding.name(), count));
        ModelCard card = new ModelCard(
                AutotableVersion.get(),
                config,
                LearnedEncodingSelector.PROFILE_RUNS.toString(),
                plan.scale(),
                plan.sampleRows(),
                countByDataset(corpus),
                labels,
                countByDataset(heldOut),
                result.oracleBytes(),
                scores(result));
        return new Trained(model, card);
    }

    /** The samples of each named benchmark's columns, generated as the plan says. */
    public static List<TrainingColumn> benchmarkColumns(List<String> benchmarks, Plan plan, Consumer<String> progress)
    {
        List<TrainingColumn> columns = new ArrayList<>();
        for (String benchmark : benchmarks) {
            List<TrainingColumn> generated = BenchmarkColumns.generate(BenchmarkGenerators.byName(benchmark), plan.scale(), plan.maxRowsPerTable(), plan.sampleRows());
            progress.accept("generated %d samples of %s columns at scale %s".formatted(generated.size(), benchmark, plan.scale()));
            columns.addAll(generated);
        }
        return List.copyOf(columns);
    }

    /** The standard line-up, each selector scored on the same columns against the oracle. */
    public static SelectorComparison.Result evaluate(EncodingModel model, List<TrainingColumn> columns)
    {
        List<EncodingSelector> selectors = List.of(
                new ExhaustiveEncodingSelector(),
                new SampledEncodingSelector(SampledEncodingSelector.Config.defaults()),
                new LearnedEncodingSelector(model, 0, LearnedEncodingSelector.PROFILE_RUNS),
                new LearnedEncodingSelector(model, LearnedEncodingSelector.DEFAULT_VERIFY_BELOW, LearnedEncodingSelector.PROFILE_RUNS),
                FixedEncodingSelector.everywhere(Encoding.RAW),
                FixedEncodingSelector.everywhere(Encoding.ZSTD),
                FixedEncodingSelector.redshiftDefaults());
        return SelectorComparison.compare(SelectorComparison.price(columns), selectors);
    }

    /** A comparison's scores as the card records them, with each selector's speed-up over the oracle. */
    public static List<ModelCard.Score> scores(SelectorComparison.Result result)
    {
        double oracleNanos = result.score("exhaustive").selectionNanos();
        List<ModelCard.Score> scores = new ArrayList<>();
        for (SelectorComparison.Score score : result.scores()) {
            scores.add(new ModelCard.Score(score.selector(), score.totalBytes(), score.regret(), score.accuracy(), score.optimal(),
                    score.selectionNanos() / 1e6, oracleNanos / Math.max(1, score.selectionNanos())));
        }
        return scores;
    }

    private static Map<String, Integer> countByDataset(List<TrainingColumn> columns)
    {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TrainingColumn column : columns) {
            counts.merge(column.dataset(), 1, Integer::sum);
        }
        return counts;
    }
}
