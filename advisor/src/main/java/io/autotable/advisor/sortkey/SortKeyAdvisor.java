package io.autotable.advisor.sortkey;

import io.autotable.advisor.sortkey.SortKeyAdvice.Candidate;
import io.autotable.advisor.sortkey.SortKeyCandidate.Evidence;
import io.autotable.advisor.sortkey.SortKeyCandidate.Source;
import io.autotable.advisor.sortkey.candidates.WorkloadCandidates;
import io.autotable.advisor.whatif.TableWhatIf;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.TableData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Advises a table's sort key, as Redshift's automatic table optimization does, but with the
 * simulator's word for it:
 * <ol>
 * <li>candidates come from the table's workload ({@link WorkloadCandidates}), with the current key
 *     and no sort key as baselines;</li>
 * <li>the ranker predicts each one's benefit, and the {@link Config#verifyTop()} best, plus both
 *     baselines, are simulated with the what-if ({@link TableWhatIf}: the workload's statements that
 *     touch the table, every run, with the table laid out under the key and everything else as it is);</li>
 * <li>the fastest simulated key is recommended if it saves at least {@link Config#minSaving()} of
 *     the current key's time; otherwise the current key stays, and the advice says why.</li>
 * </ol>
 * Cost: one layout of the table and one costing of its statements per verified key, so
 * {@code verifyTop + 2} of each, whatever the number of candidates.
 */
public final class SortKeyAdvisor
{
    private final SortKeyRanker ranker;
    private final Config config;

    /**
     * @param cluster the cluster the table is laid out on (its slices size the block-skip estimates)
     * @param verifyTop how many of the best-ranked candidates are simulated besides the baselines
     * @param minSaving the share of the current key's simulated time a change must save
     * @param candidates how many candidates of each kind
     */
    public record Config(ClusterModel cluster, int verifyTop, double minSaving, WorkloadCandidates.Config candidates)
    {
        public Config
        {
            requireNonNull(cluster, "cluster is null");
            requireNonNull(candidates, "candidates is null");
            if (verifyTop < 1 || verifyTop > 100) {
                throw CaptureException.invalid("verifyTop must be in 1..100, got %d", verifyTop);
            }
            if (!(minSaving >= 0 && minSaving < 1)) {
                throw CaptureException.invalid("minSaving must be in [0, 1), got %s", minSaving);
            }
        }

        /** Three candidates verified, a change must save 1%, on the given cluster. */
        public static Config defaults(ClusterModel cluster)
        {
            return new Config(cluster, 3, 0.01, WorkloadCandidates.Config.defaults());
        }

        public Config withVerifyTop(int newVerifyTop)
        {
            return new Config(cluster, newVerifyTop, minSaving, candidates);
        }
    }

    public SortKeyAdvisor(SortKeyRanker ranker, Config config)
    {
        this.ranker = requireNonNull(ranker, "ranker is null");
        this.config = requireNonNull(config, "config is null");
    }

    public Config config()
    {
        return config;
    }

    public String rankerName()
    {
        return ranker.name();
    }

    /**
     * Advice for one table.
     *
     * @param workload the table's part of the workload
     * @param data the table's rows (or a systematic sample of them), in load order
     * @param current the table's design now
     * @param whatIf the simulated cost of the table's statements under a design of the table
     */
    public SortKeyAdvice advise(TableWorkload workload, TableData data, TableDesign current, TableWhatIf whatIf)
    {
        requireNonNull(current, "current is null");
        requireNonNull(whatIf, "whatIf is null");
        TableProfile profile = TableProfile.of(workload, data, config.cluster().slices());
        SortKey currentKey = SortKey.of(current);
        List<SortKeyCandidate> candidates = WorkloadCandidates.generate(profile, currentKey, config.candidates());
        Ranked ranked = rank(profile, candidates);

        // a current key naming columns the data does not have cannot be laid out: compare with no sort key instead
        boolean currentValid = currentKey.columns().stream().allMatch(profile::hasColumn);
        SortKey baseline = currentValid ? currentKey : SortKey.none();
        double[] seconds = new double[candidates.size()];
        boolean[] verified = new boolean[candidates.size()];
        int verifiedOthers = 0;
        for (int index : ranked.order()) {
            SortKeyCandidate candidate = candidates.get(index);
            boolean isBaseline = candidate.source() == Source.NONE || candidate.key().equals(baseline);
            if (isBaseline || verifiedOthers < config.verifyTop()) {
                seconds[index] = whatIf.evaluate(candidate.key().applyTo(current)).seconds();
                verified[index] = true;
                verifiedOthers += isBaseline ? 0 : 1;
            }
        }
        int noneIndex = indexOf(candidates, SortKey.none());
        int currentIndex = indexOf(candidates, baseline);
        int best = currentIndex;
        for (int index : ranked.order()) {
            if (verified[index] && seconds[index] < seconds[best]) {
                best = index;
            }
        }
        double currentSeconds = seconds[currentIndex];
        boolean change = best != currentIndex && seconds[best] < currentSeconds * (1 - config.minSaving());
        int recommended = change ? best : currentIndex;
        String reason = reason(profile, candidates, seconds, verified, currentKey, currentValid, currentIndex, best, change);

        double noneSeconds = seconds[noneIndex];
        List<Candidate> results = new ArrayList<>(candidates.size());
        for (int index : ranked.order()) {
            SortKeyCandidate candidate = candidates.get(index);
            results.add(new Candidate(candidate.key(), candidate.source(), candidate.weight(), ranked.estimatedSkip()[index], ranked.predicted()[index], verified[index],
                    verified[index] ? Optional.of(seconds[index]) : Optional.empty(),
                    verified[index] ? Optional.of(noneSeconds == 0 ? 0 : 1 - seconds[index] / noneSeconds) : Optional.empty(),
                    index == currentIndex && currentValid, index == recommended, candidate.evidence()));
        }
        return new SortKeyAdvice(workload.table(), profile.rows(), currentKey, candidates.get(recommended).key(), !candidates.get(recommended).key().equals(currentKey),
                reason, ranker.name(), workload.statements().size(), workload.runs(), currentSeconds, seconds[recommended], noneSeconds, results);
    }

    /**
     * The candidates' predictions and their order: predicted benefit, best first; ties by weight,
     * then by the key's name, so the order never depends on anything but the inputs.
     */
    public record Ranked(double[] predicted, double[] estimatedSkip, List<Integer> order) {}

    public Ranked rank(TableProfile profile, List<SortKeyCandidate> candidates)
    {
        double[] predicted = ranker.predict(profile, candidates);
        if (predicted.length != candidates.size()) {
            throw new IllegalStateException("ranker %s predicted %d values for %d candidates".formatted(ranker.name(), predicted.length, candidates.size()));
        }
        double[] skips = new double[candidates.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            skips[i] = profile.skippedShare(candidates.get(i).key());
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -predicted[i])
                .thenComparingDouble(i -> -candidates.get(i).weight())
                .thenComparing(i -> candidates.get(i).key().toString()));
        return new Ranked(predicted, skips, List.copyOf(order));
    }

    private String reason(TableProfile profile, List<SortKeyCandidate> candidates, double[] seconds, boolean[] verified, SortKey currentKey, boolean currentValid,
            int currentIndex, int best, boolean change)
    {
        String prefix = currentValid ? "" : "the current key %s names columns the data does not have, so it is compared as no sort key; ".formatted(currentKey);
        int count = 0;
        for (boolean each : verified) {
            count += each ? 1 : 0;
        }
        double current = seconds[currentIndex];
        if (change) {
            SortKeyCandidate chosen = candidates.get(best);
            return prefix + "%s: %s; simulated %s s instead of %s s now (%s less), best of %d keys simulated".formatted(
                    chosen.key(), serves(chosen), seconds(seconds[best]), seconds(current), percent(1 - seconds[best] / current), count);
        }
        long reading = profile.workload().statements().stream().filter(TableWorkload.Statement::reads).count();
        if (reading == 0) {
            return prefix + "no analysed statement reads the table: nothing to sort for, the current key stays";
        }
        if (candidates.stream().noneMatch(candidate -> candidate.weight() > 0)) {
            return prefix + "no statement filters the table with constants its zone maps could use: the current key stays";
        }
        if (best == currentIndex) {
            return prefix + "the current key %s simulates fastest of the %d keys simulated (%s s)".formatted(currentKey, count, seconds(current));
        }
        return prefix + "no key saves at least %s of the %s s the table's statements take now: the best simulated, %s, takes %s s".formatted(
                percent(config.minSaving()), seconds(current), candidates.get(best).key(), seconds(seconds[best]));
    }

    // which statements the key serves, in words
    private static String serves(SortKeyCandidate candidate)
    {
        if (candidate.evidence().isEmpty()) {
            return "no statement filters its columns, but the order it gives lets zone maps skip more blocks of the columns they do filter";
        }
        long runs = 0;
        Set<String> uses = new LinkedHashSet<>();
        for (Evidence evidence : candidate.evidence()) {
            runs += evidence.runs();
            uses.add(evidence.use());
        }
        List<String> shown = new ArrayList<>(uses);
        String what = String.join("; ", shown.subList(0, Math.min(3, shown.size()))) + (shown.size() > 3 ? "; ..." : "");
        return "zone maps skip blocks for %d statement(s)%s, %,d runs (%s)".formatted(candidate.evidence().size(),
                candidate.evidence().size() >= 10 ? " or more" : "", runs, what);
    }

    private static int indexOf(List<SortKeyCandidate> candidates, SortKey key)
    {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalStateException("baseline %s is not among the candidates".formatted(key));
    }

    private static String seconds(double value)
    {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String percent(double value)
    {
        return String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }
}
