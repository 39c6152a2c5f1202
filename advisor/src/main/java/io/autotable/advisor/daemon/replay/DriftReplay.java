package io.autotable.advisor.daemon.replay;

import io.autotable.advisor.Recommendation.Kind;
import io.autotable.advisor.daemon.AppliedChange;
import io.autotable.advisor.daemon.Daemon;
import io.autotable.advisor.daemon.DaemonConfig;
import io.autotable.advisor.daemon.Decision;
import io.autotable.advisor.daemon.LoadProbe;
import io.autotable.advisor.daemon.RunOutcome;
import io.autotable.advisor.daemon.TableSettings;
import io.autotable.advisor.daemon.WindowAdvisor;
import io.autotable.advisor.daemon.memory.InMemoryDaemonStore;
import io.autotable.advisor.daemon.simulated.SimulatedChangeApplier;
import io.autotable.design.PhysicalDesign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Replays a captured workload through the daemon in simulated time, to show how it adapts. The
 * simulated clock steps by the configured interval from the log's start; for each period it
 * measures the simulated seconds of the period's workload under the design in force (the daemon's)
 * and under the start design left alone, then runs the daemon at the period's end, with a
 * simulated applier, so a change it applies is in force from the next period on.
 *
 * <p>The result checks the two properties the daemon promises: every change was applied inside the
 * maintenance window (when one is set), and no table's distribution, sort key or encodings went back
 * to a setting it had left earlier in the replay (a flap; a stricter check than the daemon's
 * {@link DaemonConfig#flapGuard()}, which only looks that far back).
 *
 * <p>Cost: one {@link WindowAdvisor#advise} and two {@link WindowAdvisor#simulatedSeconds} per period.
 */
public final class DriftReplay
{
    private final WindowAdvisor advisor;
    private final DaemonConfig config;
    private final LoadProbe load;

    public DriftReplay(WindowAdvisor advisor, DaemonConfig config, LoadProbe load)
    {
        this.advisor = requireNonNull(advisor, "advisor is null");
        this.config = requireNonNull(config, "config is null");
        this.load = requireNonNull(load, "load is null");
    }

    /**
     * One period of the replay.
     *
     * @param secondsWithDaemon the period's workload under the design in force during it
     * @param secondsWithout the period's workload under the start design
     * @param run the outcome of the daemon's run at the period's end: its decisions and the changes applied
     */
    public record Period(Instant start, Instant end, double secondsWithDaemon, double secondsWithout, RunOutcome run)
    {
        public Period
        {
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
            requireNonNull(run, "run is null");
        }

        public List<AppliedChange> applied()
        {
            return run.applied();
        }

        public List<Decision> decisions()
        {
            return run.decisions();
        }
    }

    /**
     * A table's setting that came back after the table had left it.
     *
     * @param left when the table left the setting
     * @param returned when a change set it back
     */
    public record Flap(String table, Kind kind, String setting, Instant left, Instant returned)
    {
        public Flap
        {
            requireNonNull(table, "table is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(setting, "setting is null");
            requireNonNull(left, "left is null");
            requireNonNull(returned, "returned is null");
        }
    }

    /**
     * @param timeline the periods in time order
     * @param applied every change applied, in time order
     * @param outsideWindow the changes applied outside the maintenance window (none, if the daemon keeps its promise)
     * @param flaps the settings that came back (none, if the daemon keeps its promise)
     * @param finalDesign the design in force at the end
     */
    public record Result(List<Period> timeline, List<AppliedChange> applied, List<AppliedChange> outsideWindow, List<Flap> flaps, PhysicalDesign finalDesign)
    {
        public Result
        {
            timeline = List.copyOf(requireNonNull(timeline, "timeline is null"));
            applied = List.copyOf(requireNonNull(applied, "applied is null"));
            outsideWindow = List.copyOf(requireNonNull(outsideWindow, "outsideWindow is null"));
            flaps = List.copyOf(requireNonNull(flaps, "flaps is null"));
            requireNonNull(finalDesign, "finalDesign is null");
        }

        public double secondsWithDaemon()
        {
            return timeline.stream().mapToDouble(Period::secondsWithDaemon).sum();
        }

        public double secondsWithout()
        {
            return timeline.stream().mapToDouble(Period::secondsWithout).sum();
        }

        public boolean respectsWindow()
        {
            return outsideWindow.isEmpty();
        }

        public boolean flapFree()
        {
            return flaps.isEmpty();
        }
    }

    /**
     * Replays the workload of {@code [start, end)} from the start design. With
     * {@link DaemonConfig#autoApply()} off nothing changes: the replay shows what report-only does.
     */
    public Result replay(Instant start, Instant end, PhysicalDesign startDesign)
    {
        return replay(start, end, startDesign, period -> {});
    }

    /** {@link #replay(Instant, Instant, PhysicalDesign)}, telling {@code progress} each period as it ends. */
    public Result replay(Instant start, Instant end, PhysicalDesign startDesign, Consumer<Period> progress)
    {
        requireNonNull(progress, "progress is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        requireNonNull(startDesign, "startDesign is null");
        SimulatedChangeApplier applier = new SimulatedChangeApplier(startDesign);
        Daemon daemon = new Daemon(config, advisor, applier, new InMemoryDaemonStore(), load);
        List<Period> timeline = new ArrayList<>();
        for (Instant periodStart = start; periodStart.isBefore(end); periodStart = periodStart.plus(config.interval())) {
            Instant periodEnd = min(periodStart.plus(config.interval()), end);
            double withDaemon = advisor.simulatedSeconds(periodStart, periodEnd, applier.current());
            double without = advisor.simulatedSeconds(periodStart, periodEnd, startDesign);
            Period period = new Period(periodStart, periodEnd, withDaemon, without, daemon.runOnce(periodEnd));
            timeline.add(period);
            progress.accept(period);
        }
        List<AppliedChange> applied = applier.applied();
        return new Result(timeline, applied, outsideWindow(applied, config), flaps(applied), applier.current());
    }

    /** The changes applied outside the configuration's maintenance window: none when it has none. */
    public static List<AppliedChange> outsideWindow(List<AppliedChange> applied, DaemonConfig config)
    {
        requireNonNull(applied, "applied is null");
        requireNonNull(config, "config is null");
        return config.window()
                .map(window -> applied.stream().filter(change -> !window.contains(change.time(), config.zone())).toList())
                .orElse(List.of());
    }

    /** Each time a table's setting of a kind went back to a value it had left earlier in the changes. */
    public static List<Flap> flaps(List<AppliedChange> applied)
    {
        requireNonNull(applied, "applied is null");
        List<AppliedChange> ordered = applied.stream().sorted(Comparator.comparing(AppliedChange::time)).toList();
        List<Flap> flaps = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            // per table, when it left each setting
            Map<String, Map<String, Instant>> left = new HashMap<>();
            for (AppliedChange change : ordered) {
                String before = TableSettings.setting(change.from(), kind);
                String after = TableSettings.setting(change.to(), kind);
                if (before.equals(after)) {
                    continue;
                }
                Map<String, Instant> tableLeft = left.computeIfAbsent(change.table(), ignored -> new HashMap<>());
                Instant leftAt = tableLeft.get(after);
                if (leftAt != null) {
                    flaps.add(new Flap(change.table(), kind, after, leftAt, change.time()));
                }
                tableLeft.put(before, change.time());
            }
        }
        flaps.sort(Comparator.comparing(Flap::returned));
        return flaps;
    }

    private static Instant min(Instant left, Instant right)
    {
        return left.isBefore(right) ? left : right;
    }
}
