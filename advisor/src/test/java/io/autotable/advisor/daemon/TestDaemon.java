package io.autotable.advisor.daemon;

import io.autotable.advisor.Recommendation.Kind;
import io.autotable.advisor.daemon.ChangeApplier.TableChange;
import io.autotable.advisor.daemon.DaemonStore.Exclusion;
import io.autotable.advisor.daemon.Decision.Verdict;
import io.autotable.advisor.daemon.TestingWindowAdvisor.Proposal;
import io.autotable.advisor.daemon.memory.InMemoryDaemonStore;
import io.autotable.advisor.daemon.simulated.SimulatedChangeApplier;
import io.autotable.design.DistStyle;
import io.autotable.design.Encoding;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.autotable.advisor.daemon.TestingWindowAdvisor.distKey;
import static io.autotable.advisor.daemon.TestingWindowAdvisor.encoding;
import static io.autotable.advisor.daemon.TestingWindowAdvisor.sortKey;
import static org.assertj.core.api.Assertions.assertThat;

class TestDaemon
{
    // 02:00 UTC: inside the window the tests set
    private static final Instant T0 = Instant.parse("2024-03-01T02:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final DaemonConfig AUTO = DaemonConfig.defaults().withAutoApply(true);

    private final InMemoryDaemonStore store = new InMemoryDaemonStore();
    private final SimulatedChangeApplier applier = new SimulatedChangeApplier(PhysicalDesign.empty());

    @Test
    void appliesAStableRecommendationAfterKConsecutiveRuns()
    {
        Daemon daemon = daemon(AUTO, TestingWindowAdvisor.constant(sortKey("fact", "a", 10)));

        assertThat(verdict(daemon.runOnce(T0))).isEqualTo("WAITING waiting 1/3 runs");
        assertThat(verdict(daemon.runOnce(T0.plus(HOUR)))).isEqualTo("WAITING waiting 2/3 runs");
        RunOutcome third = daemon.runOnce(T0.plus(HOUR.multipliedBy(2)));

        assertThat(third.decisions().get(0).verdict()).isEqualTo(Verdict.APPLIED);
        assertThat(third.applied()).hasSize(1);
        AppliedChange change = third.applied().get(0);
        assertThat(change.runId()).isEqualTo(third.runId());
        assertThat(change.time()).isEqualTo(T0.plus(HOUR.multipliedBy(2)));
        assertThat(change.table()).isEqualTo("fact");
        assertThat(change.from()).isEqualTo(TableDesign.initial());
        assertThat(change.to().sortkey()).containsExactly("a");
        assertThat(change.recommendations()).extracting(Recommended::to).containsExactly("COMPOUND(a)");
        assertThat(applier.current().table("fact").sortkey()).containsExactly("a");
        assertThat(store.appliedSince(T0)).containsExactly(change);
        assertThat(store.decisions(third.runId())).isEqualTo(third.decisions());
    }

    @Test
    void advisesOnTheLookbackBeforeTheRun()
    {
        TestingWindowAdvisor advisor = TestingWindowAdvisor.constant();
        RunOutcome outcome = daemon(AUTO.withLookback(Duration.ofDays(2)), advisor).runOnce(T0);

        assertThat(outcome.from()).isEqualTo(T0.minus(Duration.ofDays(2)));
        assertThat(advisor.advised()).containsExactly(T0);
        assertThat(store.recentRuns(1)).extracting(DaemonStore.RecordedRun::from).containsExactly(T0.minus(Duration.ofDays(2)));
    }

    @Test
    void doesNotApplyAOneRunBurst()
    {
        Instant burst = T0.plus(HOUR);
        Daemon daemon = daemon(AUTO, new TestingWindowAdvisor(
                (from, to, current) -> to.equals(burst) ? List.of(sortKey("fact", "burst", 40)) : List.of(sortKey("fact", "a", 10)),
                (hour, design) -> 0));

        List<RunOutcome> outcomes = runHourly(daemon, 6);

        assertThat(outcomes.get(1).decisions()).extracting(Decision::reason).containsExactly("waiting 1/3 runs");
        // the burst broke the stable recommendation's streak: it starts again after it
        assertThat(outcomes.get(3).decisions()).extracting(Decision::reason).containsExactly("waiting 2/3 runs");
        assertThat(applier.applied()).extracting(change -> change.to().sortkey()).containsExactly(List.of("a"));
    }

    @Test
    void alternatingRecommendationsNeverApply()
    {
        Daemon daemon = daemon(AUTO, new TestingWindowAdvisor(
                (from, to, current) -> List.of(sortKey("fact", to.getEpochSecond() / 3600 % 2 == 0 ? "a" : "b", 10)),
                (hour, design) -> 0));

        List<RunOutcome> outcomes = runHourly(daemon, 24);

        assertThat(applier.applied()).isEmpty();
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.decisions().get(0).reason()).isEqualTo("waiting 1/3 runs"));
    }

    @Test
    void refusesToSetBackASettingLeftWithinTheFlapGuard()
    {
        // no hysteresis and no cooldown: only the flap guard stands between the table and flapping
        DaemonConfig config = AUTO.withConsecutiveRuns(1).withCooldown(Duration.ZERO).withMaxChangesPerDay(100);
        Daemon daemon = daemon(config, new TestingWindowAdvisor(
                (from, to, current) -> List.of(sortKey("fact", to.getEpochSecond() / 3600 % 2 == 0 ? "a" : "b", 10)),
                (hour, design) -> 0));

        List<RunOutcome> outcomes = runHourly(daemon, 4);

        assertThat(applier.applied()).extracting(change -> change.to().sortkey()).containsExactly(List.of("a"), List.of("b"));
        assertThat(outcomes.get(2).decisions().get(0).verdict()).isEqualTo(Verdict.FLAP);
        assertThat(outcomes.get(2).decisions().get(0).reason()).startsWith("flap: fact left sortkey COMPOUND(a) at " + T0.plus(HOUR));
        // b is in place: nothing left to recommend
        assertThat(outcomes.get(3).decisions()).isEmpty();
    }

    @Test
    void cooldownBlocksASecondChangeToTheTable()
    {
        DaemonConfig config = AUTO.withConsecutiveRuns(1).withCooldown(Duration.ofHours(24));
        Daemon daemon = daemon(config, new TestingWindowAdvisor(
                (from, to, current) -> to.equals(T0) ? List.of(sortKey("fact", "a", 10)) : List.of(distKey("fact", "k", 10)),
                (hour, design) -> 0));

        daemon.runOnce(T0);
        RunOutcome blocked = daemon.runOnce(T0.plus(HOUR));
        RunOutcome after = daemon.runOnce(T0.plus(Duration.ofHours(24)).plusSeconds(1));

        assertThat(blocked.decisions().get(0).verdict()).isEqualTo(Verdict.COOLDOWN);
        assertThat(blocked.decisions().get(0).reason()).contains("no change before " + T0.plus(Duration.ofHours(24)));
        assertThat(after.decisions().get(0).verdict()).isEqualTo(Verdict.APPLIED);
    }

    @Test
    void reportOnlyRecordsButNeverApplies()
    {
        Daemon daemon = daemon(DaemonConfig.defaults(), TestingWindowAdvisor.constant(sortKey("fact", "a", 10)));

        List<RunOutcome> outcomes = runHourly(daemon, 5);

        assertThat(applier.applied()).isEmpty();
        assertThat(store.appliedSince(Instant.EPOCH)).isEmpty();
        assertThat(store.recentRuns(10)).hasSize(5);
        assertThat(outcomes.get(4).decisions()).extracting(Decision::verdict).containsExactly(Verdict.REPORT_ONLY);
        assertThat(store.decisions(outcomes.get(4).runId())).extracting(Decision::reason)
                .containsExactly("report-only: would apply (start the daemon with --auto-apply to apply)");
    }

    @Test
    void appliesOnlyInsideTheMaintenanceWindow()
    {
        // the window opens at 05:00; runs from 02:00 qualify at 04:00
        DaemonConfig config = AUTO.withWindow(Optional.of(MaintenanceWindow.parse("05:00-06:00")));
        Daemon daemon = daemon(config, TestingWindowAdvisor.constant(sortKey("fact", "a", 10)));

        List<RunOutcome> outcomes = runHourly(daemon, 5);

        assertThat(outcomes.get(2).decisions()).extracting(Decision::reason).containsExactly("outside window 05:00-06:00 (Z)");
        assertThat(outcomes.get(3).applied()).hasSize(1);
        assertThat(applier.applied()).extracting(AppliedChange::time).containsExactly(Instant.parse("2024-03-01T05:00:00Z"));
    }

    @Test
    void holdsBackWhileTheLoadIsHigh()
    {
        boolean[] low = {false};
        Daemon daemon = new Daemon(AUTO.withConsecutiveRuns(1), TestingWindowAdvisor.constant(sortKey("fact", "a", 10)), applier, store,
                () -> new LoadProbe.Reading(low[0], "7 queries running, threshold 2"));

        RunOutcome busy = daemon.runOnce(T0);
        low[0] = true;
        RunOutcome quiet = daemon.runOnce(T0.plus(HOUR));

        assertThat(busy.decisions()).extracting(Decision::reason).containsExactly("load high: 7 queries running, threshold 2");
        assertThat(busy.applied()).isEmpty();
        assertThat(quiet.applied()).hasSize(1);
    }

    @Test
    void respectsTheDailyLimitOverTheLast24Hours()
    {
        DaemonConfig config = AUTO.withConsecutiveRuns(1).withMaxChangesPerDay(2);
        Daemon daemon = daemon(config, TestingWindowAdvisor.constant(sortKey("t1", "a", 10), sortKey("t2", "a", 10), sortKey("t3", "a", 10)));

        RunOutcome first = daemon.runOnce(T0);
        RunOutcome sameDay = daemon.runOnce(T0.plus(Duration.ofHours(23)));
        RunOutcome nextDay = daemon.runOnce(T0.plus(Duration.ofHours(24)));

        assertThat(first.decisions()).extracting(Decision::verdict).containsExactly(Verdict.APPLIED, Verdict.APPLIED, Verdict.DAILY_LIMIT);
        assertThat(first.decisions().get(2).reason()).isEqualTo("daily limit: 2 of 2 changes in the last 24 hours, 1 more needed");
        assertThat(sameDay.decisions()).extracting(Decision::verdict).containsExactly(Verdict.DAILY_LIMIT);
        assertThat(nextDay.decisions()).extracting(Decision::verdict).containsExactly(Verdict.APPLIED);
        assertThat(applier.applied()).extracting(AppliedChange::table).containsExactly("t1", "t2", "t3");
    }

    @Test
    void skipsExcludedTablesAndKinds()
    {
        store.exclude(Exclusion.table("dim"));
        store.exclude(Exclusion.kind("fact", Kind.SORTKEY));
        Daemon daemon = daemon(AUTO.withConsecutiveRuns(1), TestingWindowAdvisor.constant(
                sortKey("dim", "d", 10), sortKey("fact", "a", 10), encoding("fact", "a", Encoding.AZ64, 5)));

        RunOutcome outcome = daemon.runOnce(T0);

        assertThat(outcome.decisions()).extracting(Decision::reason)
                .containsExactly("excluded: table dim", "excluded: sortkey changes of fact", "applied to fact by run D1 at " + T0);
        assertThat(applier.current().table("fact").sortkey()).isEmpty();
        assertThat(applier.current().table("fact").encoding("a")).isEqualTo(Encoding.AZ64);
    }

    @Test
    void composesATablesChangesIntoOneSettingBySetting()
    {
        Daemon daemon = daemon(AUTO.withConsecutiveRuns(1), TestingWindowAdvisor.constant(
                distKey("fact", "k", 10), sortKey("fact", "a", 10), encoding("fact", "a", Encoding.AZ64, 5)));

        RunOutcome outcome = daemon.runOnce(T0);

        assertThat(outcome.applied()).hasSize(1);
        AppliedChange change = outcome.applied().get(0);
        assertThat(change.to()).isEqualTo(new TableDesign(DistStyle.KEY, Optional.of("k"), SortStyle.COMPOUND, List.of("a"), Map.of("a", Encoding.AZ64)));
        assertThat(change.recommendations()).extracting(Recommended::kind).containsExactly(Kind.DISTRIBUTION, Kind.SORTKEY, Kind.ENCODING);
    }

    @Test
    void appliesAGroupAllOrNothing()
    {
        store.exclude(Exclusion.table("dim"));
        Daemon daemon = daemon(AUTO.withConsecutiveRuns(1), TestingWindowAdvisor.constant(
                distKey("fact", "k", 10).inGroup("G1"), distKey("dim", "k", 10).inGroup("G1"), sortKey("other", "a", 10)));

        RunOutcome outcome = daemon.runOnce(T0);

        assertThat(outcome.decisions()).extracting(Decision::verdict).containsExactly(Verdict.GROUP_HELD, Verdict.EXCLUDED, Verdict.APPLIED);
        assertThat(outcome.decisions().get(0).reason()).isEqualTo("held with group G1: R2 of dim is excluded: table dim");
        assertThat(applier.applied()).extracting(AppliedChange::table).containsExactly("other");
    }

    @Test
    void needsRoomForTheWholeGroupUnderTheDailyLimit()
    {
        Daemon daemon = daemon(AUTO.withConsecutiveRuns(1).withMaxChangesPerDay(2), TestingWindowAdvisor.constant(
                sortKey("other", "a", 10), distKey("fact", "k", 10).inGroup("G1"), distKey("dim", "k", 10).inGroup("G1")));

        RunOutcome outcome = daemon.runOnce(T0);

        assertThat(outcome.decisions()).extracting(Decision::verdict).containsExactly(Verdict.APPLIED, Verdict.DAILY_LIMIT, Verdict.DAILY_LIMIT);
        assertThat(outcome.decisions().get(1).reason()).isEqualTo("daily limit: 1 of 2 changes in the last 24 hours, 2 more needed");
    }

    @Test
    void groupBeatsTheMarginTogether()
    {
        Daemon daemon = daemon(AUTO.withConsecutiveRuns(1), TestingWindowAdvisor.constant(
                distKey("fact", "k", 0.6).inGroup("G1"), distKey("dim", "k", 0.6).inGroup("G1"), sortKey("other", "a", 0.9)));

        RunOutcome outcome = daemon.runOnce(T0);

        assertThat(outcome.decisions()).extracting(Decision::verdict).containsExactly(Verdict.APPLIED, Verdict.APPLIED, Verdict.BELOW_MARGIN);
        assertThat(outcome.decisions().get(2).reason()).isEqualTo("saves 0.90%, margin 1.00%");
    }

    @Test
    void runsBelowTheMarginDoNotCountTowardsTheStreak()
    {
        Daemon daemon = daemon(AUTO, new TestingWindowAdvisor(
                (from, to, current) -> List.of(sortKey("fact", "a", to.equals(T0.plus(HOUR)) ? 0.5 : 10)),
                (hour, design) -> 0));

        List<RunOutcome> outcomes = runHourly(daemon, 4);

        assertThat(outcomes).extracting(outcome -> outcome.decisions().get(0).reason())
                .containsExactly("waiting 1/3 runs", "saves 0.50%, margin 1.00%", "waiting 1/3 runs", "waiting 2/3 runs");
    }

    @Test
    void aFailedChangeIsRecordedAndStopsTheRunsApplying()
    {
        ChangeApplier failing = new ChangeApplier()
        {
            @Override
            public PhysicalDesign current()
            {
                return applier.current();
            }

            @Override
            public AppliedChange apply(TableChange change)
            {
                if (change.table().equals("dim")) {
                    throw new IllegalStateException("disk full");
                }
                return applier.apply(change);
            }
        };
        Daemon daemon = new Daemon(AUTO.withConsecutiveRuns(1), TestingWindowAdvisor.constant(
                sortKey("fact", "a", 10), sortKey("dim", "d", 10), sortKey("other", "o", 10)), failing, store, LoadProbe.alwaysLow());

        RunOutcome outcome = daemon.runOnce(T0);

        assertThat(outcome.decisions()).extracting(Decision::verdict).containsExactly(Verdict.APPLIED, Verdict.FAILED, Verdict.FAILED);
        assertThat(outcome.decisions()).extracting(Decision::reason).endsWith(
                "the change to dim failed: disk full", "not tried: the change to dim failed: disk full");
        assertThat(store.appliedSince(Instant.EPOCH)).extracting(AppliedChange::table).containsExactly("fact");
    }

    @Test
    void runsOnceEachIntervalUntilStopped()
    {
        TestingClock clock = new TestingClock(T0);
        StopSignal stop = new StopSignal();
        TestingWindowAdvisor advisor = TestingWindowAdvisor.constant();
        Daemon daemon = daemon(AUTO, advisor);
        List<Duration> sleeps = new ArrayList<>();
        List<RunOutcome> heard = new ArrayList<>();

        int runs = daemon.run(clock, (duration, signal) -> {
            sleeps.add(duration);
            clock.advance(duration);
            if (sleeps.size() == 3) {
                signal.stop();
            }
        }, stop, outcome -> {
            heard.add(outcome);
            // each run takes ten minutes of the interval
            clock.advance(Duration.ofMinutes(10));
        });

        assertThat(runs).isEqualTo(3);
        assertThat(heard).hasSize(3);
        assertThat(advisor.advised()).containsExactly(T0, T0.plus(HOUR), T0.plus(HOUR.multipliedBy(2)));
        assertThat(sleeps).containsOnly(Duration.ofMinutes(50));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void stopsPromptlyWhileSleepingBetweenRuns()
            throws Exception
    {
        StopSignal stop = new StopSignal();
        Daemon daemon = daemon(AUTO.withInterval(Duration.ofHours(1)), TestingWindowAdvisor.constant());
        CountDownLatch ran = new CountDownLatch(1);
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() ->
                daemon.run(Clock.systemUTC(), Daemon.Sleeper.untilStopped(), stop, outcome -> ran.countDown()));
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();

        stop.stop();

        assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void doesNotRunOnceStoppedBeforeItStarts()
    {
        StopSignal stop = new StopSignal();
        stop.stop();

        int runs = daemon(AUTO, TestingWindowAdvisor.constant()).run(new TestingClock(T0), (duration, signal) -> {}, stop, outcome -> {});

        assertThat(runs).isZero();
        assertThat(store.recentRuns(1)).isEmpty();
    }

    private Daemon daemon(DaemonConfig config, WindowAdvisor advisor)
    {
        return new Daemon(config, advisor, applier, store, LoadProbe.alwaysLow());
    }

    private static List<RunOutcome> runHourly(Daemon daemon, int runs)
    {
        List<RunOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            outcomes.add(daemon.runOnce(T0.plus(HOUR.multipliedBy(i))));
        }
        return outcomes;
    }

    private static String verdict(RunOutcome outcome)
    {
        assertThat(outcome.decisions()).hasSize(1);
        return outcome.decisions().get(0).verdict() + " " + outcome.decisions().get(0).reason();
    }

    private static final class TestingClock
            extends Clock
    {
        private Instant now;

        TestingClock(Instant now)
        {
            this.now = now;
        }

        void advance(Duration duration)
        {
            now = now.plus(duration);
        }

        @Override
        public Instant instant()
        {
            return now;
        }

        @Override
        public ZoneId getZone()
        {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone)
        {
            throw new UnsupportedOperationException("a testing clock is in UTC");
        }
    }
}
