package io.autotable.encoding.learned;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import io.autotable.design.Encoding;
import io.autotable.encoding.ColumnProfile;
import io.autotable.encoding.EncodedSizes;
import io.autotable.encoding.EncodingException;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Trains the learned selector's model: each corpus column is profiled and labelled with the
 * exhaustive oracle's choice on it, and a random forest of CART trees (Gini impurity) learns the
 * label from the profile. Randomness comes from one {@link SplittableRandom} seeded with the
 * configuration's seed: its first split draws the synthetic columns, its next long seeds the
 * forest. The model's Tribuo provenance records the configuration, the seed and the corpus.
 */
public final class EncodingModelTrainer
{
    private EncodingModelTrainer() {}

    /** A corpus column with its profile and the oracle's label. */
    public record LabelledColumn(TrainingColumn column, ColumnProfile profile, Encoding label, Map<Encoding, Long> sizes)
    {
        public LabelledColumn
        {
            requireNonNull(column, "column is null");
            requireNonNull(profile, "profile is null");
            requireNonNull(label, "label is null");
            sizes = Map.copyOf(sizes);
        }
    }

    /** The synthetic part of the corpus the configuration describes. */
    public static List<TrainingColumn> syntheticColumns(TrainingConfig config)
    {
        SplittableRandom root = new SplittableRandom(config.seed());
        return SyntheticColumns.generate(config.syntheticColumns(), config.syntheticMinRows(), config.syntheticMaxRows(), root.split());
    }

    /** Profiles a column and labels it with the oracle's choice (every applicable encoding tried). */
    public static LabelledColumn label(TrainingColumn column)
    {
        Map<Encoding, Long> sizes = EncodedSizes.allApplicable(column.type(), column.values());
        return new LabelledColumn(column, LearnedEncodingSelector.profile(column.type(), column.values()), EncodedSizes.smallest(sizes), sizes);
    }

    /**
     * Trains a model on labelled columns.
     *
     * @throws EncodingException when there is nothing to train on
     */
    public static EncodingModel train(TrainingConfig config, List<LabelledColumn> corpus)
    {
        requireNonNull(config, "config is null");
        requireNonNull(corpus, "corpus is null");
        if (corpus.isEmpty()) {
            throw EncodingException.invalidInput("the training corpus is empty");
        }
        SplittableRandom root = new SplittableRandom(config.seed());
        // the first split belongs to the synthetic columns, see syntheticColumns
        root.split();
        long forestSeed = root.nextLong();

        LabelFactory labels = new LabelFactory();
        // a fixed creation time keeps the dataset's provenance a function of the corpus alone
        OffsetDateTime epoch = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(describe(corpus), epoch, labels), labels);
        for (LabelledColumn column : corpus) {
            Example<Label> example = EncodingModel.example(column.profile(), new Label(column.label().name()));
            example.setWeight(weight(column));
            dataset.add(example);
        }
        CARTClassificationTrainer tree = new CARTClassificationTrainer(
                config.maxDepth(), 1f, 0f, (float) config.featureFraction(), false, new GiniIndex(), forestSeed);
        RandomForestTrainer<Label> forest = new RandomForestTrainer<>(tree, new FullyWeightedVotingCombiner(), config.trees(), forestSeed);
        Map<String, Provenance> run = new LinkedHashMap<>();
        run.put("seed", new LongProvenance("seed", config.seed()));
        run.put("syntheticColumns", new IntProvenance("syntheticColumns", config.syntheticColumns()));
        run.put("syntheticRows", new StringProvenance("syntheticRows", config.syntheticMinRows() + ".." + config.syntheticMaxRows()));
        run.put("corpus", new StringProvenance("corpus", describe(corpus)));
        Model<Label> model = forest.train(dataset, run);
        return new EncodingModel(model);
    }

    /**
     * How much a column's label matters: 1 plus how much larger (relatively) the runner-up encoding
     * is, capped at 10, so that columns where a wrong choice costs little do not crowd out those
     * where it costs a lot.
     */
    static float weight(LabelledColumn column)
    {
        long best = column.sizes().get(column.label());
        long second = Long.MAX_VALUE;
        for (Map.Entry<Encoding, Long> entry : column.sizes().entrySet()) {
            if (entry.getKey() != column.label()) {
                second = Math.min(second, entry.getValue());
            }
        }
        if (second == Long.MAX_VALUE) {
            return 1;
        }
        return (float) Math.min(10, 1 + (double) (second - best) / Math.max(1, best));
    }

    /** The datasets of a corpus with their column counts: {@code synthetic=1500 tpch=61}. */
    public static String describe(List<LabelledColumn> corpus)
    {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LabelledColumn column : corpus) {
            counts.merge(column.column().dataset(), 1, Integer::sum);
        }
        StringBuilder description = new StringBuilder();
        for (String dataset : new TreeSet<>(counts.keySet())) {
            description.append(description.isEmpty() ? "" : " ").append(dataset).append('=').append(counts.get(dataset));
        }
        return description.toString();
    }

    /** How often each label occurs in a corpus. */
    public static Map<Encoding, Integer> labelCounts(List<LabelledColumn> corpus)
    {
        Map<Encoding, Integer> counts = new EnumMap<>(Encoding.class);
        for (LabelledColumn column : corpus) {
            counts.merge(column.label(), 1, Integer::sum);
        }
        return counts;
    }
}
