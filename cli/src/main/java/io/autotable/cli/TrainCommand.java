package io.autotable.cli;

import io.autotable.advisor.encoding.EncodingModelTraining;
import io.autotable.advisor.encoding.EncodingModelTraining.Plan;
import io.autotable.advisor.sortkey.learned.SortKeyModelTraining;
import io.autotable.advisor.wlm.PredictionErrors;
import io.autotable.advisor.wlm.learned.RuntimeModel;
import io.autotable.advisor.wlm.learned.RuntimeModelCard;
import io.autotable.advisor.wlm.learned.RuntimeModelTraining;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.analysis.WorkloadAnalyzer;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.wlm.LoggedRun;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.advisor.sortkey.learned.TrainingConfig;
import io.autotable.encoding.learned.ModelCard;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

@Command(mixinStandardHelpOptions = true, name = "train", description = "Rebuild a shipped model reproducibly.", subcommands = {TrainCommand.Encodings.class, TrainCommand.SortKeys.class, TrainCommand.Runtimes.class})
final class TrainCommand
{
    @Command(mixinStandardHelpOptions = true, name = "encodings",
            description = {
                    "Rebuild the learned encoding selector's model: synthetic columns from seeded distributions plus the training benchmarks' columns,",
                    "each labelled with the exhaustive oracle's choice; a random forest on their profiles; scored on the held-out benchmarks.",
                    "Writes encoding-model.tribuo.gz and encoding-model.json (how it was made, how it scored) to --output."})
    static final class Encodings
            implements Callable<Integer>
    {
        @Option(names = "--seed", description = "The root of all randomness (default: the shipped model's, " + 20_260_524L + ").")
        Long seed;

        @Option(names = "--synthetic-columns", description = "Synthetic columns in the corpus (default: 1500).")
        Integer syntheticColumns;

        @Option(names = "--trees", description = "Trees in the forest (default: 50).")
        Integer trees;

        @Option(names = "--train-on", split = ",", defaultValue = "tpch", description = "Benchmarks trained on (default: ${DEFAULT-VALUE}).")
        List<String> trainOn;

        @Option(names = "--hold-out", split = ",", defaultValue = "ssb,tpcds", description = "Benchmarks evaluated on and never trained on (default: ${DEFAULT-VALUE}).")
        List<String> holdOut;

        @Option(names = "--scale", defaultValue = "0.01", description = "Scale the benchmarks are generated at (default: ${DEFAULT-VALUE}).")
        double scale;

        @Option(names = "--output", paramLabel = "DIR", defaultValue = ".", description = "Directory the model and its card are written to (default: the current one).")
        Path output;

        @Spec
        CommandSpec spec;

        // held for the command's life: java.util.logging keeps loggers weakly, and a collected one forgets its level
        private final Logger tribuoLogger = Logger.getLogger("org.tribuo");

        @Override
        public Integer call()
                throws IOException
        {
            PrintWriter out = spec.commandLine().getOut();
            // Tribuo logs every tree it builds at INFO
            tribuoLogger.setLevel(Level.WARNING);
            io.autotable.encoding.learned.TrainingConfig config = io.autotable.encoding.learned.TrainingConfig.defaults();
            if (seed != null) {
                config = config.withSeed(seed);
            }
            if (syntheticColumns != null) {
                config = config.withSyntheticColumns(syntheticColumns, config.syntheticMinRows(), config.syntheticMaxRows());
            }
            if (trees != null) {
                config = config.withForest(trees, config.maxDepth());
            }
            Plan defaults = Plan.defaults();
            Plan plan = new Plan(trainOn, holdOut, scale, defaults.maxRowsPerTable(), defaults.sampleRows());
            requireDirectory(output);
            EncodingModelTraining.Trained trained = EncodingModelTraining.train(config, plan, progress(out));
            Path model = output.resolve("encoding-model.tribuo.gz");
            Path card = output.resolve("encoding-model.json");
            write(model, trained.model()::write, card, trained.card());
            ModelCard modelCard = trained.card();
            out.printf(Locale.ROOT, "train encodings: seed %d, %d synthetic columns, trained on %s, held out %s (scale %s, samples of %,d rows)%n",
                    config.seed(), config.syntheticColumns(), modelCard.trainingDatasets(), modelCard.heldOutDatasets(), Formats.scale(scale), plan.sampleRows());
            EncodingComparisonPrinter.print(out, modelCard.oracleBytes(), modelCard.evaluation());
            out.printf(Locale.ROOT, "wrote %s and %s%n", model, card);
            out.flush();
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "sortkeys",
            description = {
                    "Rebuild the sort-key model: synthetic tables and workloads, every candidate key laid out and costed by the simulator,",
                    "a random forest of regression trees on the candidates' features; scored on held-out benchmarks by simulating every candidate.",
                    "Writes sortkey-model.tribuo.gz and sortkey-model.json (how it was made, how it scored) to --output."})
    static final class SortKeys
            implements Callable<Integer>
    {
        @Option(names = "--seed", description = "The root of all randomness (default: the shipped model's, " + 20_260_601L + ").")
        Long seed;

        @Option(names = "--synthetic-tables", description = "Synthetic tables in the corpus, each with its workload (default: 80).")
        Integer syntheticTables;

        @Option(names = "--trees", description = "Trees in the forest (default: 50).")
        Integer trees;

        @Option(names = "--hold-out", split = ",", defaultValue = "tpch,ssb", description = "Benchmarks evaluated on and never trained on (default: ${DEFAULT-VALUE}).")
        List<String> holdOut;

        @Option(names = "--scale", defaultValue = "0.25", description = "Scale the held-out benchmarks are generated at (default: ${DEFAULT-VALUE}).")
        double scale;

        @Option(names = "--output", paramLabel = "DIR", defaultValue = ".", description = "Directory the model and its card are written to (default: the current one).")
        Path output;

        @Spec
        CommandSpec spec;

        private final Logger tribuoLogger = Logger.getLogger("org.tribuo");

        @Override
        public Integer call()
                throws IOException
        {
            PrintWriter out = spec.commandLine().getOut();
            tribuoLogger.setLevel(Level.WARNING);
            TrainingConfig config = TrainingConfig.defaults();
            if (seed != null) {
                config = config.withSeed(seed);
            }
            if (syntheticTables != null) {
                config = config.withSyntheticTables(syntheticTables, config.syntheticMinRows(), config.syntheticMaxRows());
            }
            if (trees != null) {
                config = config.withForest(trees, config.maxDepth());
            }
            SortKeyModelTraining.Plan defaults = SortKeyModelTraining.Plan.defaults();
            SortKeyModelTraining.Plan plan = new SortKeyModelTraining.Plan(holdOut.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList(), scale, defaults.seed(),
                    defaults.verifyTop());
            requireDirectory(output);
            SortKeyModelTraining.Trained trained = SortKeyModelTraining.train(config, plan, progress(out));
            Path model = output.resolve("sortkey-model.tribuo.gz");
            Path card = output.resolve("sortkey-model.json");
            write(model, trained.model()::write, card, trained.card());
            io.autotable.advisor.sortkey.learned.ModelCard modelCard = trained.card();
            out.printf(Locale.ROOT, "train sortkeys: seed %d, %d synthetic tables (%,d candidates simulated), held out %s at scale %s on %s%n",
                    config.seed(), modelCard.trainingTables(), modelCard.trainingCandidates(), modelCard.heldOutTables(), Formats.scale(scale), modelCard.cluster());
            out.printf(Locale.ROOT, "  %-20s %12s %12s %9s %9s %9s %10s%n", "strategy", "saved s", "best saved s", "of best", "mean", "worst", ">= 95%");
            for (io.autotable.advisor.sortkey.learned.ModelCard.Score score : modelCard.evaluation()) {
                out.printf(Locale.ROOT, "  %-20s %12.3f %12.3f %8.1f%% %8.1f%% %8.1f%% %5d of %d%n", score.strategy(), score.savedSeconds(), score.bestSavedSeconds(),
                        100 * score.shareOfBest(), 100 * score.meanTableShare(), 100 * score.worstTableShare(), score.tablesAtLeast95(), score.tablesWithBenefit());
            }
            out.printf(Locale.ROOT, "  (saved: simulated seconds the chosen keys save against no sort key over the held-out tables; best: every candidate simulated)%n");
            out.printf(Locale.ROOT, "wrote %s and %s%n", model, card);
            out.flush();
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "runtimes",
            description = {
                    "Rebuild the workspace's runtime model from its own log: a random forest of regression trees from each run's statement shape and the",
                    "runs of the same statement that had ended before it arrived, to its runtime; trained on the log's earlier part, scored on the later part.",
                    "Writes runtime-model.tribuo.gz and runtime-model.json (how it was made, how it scored) to --output (default: the workspace's models/)."})
    static final class Runtimes
            implements Callable<Integer>
    {
        @Mixin
        WorkspaceOptions workspaceOptions;

        @Option(names = "--seed", description = "The root of the forest's randomness (default: " + RuntimeModelTraining.Config.DEFAULT_SEED + ").")
        Long seed;

        @Option(names = "--trees", description = "Trees in the forest (default: 50).")
        Integer trees;

        @Option(names = "--train-until", paramLabel = "INSTANT", description = "Train on runs that arrived before this ISO-8601 instant, score on the rest (instead of --holdout-fraction).")
        Instant trainUntil;

        @Option(names = "--holdout-fraction", paramLabel = "F", description = "Hold out this share of the log's time span, at its end (default: 0.3).")
        Double holdoutFraction;

        @Option(names = "--cutoff", paramLabel = "SECONDS", description = "The short/long cutoff the evaluation scores, as SQA's (default: 5).")
        Double cutoff;

        @Option(names = "--output", paramLabel = "DIR", description = "Directory the model and its card are written to (default: the workspace's models/, created if missing).")
        Path output;

        @Spec
        CommandSpec spec;

        private final Logger tribuoLogger = Logger.getLogger("org.tribuo");

        @Override
        public Integer call()
                throws IOException
        {
            PrintWriter out = spec.commandLine().getOut();
            tribuoLogger.setLevel(Level.WARNING);
            RuntimeModelTraining.Config defaults = RuntimeModelTraining.Config.defaults();
            RuntimeModelTraining.Config config = new RuntimeModelTraining.Config(seed != null ? seed : defaults.seed(), trees != null ? trees : defaults.trees(),
                    defaults.maxDepth(), Optional.ofNullable(trainUntil), holdoutFraction != null ? holdoutFraction : defaults.holdoutFraction(),
                    cutoff != null ? cutoff : defaults.cutoffSeconds());
            try (WorkloadRepository repository = WorkloadRepository.openExisting(workspaceOptions.workspace())) {
                WorkloadAnalysis analysis = new WorkloadAnalyzer(new CalciteSqlAnalyzer(), SqlDialect.REDSHIFT).analyze(repository);
                List<LoggedRun> runs = WorkspaceRuns.read(repository, analysis);
                if (runs.isEmpty()) {
                    throw new CaptureException(ErrorCode.INVALID_ARGUMENT, ("train runtimes: the workspace %s has no run with a logged runtime to learn from (generated logs of the zipf mix record none): "
                            + "capture one with 'workload run', import a log with durations, or 'workload generate --mix bursty-dashboards'").formatted(workspaceOptions.workspace().directory()));
                }
                Path directory = output;
                if (directory == null) {
                    directory = Files.createDirectories(WorkspaceRuns.modelDirectory(workspaceOptions.workspace()));
                }
                requireDirectory(directory);
                RuntimeModelTraining.Trained trained = RuntimeModelTraining.train(runs, repository.catalog(), repository.design(), config, analysis.workloadFingerprint());
                Path model = directory.resolve(RuntimeModel.FILE);
                Path card = directory.resolve(RuntimeModel.CARD_FILE);
                write(model, trained.model()::write, card, trained.card());
                RuntimeModelCard modelCard = trained.card();
                out.printf(Locale.ROOT, "train runtimes: seed %d, %d trees; trained on %,d runs from %s until %s, held out the %,d runs from then to %s%n",
                        modelCard.seed(), modelCard.trees(), modelCard.trainingRuns(), modelCard.trainedFrom(), modelCard.trainedUntil(), modelCard.heldOutRuns(), modelCard.heldOutUntil());
                out.printf(Locale.ROOT, "  %-28s %10s %10s %10s %10s %14s%n", "predictor, runs scored", "abs p50 s", "abs p90 s", "rel p50", "rel p90",
                        "short/long@" + Formats.scale(modelCard.cutoffSeconds()) + "s");
                printErrors(out, "learned, held out (later)", modelCard.heldOut());
                printErrors(out, "history, held out (later)", modelCard.historyBaseline());
                printErrors(out, "learned, its training runs", modelCard.training());
                out.printf(Locale.ROOT, "  (history: the mean of the statement's ended runs; the held-out window is later than every training run)%n");
                out.printf(Locale.ROOT, "wrote %s and %s%n", model, card);
            }
            out.flush();
            return 0;
        }

        private static void printErrors(PrintWriter out, String name, PredictionErrors errors)
        {
            out.printf(Locale.ROOT, "  %-28s %10.2f %10.2f %9.0f%% %9.0f%% %13.1f%%%n", name + ", " + errors.runs(), errors.absoluteSecondsP50(), errors.absoluteSecondsP90(),
                    100 * errors.relativeP50(), 100 * errors.relativeP90(), 100 * errors.shortLongAccuracy());
        }
    }

    private static void requireDirectory(Path output)
    {
        if (!Files.isDirectory(output)) {
            throw new CaptureException(ErrorCode.FILE_NOT_FOUND, "output directory %s does not exist: create it first".formatted(output));
        }
    }

    /** Prints a training's progress messages with the seconds since it started. */
    private static Consumer<String> progress(PrintWriter out)
    {
        long started = System.nanoTime();
        return message -> {
            out.printf(Locale.ROOT, "  [%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
            out.flush();
        };
    }

    /** What writes a model to a stream. */
    @FunctionalInterface
    private interface ModelWriter
    {
        void write(OutputStream out)
                throws IOException;
    }

    private static void write(Path model, ModelWriter writer, Path card, Object modelCard)
            throws IOException
    {
        try (OutputStream stream = Files.newOutputStream(model)) {
            writer.write(stream);
        }
        Files.writeString(card, Json.writePretty(modelCard) + "\n");
    }
}
