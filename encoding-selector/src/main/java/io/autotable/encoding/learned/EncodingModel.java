package io.autotable.encoding.learned;

import io.autotable.design.Encoding;
import io.autotable.encoding.ColumnProfile;
import io.autotable.encoding.EncodedSizes;
import io.autotable.encoding.Encoder;
import io.autotable.encoding.Encoders;
import io.autotable.encoding.EncodingException;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static java.util.Objects.requireNonNull;

/**
 * A trained classifier from a column's {@link ColumnProfile} to the encoding the exhaustive oracle
 * would choose: a Tribuo random forest of CART trees, stored in Tribuo's protobuf format (gzipped) with its
 * provenance (trainer configuration, seed, corpus). The one shipped in the jar is {@link #shipped()};
 * {@code autotable train encodings} rebuilds it.
 */
public final class EncodingModel
{
    /** Where the shipped model lives on the classpath. */
    public static final String RESOURCE = "/io/autotable/encoding/learned/encoding-model.tribuo.gz";
    /** Where the shipped model's card (how it was made, how it scored on held-out data) lives. */
    public static final String CARD_RESOURCE = "/io/autotable/encoding/learned/encoding-model.json";

    private static final String[] FEATURE_NAMES = ColumnProfile.FEATURE_NAMES.toArray(new String[0]);

    private final Model<Label> model;
    private final CompiledForest forest;

    EncodingModel(Model<Label> model)
    {
        this.model = requireNonNull(model, "model is null");
        this.forest = CompiledForest.compile(model);
    }

    /**
     * The model shipped in the jar.
     *
     * @throws EncodingException when the jar holds no model or an unreadable one
     */
    public static EncodingModel shipped()
    {
        try (InputStream in = EncodingModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw EncodingException.internal(null, "the jar holds no encoding model at %s: run 'autotable train encodings'", RESOURCE);
            }
            return read(in);
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof EncodingException encoding) {
                throw encoding;
            }
            throw EncodingException.internal(e, "the encoding model at %s cannot be read: %s", RESOURCE, e.getMessage());
        }
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @throws EncodingException when the stream does not hold a classification model
     */
    public static EncodingModel read(InputStream in)
            throws IOException
    {
        requireNonNull(in, "in is null");
        Model<?> model = Model.deserializeFromStream(new GZIPInputStream(in));
        if (!model.validate(Label.class)) {
            throw EncodingException.invalidInput("the model is not a classifier of encodings: %s", model.getClass().getSimpleName());
        }
        @SuppressWarnings("unchecked")
        Model<Label> labels = (Model<Label>) model;
        return new EncodingModel(labels);
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
    public Model<Label> tribuoModel()
    {
        return model;
    }

    /**
     * The encodings that apply to the profile's type, most likely first: those the forest votes
     * for by their share of the votes, then the others in order of decode speed. Never empty: RAW
     * applies to every type.
     */
    public List<Encoding> rank(ColumnProfile profile)
    {
        return predict(profile).ranked();
    }

    /**
     * The ranking with the forest's confidence.
     *
     * @param ranked the applicable encodings, most likely first
     * @param confidence the first one's share of the votes for applicable encodings, in [0, 1]
     */
    public record Ranking(List<Encoding> ranked, double confidence)
    {
        public Ranking
        {
            ranked = List.copyOf(ranked);
        }
    }

    public Ranking predict(ColumnProfile profile)
    {
        requireNonNull(profile, "profile is null");
        double[] scores = new double[Encoding.values().length];
        forest.vote(profile.features(), scores);
        List<Encoding> ranked = ranked(profile, scores);
        double total = 0;
        for (Encoding encoding : ranked) {
            total += scores[encoding.ordinal()];
        }
        return new Ranking(ranked, total == 0 ? 0 : scores[ranked.get(0).ordinal()] / total);
    }

    /** {@link #rank} through Tribuo's own prediction path: slower, the reference the compiled forest is checked against. */
    public List<Encoding> rankWithTribuo(ColumnProfile profile)
    {
        Prediction<Label> prediction = model.predict(example(profile));
        double[] scores = new double[Encoding.values().length];
        for (Map.Entry<String, Label> entry : prediction.getOutputScores().entrySet()) {
            scores[Encoding.valueOf(entry.getKey()).ordinal()] = entry.getValue().getScore();
        }
        return ranked(profile, scores);
    }

    private static List<Encoding> ranked(ColumnProfile profile, double[] scores)
    {
        List<Encoder> applicable = Encoders.applicable(profile.type());
        List<Encoding> ranked = new ArrayList<>(applicable.size());
        for (Encoder encoder : applicable) {
            ranked.add(encoder.encoding());
        }
        ranked.sort(Comparator.comparingDouble((Encoding encoding) -> -scores[encoding.ordinal()])
                .thenComparingInt(EncodedSizes::decodeRank));
        return List.copyOf(ranked);
    }

    static Example<Label> example(ColumnProfile profile)
    {
        return example(profile, LabelFactory.UNKNOWN_LABEL);
    }

    static Example<Label> example(ColumnProfile profile, Label label)
    {
        return new ArrayExample<>(label, FEATURE_NAMES, profile.features());
    }
}
