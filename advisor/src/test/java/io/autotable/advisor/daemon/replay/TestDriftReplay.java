package io.autotable.advisor.daemon.replay;

import io.autotable.advisor.Recommendation.Kind;
import io.autotable.advisor.daemon.AppliedChange;
import io.autotable.advisor.daemon.DaemonConfig;
import io.autotable.advisor.daemon.Decision;
import io.autotable.advisor.daemon.LoadProbe;
import io.autotable.advisor.daemon.MaintenanceWindow;
import io.autotable.advisor.daemon.TestingWindowAdvisor;
import io.autotable.advisor.daemon.TestingWindowAdvisor.Proposal;
import io.autotable.advisor.daemon.replay.DriftReplay.Flap;
import io.autotable.advisor.daemon.replay.DriftReplay.Period;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.autotable.advisor.daemon.TestingWindowAdvisor.sortKey;
import static org.assertj.core.api.Assertions.assertThat;

class TestDriftReplay
{
    private static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(6));
    private static final Instant DRIFT = START.plus(Duration.ofDays(3));
    // a one-hour burst inside the maintenance window, of queries that want another sort key
    private static final Instant BURST = START.plus(Duration.ofDays(1)).plus(Duration.ofHours(2));
    private static final Duration HOUR = Duration.ofHours(1);
    private static final DaemonConfig CONFIG = DaemonConfig.defaults()
            .withAutoApply(true)
            .withWindow(Optional.of(MaintenanceWindow.parse("01:00-05:00")))
            .withLookback(Duration.ofDays(1));

    /**
     * The workload: each hour costs 2 s when fact is sorted on the column it filters, 6 s otherwise;
     * it filters on a until day 3, on b after. The burst hour costs 30 s unless fact is sorted on c.
     */
    private static double hourlySeconds(Instant hour, PhysicalDesign design)
    {
        if (hour.isBefore(START) || !hour.isBefore(END)) {
            return 0;
        }
        List<String> sortkey = design.table("fact").sortkey();
        if (hour.equals(BURST)) {
            return sortkey.equals(List.of("c")) ? 1 : 30;
        }
        String filtered = hour.isBefore(DRIFT) ? "a" : "b";
        return sortkey.equals(List.of(filtered)) ? 2 : 6;
    }

    /** An advisor that recommends the sort key the window's workload runs fastest with; and, once, the burst's. */
    private static final TestingWindowAdvisor ADVISOR = new TestingWindowAdvisor(TestDriftReplay::propose, TestDriftReplay::hourlySeconds);

    private static List<Proposal> propose(Instant from, Instant to, PhysicalDesign current)
    {
        if (to.equals(BURST.plus(HOUR))) {
            return List.of(sortKey("fact", "c", 20));
        }
        double baseline = ADVISOR.simulatedSeconds(from, to, current);
        Optional<Proposal> best = Optional.empty();
        double bestSeconds = baseline;
        for (String column : List.of("a", "b")) {
            double seconds = ADVISOR.simulatedSeconds(from, to, current.with("fact", current.table("fact").withSortKey(SortStyle.COMPOUND, List.of(column))));
            double percent = (baseline - seconds) / baseline * 100;
            if (seconds < bestSeconds && percent >= 0.5) {
                best = Optional.of(sortKey("fact", column, percent));
                bestSeconds = seconds;
            }
        }
        return best.stream().toList();
    }

    @Test
    void adaptsToTheDriftInsideTheWindowWithoutFlapping()
    {
        DriftReplay.Result result = new DriftReplay(ADVISOR, CONFIG, LoadProbe.alwaysLow()).replay(START, END, PhysicalDesign.empty());

        assertThat(result.timeline()).hasSize(6 * 24);
        assertThat(result.respectsWindow()).isTrue();
        assertThat(result.flapFree()).isTrue();
        // a after three runs inside the first night's window; b once it has led the window for three runs, at the next night's window
        assertThat(result.applied()).extracting(AppliedChange::time)
                .containsExactly(START.plus(Duration.ofHours(3)), DRIFT.plus(Duration.ofHours(25)));
        assertThat(result.applied()).extracting(change -> change.to().sortkey()).containsExactly(List.of("a"), List.of("b"));
        // the burst was recommended once and waited
        Period afterBurst = period(result, BURST.plus(HOUR));
        assertThat(afterBurst.decisions()).extracting(Decision::reason).containsExactly("waiting 1/3 runs");
        // the cost over time: high after the drift until the daemon adapts, low after
        assertThat(meanWithDaemon(result, DRIFT, DRIFT.plus(Duration.ofDays(1)))).isEqualTo(6);
        assertThat(meanWithDaemon(result, DRIFT.plus(Duration.ofHours(26)), END)).isEqualTo(2);
        assertThat(meanWithout(result, DRIFT.plus(Duration.ofHours(26)), END)).isEqualTo(6);
        assertThat(result.secondsWithDaemon()).isLessThan(result.secondsWithout());
        assertThat(result.finalDesign().table("fact").sortkey()).containsExactly("b");
    }

    @Test
    void reportOnlyReplayChangesNothing()
    {
        DriftReplay.Result result = new DriftReplay(ADVISOR, CONFIG.withAutoApply(false), LoadProbe.alwaysLow()).replay(START, END, PhysicalDesign.empty());

        assertThat(result.applied()).isEmpty();
        assertThat(result.secondsWithDaemon()).isEqualTo(result.secondsWithout());
    }

    @Test
    void findsASettingThatCameBackAsAFlap()
    {
        TableDesign none = TableDesign.initial();
        TableDesign onA = none.withSortKey(SortStyle.COMPOUND, List.of("a"));
        TableDesign onB = none.withSortKey(SortStyle.COMPOUND, List.of("b"));
        List<AppliedChange> changes = new ArrayList<>();
        changes.add(change(START, none, onA));
        changes.add(change(START.plus(HOUR), onA, onB));
        changes.add(change(START.plus(HOUR.multipliedBy(2)), onB, onA));

        assertThat(DriftReplay.flaps(changes)).containsExactly(
                new Flap("fact", Kind.SORTKEY, "COMPOUND(a)", START.plus(HOUR), START.plus(HOUR.multipliedBy(2))));
        assertThat(DriftReplay.flaps(changes.subList(0, 2))).isEmpty();
    }

    @Test
    void findsChangesOutsideTheWindow()
    {
        AppliedChange inside = change(START.plus(Duration.ofHours(2)), TableDesign.initial(), TableDesign.initial().withSortKey(SortStyle.COMPOUND, List.of("a")));
        AppliedChange outside = change(START.plus(Duration.ofHours(12)), TableDesign.initial(), TableDesign.initial().withSortKey(SortStyle.COMPOUND, List.of("a")));

        assertThat(DriftReplay.outsideWindow(List.of(inside, outside), CONFIG)).containsExactly(outside);
        assertThat(DriftReplay.outsideWindow(List.of(inside, outside), CONFIG.withWindow(Optional.empty()))).isEmpty();
    }

    private static AppliedChange change(Instant time, TableDesign from, TableDesign to)
    {
        return new AppliedChange("D1", time, "fact", from, to, List.of());
    }

    private static Period period(DriftReplay.Result result, Instant end)
    {
        return result.timeline().stream().filter(period -> period.end().equals(end)).findFirst().orElseThrow();
    }

    private static double meanWithDaemon(DriftReplay.Result result, Instant from, Instant to)
    {
        return result.timeline().stream().filter(period -> !period.start().isBefore(from) && period.start().isBefore(to))
                .mapToDouble(Period::secondsWithDaemon).average().orElseThrow();
    }

    private static double meanWithout(DriftReplay.Result result, Instant from, Instant to)
    {
        return result.timeline().stream().filter(period -> !period.start().isBefore(from) && period.start().isBefore(to))
                .mapToDouble(Period::secondsWithout).average().orElseThrow();
    }
}
