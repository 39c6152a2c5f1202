package io.autotable.advisor.daemon;

import io.autotable.advisor.Advice;
import io.autotable.advisor.Recommendation;
import io.autotable.advisor.daemon.ChangeApplier.TableChange;
import io.autotable.advisor.daemon.DaemonStore.Exclusion;
import io.autotable.advisor.daemon.DaemonStore.RecordedRun;
import io.autotable.advisor.daemon.Decision.Verdict;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The auto-apply daemon's decision core: each run advises on the sliding window of recent
 * workload, records the run, decides about each recommendation, and (when auto-apply is on, inside
 * the maintenance window, with foreground load low) applies the qualifying changes one table at a
 * time.
 *
 * <p>A recommendation qualifies when, checked in this order, its table and kind are not excluded;
 * it (summed with the rest of its group) saves at least {@link DaemonConfig#minBenefitPercent()}; the
 * same change (same table, kind and target setting) did so on each of the last
 * {@link DaemonConfig#consecutiveRuns()} runs, this one included; its table was not changed within
 * the {@link DaemonConfig#cooldown()}; and it does not set the table's setting back to one the table
 * left within the {@link DaemonConfig#flapGuard()}. A group is all or nothing: if one of its changes
 * does not qualify, none is applied.
 *
 * <p>Qualifying changes are applied per table, each table's changes composed onto its current
 * design setting by setting; tables tied by a group are applied together or not at all, within the
 * {@link DaemonConfig#maxChangesPerDay()} counted over the 24 hours before the run, one table
 * counting one change. A failed change stops the run's applying. The design the advisor did not
 * simulate exactly (a table's sort key applied while its distribution change still waits) is
 * simulated by the next run, which starts from the design applied.
 *
 * <p>Not thread-safe: one daemon runs in one thread; {@link StopSignal} is how other threads reach it.
 */
public final class Daemon
{
    private static final Duration DAY = Duration.ofHours(24);

    private final DaemonConfig config;
    private final WindowAdvisor advisor;
    private final ChangeApplier applier;
    private final DaemonStore store;
    private final LoadProbe load;

    /** Waits between runs; the real one waits on the stop signal, a test's moves a fake clock. */
    @FunctionalInterface
    public interface Sleeper
    {
        /** Waits for the duration, or less when the daemon is told to stop. */
        void sleep(Duration duration, StopSignal stop)
                throws InterruptedException;

        static Sleeper untilStopped()
        {
            return (duration, stop) -> stop.await(duration);
        }
    }

    public Daemon(DaemonConfig config, WindowAdvisor advisor, ChangeApplier applier, DaemonStore store, LoadProbe load)
    {
        this.config = requireNonNull(config, "config is null");
        this.advisor = requireNonNull(advisor, "advisor is null");
        this.applier = requireNonNull(applier, "applier is null");
        this.store = requireNonNull(store, "store is null");
        this.load = requireNonNull(load, "load is null");
    }

    public DaemonConfig config()
    {
        return config;
    }

    /**
     * Runs every {@link DaemonConfig#interval()} (the next run starts an interval after the last
     * started, at once when a run took longer) until the stop signal comes or the thread is
     * interrupted; a run in progress finishes the table it is applying, then stops.
     *
     * @param listener hears each run's outcome, on this thread
     * @return how many runs ran
     */
    public int run(Clock clock, Sleeper sleeper, StopSignal stop, Consumer<RunOutcome> listener)
    {
        requireNonNull(clock, "clock is null");
        requireNonNull(sleeper, "sleeper is null");
        requireNonNull(stop, "stop is null");
        requireNonNull(listener, "listener is null");
        int runs = 0;
        while (!stop.isStopped()) {
            Instant started = clock.instant();
            listener.accept(runOnce(started, stop));
            runs++;
            Duration wait = Duration.between(clock.instant(), started.plus(config.interval()));
            if (stop.isStopped() || wait.isNegative() || wait.isZero()) {
                continue;
            }
            try {
                sleeper.sleep(wait, stop);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return runs;
    }

    /** One run at {@code now}, on the workload of {@code [now - lookback, now)}. */
    public RunOutcome runOnce(Instant now)
    {
        return runOnce(now, new StopSignal());
    }

    private RunOutcome runOnce(Instant now, StopSignal stop)
    {
        requireNonNull(now, "now is null");
        Instant from = now.minus(config.lookback());
        PhysicalDesign current = applier.current();
        Advice advice = advisor.advise(from, now, current);
        List<Recommendation> recommendations = advice.recommendations();
        RecordedRun run = store.startRun(now, from, advice);
        List<RecordedRun> history = store.recentRuns(config.consecutiveRuns());
        Set<Exclusion> exclusions = store.exclusions();
        List<AppliedChange> recent = store.appliedSince(now.minus(max(max(config.cooldown(), config.flapGuard()), DAY)));

        Map<String, Double> groupBenefit = groupBenefits(run.recommended());
        Map<String, Decision> decisions = new HashMap<>();
        List<Recommendation> qualifying = new ArrayList<>();
        for (Recommendation recommendation : recommendations) {
            Optional<Decision> held = check(recommendation, now, current, history, exclusions, recent, groupBenefit);
            if (held.isPresent()) {
                decisions.put(recommendation.id(), held.get());
            }
            else {
                qualifying.add(recommendation);
            }
        }
        holdIncompleteGroups(qualifying, decisions);

        List<AppliedChange> applied = new ArrayList<>();
        List<List<Recommendation>> batches = batches(qualifying);
        Optional<String> gate = gate(now);
        if (gate.isPresent()) {
            Verdict verdict = config.autoApply() ? Verdict.OUTSIDE_WINDOW : Verdict.REPORT_ONLY;
            batches.forEach(batch -> decide(batch, verdict, gate.get(), decisions));
        }
        else {
            apply(run.id(), now, batches, current, recent, stop, decisions, applied);
        }

        List<Decision> ordered = recommendations.stream().map(recommendation -> decisions.get(recommendation.id())).toList();
        store.finishRun(run.id(), ordered);
        return new RunOutcome(run.id(), now, from, advice, ordered, applied);
    }

    private Optional<Decision> check(Recommendation recommendation, Instant now, PhysicalDesign current, List<RecordedRun> history,
            Set<Exclusion> exclusions, List<AppliedChange> recent, Map<String, Double> groupBenefit)
    {
        Recommended recommended = Recommended.of(recommendation);
        String table = recommendation.table();
        for (Exclusion exclusion : exclusions) {
            if (exclusion.covers(table, recommendation.kind())) {
                return held(recommended, Verdict.EXCLUDED, exclusion.kind().map(kind -> "excluded: %s changes of %s".formatted(kind.label(), exclusion.table()))
                        .orElse("excluded: table " + exclusion.table()));
            }
        }
        double benefit = groupBenefit.get(recommendation.group());
        if (benefit < config.minBenefitPercent()) {
            return held(recommended, Verdict.BELOW_MARGIN, "saves %.2f%%%s, margin %.2f%%".formatted(benefit,
                    benefit == recommendation.benefitPercent() ? "" : " with group " + recommendation.group(), config.minBenefitPercent()));
        }
        int support = supportingRuns(recommended.key(), history);
        if (support < config.consecutiveRuns()) {
            return held(recommended, Verdict.WAITING, "waiting %d/%d runs".formatted(support, config.consecutiveRuns()));
        }
        for (AppliedChange change : recent) {
            if (change.table().equals(table) && change.time().isAfter(now.minus(config.cooldown()))) {
                return held(recommended, Verdict.COOLDOWN, "cooldown: %s changed at %s by run %s, no change before %s".formatted(
                        table, change.time(), change.runId(), change.time().plus(config.cooldown())));
            }
        }
        String target = TableSettings.setting(TableSettings.withSetting(current.table(table), recommendation.kind(), recommendation.after()), recommendation.kind());
        for (AppliedChange change : recent) {
            String left = TableSettings.setting(change.from(), recommendation.kind());
            if (change.table().equals(table) && change.time().isAfter(now.minus(config.flapGuard()))
                    && left.equals(target) && !left.equals(TableSettings.setting(change.to(), recommendation.kind()))) {
                return held(recommended, Verdict.FLAP, "flap: %s left %s %s at %s (run %s), less than %s ago".formatted(
                        table, recommendation.kind().label(), target, change.time(), change.runId(), config.flapGuard()));
            }
        }
        return Optional.empty();
    }

    /** How many of the runs, newest first, recommended the same change beating the margin, before one did not. */
    private int supportingRuns(Recommended.Key key, List<RecordedRun> history)
    {
        int support = 0;
        for (RecordedRun run : history) {
            Map<String, Double> benefits = groupBenefits(run.recommended());
            boolean found = false;
            for (Recommended recommended : run.recommended()) {
                if (recommended.key().equals(key) && benefits.get(recommended.group()) >= config.minBenefitPercent()) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                break;
            }
            support++;
        }
        return support;
    }

    private static void holdIncompleteGroups(List<Recommendation> qualifying, Map<String, Decision> decisions)
    {
        Map<String, Decision> heldGroups = new LinkedHashMap<>();
        for (Decision decision : decisions.values()) {
            heldGroups.putIfAbsent(decision.recommendation().group(), decision);
        }
        qualifying.removeIf(recommendation -> {
            Decision blocker = heldGroups.get(recommendation.group());
            if (blocker == null) {
                return false;
            }
            decisions.put(recommendation.id(), new Decision(Recommended.of(recommendation), Verdict.GROUP_HELD, "held with group %s: %s of %s is %s".formatted(
                    recommendation.group(), blocker.recommendation().id(), blocker.recommendation().table(), blocker.reason())));
            return true;
        });
    }

    /**
     * The qualifying changes in the batches that are applied all or nothing: a table's changes
     * together, and tables tied by a group together. In the order of their first recommendation.
     */
    private static List<List<Recommendation>> batches(List<Recommendation> qualifying)
    {
        // union-find over "table:" and "group:" nodes
        Map<String, String> parent = new HashMap<>();
        for (Recommendation recommendation : qualifying) {
            union(parent, "table:" + recommendation.table(), "group:" + recommendation.group());
        }
        Map<String, List<Recommendation>> batches = new LinkedHashMap<>();
        for (Recommendation recommendation : qualifying) {
            batches.computeIfAbsent(find(parent, "table:" + recommendation.table()), ignored -> new ArrayList<>()).add(recommendation);
        }
        return List.copyOf(batches.values());
    }

    /** Why the run applies nothing at all, if it does not. */
    private Optional<String> gate(Instant now)
    {
        if (!config.autoApply()) {
            return Optional.of("report-only: would apply (start the daemon with --auto-apply to apply)");
        }
        if (config.window().isPresent() && !config.window().get().contains(now, config.zone())) {
            return Optional.of("outside window %s (%s)".formatted(config.window().get(), config.zone()));
        }
        return Optional.empty();
    }

    private void apply(String runId, Instant now, List<List<Recommendation>> batches, PhysicalDesign current, List<AppliedChange> recent,
            StopSignal stop, Map<String, Decision> decisions, List<AppliedChange> applied)
    {
        int today = (int) recent.stream().filter(change -> change.time().isAfter(now.minus(DAY))).count();
        Optional<String> failure = Optional.empty();
        for (List<Recommendation> batch : batches) {
            if (failure.isPresent()) {
                decide(batch, Verdict.FAILED, "not tried: " + failure.get(), decisions);
                continue;
            }
            if (stop.isStopped()) {
                decide(batch, Verdict.STOPPED, "the daemon was told to stop", decisions);
                continue;
            }
            Map<String, List<Recommendation>> tables = new LinkedHashMap<>();
            batch.forEach(recommendation -> tables.computeIfAbsent(recommendation.table(), ignored -> new ArrayList<>()).add(recommendation));
            if (today + tables.size() > config.maxChangesPerDay()) {
                decide(batch, Verdict.DAILY_LIMIT, "daily limit: %d of %d changes in the last 24 hours, %d more needed".formatted(
                        today, config.maxChangesPerDay(), tables.size()), decisions);
                continue;
            }
            LoadProbe.Reading reading = load.read();
            if (!reading.low()) {
                decide(batch, Verdict.LOAD_HIGH, "load high: " + reading.description(), decisions);
                continue;
            }
            for (Map.Entry<String, List<Recommendation>> entry : tables.entrySet()) {
                if (failure.isPresent()) {
                    decide(entry.getValue(), Verdict.FAILED, "not tried: " + failure.get(), decisions);
                    continue;
                }
                String table = entry.getKey();
                TableDesign from = current.table(table);
                TableDesign to = from;
                for (Recommendation recommendation : entry.getValue()) {
                    to = TableSettings.withSetting(to, recommendation.kind(), recommendation.after());
                }
                try {
                    AppliedChange change = applier.apply(new TableChange(runId, now, table, from, to, entry.getValue()));
                    store.recordApplied(change);
                    applied.add(change);
                    today++;
                    decide(entry.getValue(), Verdict.APPLIED, "applied to %s by run %s at %s".formatted(table, runId, change.time()), decisions);
                }
                catch (RuntimeException e) {
                    failure = Optional.of("the change to %s failed: %s".formatted(table, e.getMessage()));
                    decide(entry.getValue(), Verdict.FAILED, failure.get(), decisions);
                }
            }
        }
    }

    private static void decide(List<Recommendation> recommendations, Verdict verdict, String reason, Map<String, Decision> decisions)
    {
        for (Recommendation recommendation : recommendations) {
            decisions.put(recommendation.id(), new Decision(Recommended.of(recommendation), verdict, reason));
        }
    }

    private static Optional<Decision> held(Recommended recommended, Verdict verdict, String reason)
    {
        return Optional.of(new Decision(recommended, verdict, reason));
    }

    private static Map<String, Double> groupBenefits(List<Recommended> recommended)
    {
        Map<String, Double> benefits = new HashMap<>();
        for (Recommended recommendation : recommended) {
            benefits.merge(recommendation.group(), recommendation.benefitPercent(), Double::sum);
        }
        return benefits;
    }

    private static void union(Map<String, String> parent, String left, String right)
    {
        parent.put(find(parent, left), find(parent, right));
    }

    private static String find(Map<String, String> parent, String node)
    {
        String root = node;
        while (!parent.getOrDefault(root, root).equals(root)) {
            root = parent.get(root);
        }
        parent.putIfAbsent(node, root);
        return root;
    }

    private static Duration max(Duration left, Duration right)
    {
        return left.compareTo(right) >= 0 ? left : right;
    }
}
