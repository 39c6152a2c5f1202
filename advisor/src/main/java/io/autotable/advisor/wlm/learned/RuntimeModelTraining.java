package io.autotable.advisor.wlm.learned;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import io.autotable.AutotableVersion;
import io.autotable.advisor.AdvisorException;
import io.autotable.advisor.wlm.PredictionErrors;
import io.autotable.catalog.Catalog;
import io.autotable.design.PhysicalDesign;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.wlm.LoggedRun;
import io.autotable.simulator.wlm.history.HistoryRuntimePredictor;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Trains a {@link RuntimeModel} on the earlier part of a log and scores it on the later part: the
 * log is split in time, never at random, so the score is what the model does on runs that came
 * after everything it learned from. Features carry only what was known at each run's arrival
 * ({@link RuntimeFeatures}), in training and in scoring alike.
 */
public final class RuntimeModelTraining
{
    private RuntimeModelTraining() {}

    /**
     * @param seed the root of the forest's randomness
     * @param trainUntil the split: runs arriving before it train, the rest are held out; absent, {@code holdoutFraction} of the log's time span, at its end, is held out
     * @param cutoffSeconds the short/long cutoff the evaluation scores (SQA's)
     */
    public record Config(long seed, int trees, int maxDepth, Optional<Instant> trainUntil, double holdoutFraction, double cutoffSeconds)
    {
        public static final long DEFAULT_SEED = 20_260_610L;

        public Config
        {
            requireNonNull(trainUntil, "trainUntil is null");
            check(trees >= 1 && trees <= 1_000, "--trees", "in 1..1000", trees);
            check(maxDepth >= 1 && maxDepth <= 64, "maxDepth", "in 1..64", maxDepth);
            check(holdoutFraction > 0 && holdoutFraction < 1, "--holdout-fraction", "strictly between 0 and 1", holdoutFraction);
            check(cutoffSeconds > 0 && !Double.isInfinite(cutoffSeconds), "--cutoff", "a number of seconds > 0", cutoffSeconds);
        }

        public static Config defaults()
        {
            return new Config(DEFAULT_SEED, 50, 12, Optional.empty(), 0.3, 5);
        }

        private static void check(boolean valid, String field, String expected, Object value)
        {
            if (!valid) {
                throw new AdvisorException(ErrorCode.INVALID_ARGUMENT, "runtime model training: %s must be %s, got %s".formatted(field, expected, value));
            }
        }
    }

    public record Trained(RuntimeModel model, RuntimeModelCard card, int split) {}

    /**
     * The index of the first held-out run.
     *
     * @param runs in arrival order
     * @throws AdvisorException when either side of the split would be empty
     */
    public static int split(List<LoggedRun> runs, Config config)
    {
        if (runs.size() < 2) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT, "the log has %d run(s) with a logged runtime: at least 2 are needed to train on one and score on a later one".formatted(runs.size()));
        }
        Instant first = runs.get(0).start();
        Instant last = runs.get(runs.size() - 1).start();
        Instant until = config.trainUntil().orElseGet(() -> first.plusNanos((long) (Duration.between(first, last).toNanos() * (1 - config.holdoutFraction()))));
        int split = 0;
        while (split < runs.size() && runs.get(split).start().isBefore(until)) {
            split++;
        }
        if (split == 0 || split == runs.size()) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT, "the split at %s leaves %s: the log's runs arrive from %s to %s; choose --train-until inside that span"
                    .formatted(until, split == 0 ? "nothing to train on" : "nothing to hold out", first, last));
        }
        return split;
    }

    /**
     * @param runs the log, in arrival order, with logged runtimes
     */
    public static Trained train(List<LoggedRun> runs, Catalog catalog, PhysicalDesign design, Config config, String workloadFingerprint)
    {
        requireNonNull(runs, "runs is null");
        requireNonNull(config, "config is null");
        long started = System.nanoTime();
        int split = split(runs, config);
        List<double[]> features = new RuntimeFeatures(catalog, design).of(runs);
        long forestSeed = new SplittableRandom(config.seed()).nextLong();

        RegressionFactory factory = new RegressionFactory();
        OffsetDateTime epoch = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
        String description = "workload=%s runs=%d".formatted(workloadFingerprint, split);
        MutableDataset<Regressor> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(description, epoch, factory), factory);
        for (int i = 0; i < split; i++) {
            dataset.add(RuntimeModel.example(features.get(i), new Regressor(RuntimeModel.OUTPUT, RuntimeModel.residual(features.get(i), runs.get(i).seconds()))));
        }
        CARTRegressionTrainer tree = new CARTRegressionTrainer(config.maxDepth(), 3f, 0f, 0.7f, false, new MeanSquaredError(), forestSeed);
        RandomForestTrainer<Regressor> forest = new RandomForestTrainer<>(tree, new AveragingCombiner(), config.trees(), forestSeed);
        Map<String, Provenance> run = new LinkedHashMap<>();
        run.put("seed", new LongProvenance("seed", config.seed()));
        run.put("trees", new IntProvenance("trees", config.trees()));
        run.put("workloadFingerprint", new StringProvenance("workloadFingerprint", workloadFingerprint));
        run.put("trainedUntil", new StringProvenance("trainedUntil", runs.get(split).start().toString()));
        Model<Regressor> tribuo = forest.train(dataset, run);
        RuntimeModel model = new RuntimeModel(tribuo);
        double trainSeconds = (System.nanoTime() - started) / 1e9;

        double[] logged = new double[runs.size()];
        double[] learned = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            logged[i] = runs.get(i).seconds();
            learned[i] = model.predict(features.get(i));
        }
        double[] history = new HistoryRuntimePredictor().predict(runs);
        RuntimeModelCard card = new RuntimeModelCard(AutotableVersion.get(), workloadFingerprint, config.seed(), config.trees(), config.maxDepth(), RuntimeFeatures.NAMES,
                runs.get(0).start(), runs.get(split).start(), runs.get(runs.size() - 1).start(), split, runs.size() - split, config.cutoffSeconds(),
                PredictionErrors.of(learned, logged, split, runs.size(), config.cutoffSeconds()),
                PredictionErrors.of(history, logged, split, runs.size(), config.cutoffSeconds()),
                PredictionErrors.of(learned, logged, 0, split, config.cutoffSeconds()),
                trainSeconds);
        return new Trained(model, card, split);
    }
}
