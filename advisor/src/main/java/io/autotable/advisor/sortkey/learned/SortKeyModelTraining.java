package io.autotable.advisor.sortkey.learned;

import io.autotable.AutotableVersion;
import io.autotable.advisor.sortkey.SortKey;
import io.autotable.advisor.sortkey.SortKeyAdvisor;
import io.autotable.advisor.sortkey.SortKeyCandidate;
import io.autotable.advisor.sortkey.SortKeyRanker;
import io.autotable.advisor.sortkey.TableProfile;
import io.autotable.advisor.sortkey.TableWorkload;
import io.autotable.advisor.sortkey.candidates.WorkloadCandidates;
import io.autotable.advisor.sortkey.heuristic.BlockSkipSortKeyRanker;
import io.autotable.advisor.sortkey.learned.BenchmarkCases.BenchmarkCase;
import io.autotable.advisor.sortkey.learned.ModelCard.Choice;
import io.autotable.advisor.sortkey.learned.ModelCard.HeldOutTable;
import io.autotable.advisor.sortkey.learned.ModelCard.Score;
import io.autotable.advisor.sortkey.learned.SortKeyModelTrainer.LabelledCandidate;
import io.autotable.advisor.whatif.TableWhatIf;
import io.autotable.advisor.whatif.WorkloadWhatIf;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.LayoutBuilder;
import io.autotable.simulator.layout.StorageLayout;
import io.autotable.simulator.layout.TableData;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Builds the sort-key model from simulated outcomes on synthetic tables and scores it on whole
 * benchmarks it never saw ({@link BenchmarkCases}): for every table a held-out workload reads, every
 * candidate is simulated to find the best, and each strategy's choice is scored by its simulated
 * benefit over the best's. The advisor's strategy ({@code learned+verify}) simulates only the
 * model's best three and the baselines, and takes the fastest of them (scored without the advisor's
 * minimum saving, which would keep no sort key where the best key saves less than 1%);
 * {@code learned} takes the model's first choice unsimulated; the {@code block-skip} strategies do
 * the same with the block-skip estimate instead of the model.
 */
public final class SortKeyModelTraining
{
    /** The strategies scored, in the order the card lists them. */
    public static final List<String> STRATEGIES = List.of("learned+verify", "learned", "block-skip+verify", "block-skip");

    private SortKeyModelTraining() {}

    /**
     * Which benchmarks the model is scored on.
     *
     * @param heldOut benchmarks evaluated on, never trained on
     * @param scale the scale they are generated at
     * @param seed the seed of their workloads
     * @param verifyTop candidates the advisor simulates besides the baselines
     */
    public record Plan(List<String> heldOut, double scale, long seed, int verifyTop)
    {
        public Plan
        {
            heldOut = List.copyOf(heldOut);
            for (String benchmark : heldOut) {
                if (!BenchmarkCases.BENCHMARKS.contains(benchmark)) {
                    throw CaptureException.invalid("cannot hold out benchmark '%s': use some of %s", benchmark, BenchmarkCases.BENCHMARKS);
                }
            }
            if (!(scale > 0 && scale <= 10)) {
                throw CaptureException.invalid("scale must be in (0, 10], got %s", scale);
            }
            if (verifyTop < 1) {
                throw CaptureException.invalid("verifyTop must be >= 1, got %d", verifyTop);
            }
        }

        /** TPC-H and SSB at scale 0.25, the advisor's three candidates verified. */
        public static Plan defaults()
        {
            return new Plan(List.of("tpch", "ssb"), 0.25, 7, 3);
        }
    }

    /** A trained model with its card. */
    public record Trained(SortKeyModel model, ModelCard card)
    {
        public Trained
        {
            requireNonNull(model, "model is null");
            requireNonNull(card, "card is null");
        }
    }

    public static Trained train(TrainingConfig config, Plan plan, Consumer<String> progress)
    {
        requireNonNull(config, "config is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(progress, "progress is null");
        Map<String, Double> seconds = new LinkedHashMap<>();
        long started = System.nanoTime();
        List<LabelledCandidate> corpus = SortKeyModelTrainer.labelSynthetic(config, progress);
        seconds.put("simulate", (System.nanoTime() - started) / 1e9);

        started = System.nanoTime();
        SortKeyModel model = SortKeyModelTrainer.train(config, corpus);
        seconds.put("train", (System.nanoTime() - started) / 1e9);
        progress.accept("trained a forest of %d trees on %d candidates".formatted(config.trees(), corpus.size()));

        started = System.nanoTime();
        ClusterModel cluster = SortKeyModelTrainer.cluster(config.slices());
        List<HeldOutTable> tables = new ArrayList<>();
        Map<String, Integer> heldOutTables = new LinkedHashMap<>();
        for (String benchmark : plan.heldOut()) {
            BenchmarkCase heldOut = BenchmarkCases.generate(benchmark, plan.scale(), plan.seed());
            progress.accept("generated %s at scale %s: %d tables, %d statements".formatted(benchmark, plan.scale(), heldOut.tables().size(), heldOut.workload().groups().size()));
            List<HeldOutTable> scored = evaluate(heldOut, model, cluster, plan.verifyTop());
            tables.addAll(scored);
            heldOutTables.put(benchmark, scored.size());
            progress.accept("evaluated %d %s tables".formatted(scored.size(), benchmark));
        }
        seconds.put("evaluate", (System.nanoTime() - started) / 1e9);

        double meanBenefit = 0;
        for (LabelledCandidate candidate : corpus) {
            meanBenefit += candidate.benefit() / corpus.size();
        }
        ModelCard card = new ModelCard(AutotableVersion.get(), config, cluster.name(), CandidateFeatures.NAMES, config.syntheticTables(), corpus.size(), meanBenefit,
                plan.scale(), heldOutTables, scores(tables), tables, seconds);
        return new Trained(model, card);
    }

    /**
     * Scores every strategy on every table of a benchmark its workload reads. Every candidate is
     * simulated once (the strategies' simulations are answered from those), each table laid out
     * with the others in the initial design.
     */
    public static List<HeldOutTable> evaluate(BenchmarkCase benchmark, SortKeyModel model, ClusterModel cluster, int verifyTop)
    {
        LayoutBuilder builder = new LayoutBuilder(cluster);
        Map<String, StorageLayout> initial = new LinkedHashMap<>();
        for (Map.Entry<String, TableData> table : benchmark.tables().entrySet()) {
            initial.put(table.getKey(), builder.build(table.getValue(), TableDesign.initial()));
        }
        Map<String, SortKeyRanker> rankers = new LinkedHashMap<>();
        rankers.put("learned", new LearnedSortKeyRanker(model, cluster));
        rankers.put("block-skip", new BlockSkipSortKeyRanker());
        WorkloadWhatIf workload = new WorkloadWhatIf(cluster, benchmark.catalog(), benchmark.workload(), initial);
        List<HeldOutTable> scored = new ArrayList<>();
        for (Map.Entry<String, TableData> table : benchmark.tables().entrySet()) {
            TableWorkload tableWorkload = TableWorkload.of(table.getKey(), benchmark.workload());
            if (tableWorkload.statements().stream().noneMatch(TableWorkload.Statement::reads)) {
                continue;
            }
            CachingWhatIf whatIf = new CachingWhatIf(workload.forTable(table.getKey(), table.getValue(), builder));
            TableProfile profile = TableProfile.of(tableWorkload, table.getValue(), cluster.slices());
            List<SortKeyCandidate> candidates = WorkloadCandidates.generate(profile, SortKey.none(), WorkloadCandidates.Config.defaults());
            double none = whatIf.seconds(SortKey.none());
            SortKey best = SortKey.none();
            for (SortKeyCandidate candidate : candidates) {
                if (whatIf.seconds(candidate.key()) < whatIf.seconds(best)) {
                    best = candidate.key();
                }
            }
            double bestBenefit = benefit(none, whatIf.seconds(best));
            List<Choice> choices = new ArrayList<>();
            for (Map.Entry<String, SortKeyRanker> ranker : rankers.entrySet()) {
                // no minimum saving: the choice itself is scored, not the policy of keeping a key that saves under 1%
                SortKeyAdvisor advisor = new SortKeyAdvisor(ranker.getValue(), new SortKeyAdvisor.Config(cluster, verifyTop, 0, WorkloadCandidates.Config.defaults()));
                SortKey verified = advisor.advise(tableWorkload, table.getValue(), TableDesign.initial(), whatIf).recommended();
                SortKeyAdvisor.Ranked ranked = advisor.rank(profile, candidates);
                SortKey first = candidates.get(ranked.order().get(0)).key();
                choices.add(choice(ranker.getKey() + "+verify", verified, none, whatIf.seconds(verified), bestBenefit));
                choices.add(choice(ranker.getKey(), first, none, whatIf.seconds(first), bestBenefit));
            }
            scored.add(new HeldOutTable(benchmark.benchmark(), table.getKey(), candidates.size(), none, best.toString(), bestBenefit, choices));
        }
        return List.copyOf(scored);
    }

    /** The strategies' scores over held-out tables. */
    public static List<Score> scores(List<HeldOutTable> tables)
    {
        List<Score> scores = new ArrayList<>();
        for (String strategy : STRATEGIES) {
            double saved = 0;
            double bestSaved = 0;
            double shares = 0;
            double worst = 1;
            int withBenefit = 0;
            int atLeast95 = 0;
            for (HeldOutTable table : tables) {
                Choice choice = table.choices().stream().filter(each -> each.strategy().equals(strategy)).findFirst().orElseThrow();
                saved += table.noSortKeySeconds() * choice.benefit();
                bestSaved += table.noSortKeySeconds() * table.bestBenefit();
                if (table.bestBenefit() > 0) {
                    withBenefit++;
                    shares += choice.shareOfBest();
                    worst = Math.min(worst, choice.shareOfBest());
                    atLeast95 += choice.shareOfBest() >= 0.95 ? 1 : 0;
                }
            }
            scores.add(new Score(strategy, saved, bestSaved, bestSaved == 0 ? 1 : saved / bestSaved, withBenefit == 0 ? 1 : shares / withBenefit, worst, withBenefit, atLeast95));
        }
        return scores;
    }

    private static Choice choice(String strategy, SortKey key, double none, double seconds, double bestBenefit)
    {
        double benefit = benefit(none, seconds);
        return new Choice(strategy, key.toString(), benefit, bestBenefit <= 0 ? 1 : benefit / bestBenefit);
    }

    private static double benefit(double none, double seconds)
    {
        return none == 0 ? 0 : (none - seconds) / none;
    }

    /** A what-if that simulates each design once. */
    private static final class CachingWhatIf
            implements TableWhatIf
    {
        private final TableWhatIf delegate;
        private final Map<TableDesign, Cost> costs = new HashMap<>();

        CachingWhatIf(TableWhatIf delegate)
        {
            this.delegate = delegate;
        }

        @Override
        public Cost evaluate(TableDesign design)
        {
            return costs.computeIfAbsent(design, delegate::evaluate);
        }

        double seconds(SortKey key)
        {
            return evaluate(key.applyTo(TableDesign.initial())).seconds();
        }
    }
}
