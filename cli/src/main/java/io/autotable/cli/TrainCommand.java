package io.autotable.cli;

import io.autotable.advisor.encoding.EncodingModelTraining;
import io.autotable.advisor.encoding.EncodingModelTraining.Plan;
import io.autotable.advisor.sortkey.learned.SortKeyModelTraining;
import io.autotable.advisor.sortkey.learned.TrainingConfig;
import io.autotable.encoding.learned.ModelCard;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

@Command(mixinStandardHelpOptions = true, name = "train", description = "Rebuild a shipped model reproducibly.", subcommands = {TrainCommand.Encodings.class, TrainCommand.SortKeys.class})
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
