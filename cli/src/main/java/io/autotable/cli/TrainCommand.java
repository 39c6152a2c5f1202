package io.autotable.cli;

import io.autotable.advisor.encoding.EncodingModelTraining;
import io.autotable.advisor.encoding.EncodingModelTraining.Plan;
import io.autotable.encoding.learned.ModelCard;
import io.autotable.encoding.learned.TrainingConfig;
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
import java.util.logging.Level;
import java.util.logging.Logger;

@Command(mixinStandardHelpOptions = true, name = "train", description = "Rebuild a shipped model reproducibly.", subcommands = TrainCommand.Encodings.class)
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
            TrainingConfig config = TrainingConfig.defaults();
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
            if (!Files.isDirectory(output)) {
                throw new CaptureException(ErrorCode.FILE_NOT_FOUND, "output directory %s does not exist: create it first".formatted(output));
            }
            long started = System.nanoTime();
            EncodingModelTraining.Trained trained = EncodingModelTraining.train(config, plan, message -> {
                out.printf(Locale.ROOT, "  [%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
                out.flush();
            });
            Path model = output.resolve("encoding-model.tribuo.gz");
            Path card = output.resolve("encoding-model.json");
            try (OutputStream stream = Files.newOutputStream(model)) {
                trained.model().write(stream);
            }
            Files.writeString(card, Json.writePretty(trained.card()) + "\n");
            ModelCard modelCard = trained.card();
            out.printf(Locale.ROOT, "train encodings: seed %d, %d synthetic columns, trained on %s, held out %s (scale %s, samples of %,d rows)%n",
                    config.seed(), config.syntheticColumns(), modelCard.trainingDatasets(), modelCard.heldOutDatasets(), Formats.scale(scale), plan.sampleRows());
            EncodingComparisonPrinter.print(out, modelCard.oracleBytes(), modelCard.evaluation());
            out.printf(Locale.ROOT, "wrote %s and %s%n", model, card);
            out.flush();
            return 0;
        }
    }
}
