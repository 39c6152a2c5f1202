package io.autotable.advisor.sortkey.learned;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import io.autotable.advisor.sortkey.SortKey;
import io.autotable.advisor.sortkey.SortKeyCandidate;
import io.autotable.advisor.sortkey.TableProfile;
import io.autotable.advisor.sortkey.TableWorkload;
import io.autotable.advisor.sortkey.candidates.WorkloadCandidates;
import io.autotable.advisor.whatif.TableWhatIf;
import io.autotable.advisor.whatif.WorkloadWhatIf;
import io.autotable.catalog.Catalog;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.LayoutBuilder;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Trains the sort-key model: candidates of synthetic tables are simulated
 * ({@link WorkloadWhatIf#forTable}) and labelled with its benefit, the fraction of the table's workload time
 * it saves against no sort key; a random forest of CART regression trees (mean squared error)
 * learns, from the candidate's {@link CandidateFeatures}, how far that benefit is from the
 * block-skip estimate's ({@link SortKeyModel}). Randomness comes from one
 * {@link SplittableRandom} seeded with the configuration's seed: its first split draws the
 * synthetic tables, its second chooses which of a table's candidates are simulated (at most
 * {@link TrainingConfig#candidatesPerTable()}, no sort key always), its next long seeds the forest. The model's Tribuo provenance records the
 * configuration, the seed and the corpus.
 */
public final class SortKeyModelTrainer
{
    private SortKeyModelTrainer() {}

    /**
     * One simulated candidate.
     *
     * @param dataset where its table comes from: {@code synthetic}, or a benchmark's name
     * @param benefit the share of the table's simulated workload time it saves against no sort key
     * @param seconds simulated seconds of the table's statements with the key
     */
    public record LabelledCandidate(String dataset, String table, SortKeyCandidate candidate, double[] features, double benefit, double seconds)
    {
        public LabelledCandidate
        {
            requireNonNull(dataset, "dataset is null");
            requireNonNull(table, "table is null");
            requireNonNull(candidate, "candidate is null");
            features = features.clone();
        }
    }

    /** The cluster the corpus is simulated on: the default preset's rates, one node of {@code slices} slices. */
    public static ClusterModel cluster(int slices)
    {
        ClusterModel preset = ClusterModel.defaultModel();
        return new ClusterModel("one node of %d slice(s) at %s's rates".formatted(slices, preset.name()), 1, slices, preset.blockBytes(), preset.scanBytesPerSecond(),
                preset.decodeBytesPerSecond(), preset.networkBytesPerSecond(), preset.rowsPerSecond(), preset.queryOverheadSeconds());
    }

    /** The synthetic tables the configuration describes. */
    public static List<SyntheticTables.TableCase> syntheticTables(TrainingConfig config)
    {
        SplittableRandom root = new SplittableRandom(config.seed());
        return SyntheticTables.generate(config.syntheticTables(), config.syntheticMinRows(), config.syntheticMaxRows(), root.split());
    }

    /** Simulates every candidate of every synthetic table. */
    public static List<LabelledCandidate> labelSynthetic(TrainingConfig config, Consumer<String> progress)
    {
        ClusterModel cluster = cluster(config.slices());
        SplittableRandom root = new SplittableRandom(config.seed());
        root.split();
        SplittableRandom choices = root.split();
        LayoutBuilder builder = new LayoutBuilder(cluster);
        List<LabelledCandidate> corpus = new ArrayList<>();
        int done = 0;
        for (SyntheticTables.TableCase table : syntheticTables(config)) {
            Catalog catalog = new Catalog(List.of(table.data().table()));
            String name = table.data().table().name();
            TableWhatIf whatIf = new WorkloadWhatIf(cluster, catalog, table.workload(), Map.of()).forTable(name, table.data(), builder);
            TableProfile profile = TableProfile.of(TableWorkload.of(name, table.workload()), table.data(), cluster.slices());
            List<SortKeyCandidate> candidates = choose(WorkloadCandidates.generate(profile, SortKey.none(), WorkloadCandidates.Config.defaults()), config.candidatesPerTable(), choices.split());
            corpus.addAll(label("synthetic", profile, candidates, whatIf, cluster));
            done++;
            if (done % 20 == 0 || done == config.syntheticTables()) {
                progress.accept("simulated the candidates of %d of %d synthetic tables (%d candidates)".formatted(done, config.syntheticTables(), corpus.size()));
            }
        }
        return corpus;
    }

    // no sort key (the first candidate) and a random choice of the others, in their order
    private static List<SortKeyCandidate> choose(List<SortKeyCandidate> candidates, int most, SplittableRandom random)
    {
        if (candidates.size() <= most) {
            return candidates;
        }
        List<Integer> others = new ArrayList<>();
        for (int i = 1; i < candidates.size(); i++) {
            others.add(i);
        }
        for (int i = others.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            others.set(j, others.set(i, others.get(j)));
        }
        List<Integer> chosen = new ArrayList<>(others.subList(0, most - 1));
        chosen.add(0);
        chosen.sort(null);
        List<SortKeyCandidate> subset = new ArrayList<>();
        for (int index : chosen) {
            subset.add(candidates.get(index));
        }
        return subset;
    }

    /** Simulates each candidate of one table from the initial design (EVEN, RAW) and labels it with its benefit. */
    public static List<LabelledCandidate> label(String dataset, TableProfile profile, List<SortKeyCandidate> candidates, TableWhatIf whatIf, ClusterModel cluster)
    {
        double none = whatIf.evaluate(TableDesign.initial()).seconds();
        List<LabelledCandidate> labelled = new ArrayList<>(candidates.size());
        for (SortKeyCandidate candidate : candidates) {
            double seconds = candidate.key().isNone() ? none : whatIf.evaluate(candidate.key().applyTo(TableDesign.initial())).seconds();
            double benefit = none == 0 ? 0 : (none - seconds) / none;
            labelled.add(new LabelledCandidate(dataset, profile.table(), candidate, CandidateFeatures.of(profile, candidate, cluster), benefit, seconds));
        }
        return labelled;
    }

    /**
     * Trains a model on labelled candidates.
     *
     * @throws CaptureException when there is nothing to train on
     */
    public static SortKeyModel train(TrainingConfig config, List<LabelledCandidate> corpus)
    {
        requireNonNull(config, "config is null");
        requireNonNull(corpus, "corpus is null");
        if (corpus.isEmpty()) {
            throw CaptureException.invalid("the training corpus is empty");
        }
        SplittableRandom root = new SplittableRandom(config.seed());
        // the first split belongs to the synthetic tables, the second to the candidates' choice
        root.split();
        root.split();
        long forestSeed = root.nextLong();

        RegressionFactory factory = new RegressionFactory();
        // a fixed creation time keeps the dataset's provenance a function of the corpus alone
        OffsetDateTime epoch = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
        MutableDataset<Regressor> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(describe(corpus), epoch, factory), factory);
        for (LabelledCandidate candidate : corpus) {
            dataset.add(SortKeyModel.example(candidate.features(), new Regressor(SortKeyModel.OUTPUT, SortKeyModel.residual(candidate.features(), candidate.benefit()))));
        }
        CARTRegressionTrainer tree = new CARTRegressionTrainer(config.maxDepth(), 5f, 0f, (float) config.featureFraction(), false, new MeanSquaredError(), forestSeed);
        RandomForestTrainer<Regressor> forest = new RandomForestTrainer<>(tree, new AveragingCombiner(), config.trees(), forestSeed);
        Map<String, Provenance> run = new LinkedHashMap<>();
        run.put("seed", new LongProvenance("seed", config.seed()));
        run.put("syntheticTables", new IntProvenance("syntheticTables", config.syntheticTables()));
        run.put("syntheticRows", new StringProvenance("syntheticRows", config.syntheticMinRows() + ".." + config.syntheticMaxRows()));
        run.put("candidatesPerTable", new IntProvenance("candidatesPerTable", config.candidatesPerTable()));
        run.put("slices", new IntProvenance("slices", config.slices()));
        run.put("corpus", new StringProvenance("corpus", describe(corpus)));
        Model<Regressor> model = forest.train(dataset, run);
        return new SortKeyModel(model);
    }

    /** The datasets of a corpus with their candidate counts: {@code synthetic=1234}. */
    public static String describe(List<LabelledCandidate> corpus)
    {
        Map<String, Integer> counts = new TreeMap<>();
        for (LabelledCandidate candidate : corpus) {
            counts.merge(candidate.dataset(), 1, Integer::sum);
        }
        StringBuilder description = new StringBuilder();
        counts.forEach((dataset, count) -> description.append(description.isEmpty() ? "" : " ").append(dataset).append('=').append(count));
        return description.toString();
    }
}
