package io.autotable.advisor.sortkey.learned;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static java.util.Objects.requireNonNull;

/**
 * A trained regression from a candidate's {@link CandidateFeatures} to its simulated benefit (the
 * fraction of the table's workload time saved against no sort key). The benefit is predicted as
 * the block-skip estimate's ({@link CandidateFeatures#estimatedBenefit}) plus a learned residual: a
 * Tribuo random forest of CART regression trees learns the simulator's correction to the estimate
 * (what the estimate does not see: block boundaries, encodings, the statements' other steps), so
 * that benefits larger than any in the corpus stay within reach. Stored in Tribuo's protobuf format
 * (gzipped) with its provenance. The one shipped in the jar is {@link #shipped()};
 * {@code autotable train sortkeys} rebuilds it.
 */
public final class SortKeyModel
{
    /** Where the shipped model lives on the classpath. */
    public static final String RESOURCE = "/io/autotable/advisor/sortkey/learned/sortkey-model.tribuo.gz";
    /** Where the shipped model's card (how it was made, how it scored on held-out benchmarks) lives. */
    public static final String CARD_RESOURCE = "/io/autotable/advisor/sortkey/learned/sortkey-model.json";
    /** The regression's one output dimension. */
    static final String OUTPUT = "benefit";

    private static final String[] FEATURE_NAMES = CandidateFeatures.NAMES.toArray(new String[0]);

    private final Model<Regressor> model;

    SortKeyModel(Model<Regressor> model)
    {
        this.model = requireNonNull(model, "model is null");
    }

    /**
     * The model shipped in the jar.
     *
     * @throws CaptureException when the jar holds no model or an unreadable one
     */
    public static SortKeyModel shipped()
    {
        try (InputStream in = SortKeyModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CaptureException(ErrorCode.INTERNAL, "the jar holds no sort-key model at %s: run 'autotable train sortkeys'".formatted(RESOURCE));
            }
            return read(in);
        }
        catch (IOException e) {
            throw new CaptureException(ErrorCode.INTERNAL, "the sort-key model at %s cannot be read: %s".formatted(RESOURCE, e.getMessage()), e);
        }
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @throws CaptureException when the stream does not hold a regression model
     */
    public static SortKeyModel read(InputStream in)
            throws IOException
    {
        requireNonNull(in, "in is null");
        Model<?> model = Model.deserializeFromStream(new GZIPInputStream(in));
        if (!model.validate(Regressor.class)) {
            throw CaptureException.invalid("the model is not a regression of sort-key benefit: %s", model.getClass().getSimpleName());
        }
        @SuppressWarnings("unchecked")
        Model<Regressor> regressor = (Model<Regressor>) model;
        return new SortKeyModel(regressor);
    }

    /** Writes the model in Tribuo's protobuf format, gzipped. */
    public void write(OutputStream out)
            throws IOException
    {
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        model.serializeToStream(gzip);
        gzip.finish();
    }

    /** The underlying Tribuo model, with its provenance. */
    public Model<Regressor> tribuoModel()
    {
        return model;
    }

    /** The predicted benefit of a candidate with these features ({@link CandidateFeatures#NAMES} order). */
    public double predict(double[] features)
    {
        if (features.length != FEATURE_NAMES.length) {
            throw new IllegalArgumentException("expected %d features, got %d".formatted(FEATURE_NAMES.length, features.length));
        }
        Prediction<Regressor> prediction = model.predict(example(features, RegressionFactory.UNKNOWN_REGRESSOR));
        return CandidateFeatures.estimatedBenefit(features) + prediction.getOutput().getValues()[0];
    }

    /** What the forest learns for a candidate of this benefit: the residual of the block-skip estimate. */
    static double residual(double[] features, double benefit)
    {
        return benefit - CandidateFeatures.estimatedBenefit(features);
    }

    static Example<Regressor> example(double[] features, Regressor output)
    {
        return new ArrayExample<>(output, FEATURE_NAMES, features.clone());
    }
}
