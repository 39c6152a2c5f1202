package io.autotable.advisor.wlm.learned;

import io.autotable.advisor.AdvisorException;
import io.autotable.catalog.Catalog;
import io.autotable.design.PhysicalDesign;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.wlm.FingerprintHistory;
import io.autotable.simulator.wlm.LoggedRun;
import io.autotable.simulator.wlm.RuntimePredictor;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static java.util.Objects.requireNonNull;

/**
 * A trained regression from a run's {@link RuntimeFeatures} to {@code ln(seconds + 0.01)} of its
 * runtime. A Tribuo random forest of CART regression trees learns the residual of the history's
 * estimate (the mean of the statement's ended runs, on that scale; 0 for a statement never seen
 * to end), so that a statement with history starts from it and shapes correct it, as the sort-key
 * model corrects its block-skip estimate. Stored in Tribuo's protobuf format
 * (gzipped) with its provenance. {@code autotable train runtimes} builds it from the workspace's
 * own log and writes it into the workspace ({@link #FILE}), with its card ({@link #CARD_FILE}).
 */
public final class RuntimeModel
{
    public static final String FILE = "runtime-model.tribuo.gz";
    public static final String CARD_FILE = "runtime-model.json";
    static final String OUTPUT = "logSeconds";

    private static final String[] FEATURE_NAMES = RuntimeFeatures.NAMES.toArray(new String[0]);

    private final Model<Regressor> model;

    RuntimeModel(Model<Regressor> model)
    {
        this.model = requireNonNull(model, "model is null");
    }

    /**
     * @throws AdvisorException with {@link ErrorCode#FILE_NOT_FOUND} or {@link ErrorCode#FILE_NOT_READABLE} naming the file
     */
    public static RuntimeModel read(Path file)
    {
        try (InputStream in = Files.newInputStream(file)) {
            Model<?> read = Model.deserializeFromStream(new GZIPInputStream(in));
            if (!read.validate(Regressor.class)) {
                throw new AdvisorException(ErrorCode.FILE_NOT_READABLE, "%s is not a runtime regression model: run 'autotable train runtimes' again".formatted(file));
            }
            @SuppressWarnings("unchecked")
            Model<Regressor> regressor = (Model<Regressor>) read;
            return new RuntimeModel(regressor);
        }
        catch (NoSuchFileException e) {
            throw new AdvisorException(ErrorCode.FILE_NOT_FOUND, "no runtime model at %s: run 'autotable train runtimes' first".formatted(file), e);
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof AdvisorException advisor) {
                throw advisor;
            }
            throw new AdvisorException(ErrorCode.FILE_NOT_READABLE, "the runtime model %s cannot be read (%s): run 'autotable train runtimes' again".formatted(file, e.getMessage()), e);
        }
    }

    public void write(OutputStream out)
            throws IOException
    {
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        model.serializeToStream(gzip);
        gzip.finish();
    }

    public Model<Regressor> tribuoModel()
    {
        return model;
    }

    /** Predicted seconds of one run with these features. */
    public double predict(double[] features)
    {
        return FingerprintHistory.fromLog(estimate(features) + model.predict(example(features, RegressionFactory.UNKNOWN_REGRESSOR)).getOutput().getValues()[0]);
    }

    /** What the forest learns for a run of these features and runtime: the residual of the history's estimate. */
    static double residual(double[] features, double seconds)
    {
        return FingerprintHistory.log(seconds) - estimate(features);
    }

    private static double estimate(double[] features)
    {
        return features[RuntimeFeatures.HISTORY_RUNS] > 0 ? features[RuntimeFeatures.HISTORY_MEAN] : 0;
    }

    /** The model as a predictor for runs on this catalog and design. */
    public RuntimePredictor predictor(Catalog catalog, PhysicalDesign design)
    {
        RuntimeFeatures features = new RuntimeFeatures(catalog, design);
        return new RuntimePredictor()
        {
            @Override
            public double[] predict(List<LoggedRun> runs)
            {
                List<double[]> rows = features.of(runs);
                double[] predicted = new double[rows.size()];
                for (int i = 0; i < predicted.length; i++) {
                    predicted[i] = RuntimeModel.this.predict(rows.get(i));
                }
                return predicted;
            }

            @Override
            public String name()
            {
                return "learned";
            }
        };
    }

    static Example<Regressor> example(double[] features, Regressor output)
    {
        return new ArrayExample<>(output, FEATURE_NAMES, features.clone());
    }
}
