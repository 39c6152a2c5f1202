package io.autotable.encoding.learned;

import io.autotable.catalog.ColumnType;
import io.autotable.design.Encoding;
import io.autotable.encoding.Column;
import io.autotable.encoding.ColumnProfile;
import io.autotable.encoding.EncodedSizes;
import io.autotable.encoding.EncodingException;
import io.autotable.encoding.EncodingSelector;
import io.autotable.encoding.sampled.SampledEncodingSelector;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Predicts the encoding from the sample's {@link ColumnProfile} with a trained {@link
 * EncodingModel}, in the spirit of CodecDB (Jiang et al., SIGMOD 2021), which learned encodings
 * from column features. One profiling pass over {@link #PROFILE_RUNS} runs of the sample and one
 * walk of the forest, no trial encoding; with verification, when the forest is unsure, its two
 * most likely encodings are also trial-encoded on those runs and the smaller kept, which catches
 * near misses at the cost of two small encodings.
 */
public final class LearnedEncodingSelector
        implements EncodingSelector
{
    /**
     * The runs of the sample that are profiled (and trial-encoded when verifying): 32 runs of 256
     * consecutive values, so at most 8,192 values whatever the sample's size. The model is trained
     * on profiles taken the same way; changing this needs a retrained model.
     */
    public static final SampledEncodingSelector.Config PROFILE_RUNS = new SampledEncodingSelector.Config(32, 256, 0x5EED);

    /** Below this share of the forest's votes, the default selector verifies its first two choices. */
    public static final double DEFAULT_VERIFY_BELOW = 0.9;

    private final EncodingModel model;
    private final double verifyBelow;
    private final SampledEncodingSelector.Config verifyRuns;

    /**
     * @param verifyBelow verify the first two choices when the first has less than this share of
     *        the forest's votes: 0 never verifies, above 1 always does
     * @param verifyRuns the runs of the sample the two choices are trial-encoded on
     */
    public LearnedEncodingSelector(EncodingModel model, double verifyBelow, SampledEncodingSelector.Config verifyRuns)
    {
        this.model = requireNonNull(model, "model is null");
        if (!(verifyBelow >= 0)) {
            throw EncodingException.invalidInput("verifyBelow must be >= 0, got %s", verifyBelow);
        }
        this.verifyBelow = verifyBelow;
        this.verifyRuns = requireNonNull(verifyRuns, "verifyRuns is null");
    }

    /**
     * The shipped model; with {@code verify}, predictions with less than {@link
     * #DEFAULT_VERIFY_BELOW} of the votes are verified on the profiled runs.
     */
    public static LearnedEncodingSelector shipped(boolean verify)
    {
        return new LearnedEncodingSelector(EncodingModel.shipped(), verify ? DEFAULT_VERIFY_BELOW : 0, PROFILE_RUNS);
    }

    /** The profile the model sees: of {@link #PROFILE_RUNS} runs of the sample. */
    public static ColumnProfile profile(ColumnType type, Column sample)
    {
        return ColumnProfile.of(type, SampledEncodingSelector.sampleRuns(sample, PROFILE_RUNS));
    }

    @Override
    public String name()
    {
        return verifyBelow > 0 ? "learned+verify" : "learned";
    }

    @Override
    public Selection select(ColumnType type, Column sample)
    {
        Column runs = SampledEncodingSelector.sampleRuns(sample, PROFILE_RUNS);
        EncodingModel.Ranking ranking = model.predict(ColumnProfile.of(type, runs));
        List<Encoding> ranked = ranking.ranked();
        if (ranked.size() < 2 || ranking.confidence() >= verifyBelow) {
            return new Selection(ranked.get(0), 0);
        }
        Column verified = verifyRuns.equals(PROFILE_RUNS) ? runs : SampledEncodingSelector.sampleRuns(sample, verifyRuns);
        Map<Encoding, Long> sizes = new EnumMap<>(Encoding.class);
        for (Encoding encoding : ranked.subList(0, 2)) {
            sizes.put(encoding, EncodedSizes.encodedBytes(type, verified, encoding));
        }
        return new Selection(EncodedSizes.smallest(sizes), 2);
    }
}
