package io.autotable.advisor.daemon;

import io.autotable.advisor.Advice;
import io.autotable.advisor.AdvisorException;
import io.autotable.advisor.Recommendation;
import io.autotable.advisor.Recommendation.Kind;
import io.autotable.advisor.daemon.DaemonStore.Exclusion;
import io.autotable.advisor.daemon.DaemonStore.RecordedRun;
import io.autotable.advisor.daemon.Decision.Verdict;
import io.autotable.design.Encoding;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.autotable.advisor.daemon.TestingWindowAdvisor.encoding;
import static io.autotable.advisor.daemon.TestingWindowAdvisor.sortKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every {@link DaemonStore} keeps: runs get distinct ids and come back newest first
 * with their recommendations whole; decisions, exclusions and applied changes read back as they
 * were written. The in-memory store and the workspace repository's store both extend it.
 */
public abstract class AbstractTestDaemonStore
{
    private static final Instant T0 = Instant.parse("2024-03-01T02:00:00Z");

    /** A new, empty store. */
    protected abstract DaemonStore createStore();

    @Test
    public void runsGetDistinctIdsAndComeBackNewestFirst()
    {
        DaemonStore store = createStore();
        RecordedRun first = store.startRun(T0, T0.minusSeconds(3600), advice(List.of()));
        RecordedRun second = store.startRun(T0.plusSeconds(3600), T0, advice(recommendations()));
        RecordedRun third = store.startRun(T0.plusSeconds(7200), T0.plusSeconds(3600), advice(List.of()));

        assertThat(List.of(first.id(), second.id(), third.id())).doesNotHaveDuplicates();
        assertThat(store.recentRuns(2)).containsExactly(third, second);
        assertThat(store.recentRuns(10)).containsExactly(third, second, first);
        assertThat(store.recentRuns(0)).isEmpty();
    }

    @Test
    public void runKeepsItsTimesAndRecommendationsWhole()
    {
        DaemonStore store = createStore();
        List<Recommendation> recommendations = recommendations();

        RecordedRun run = store.startRun(T0, T0.minusSeconds(3600), advice(recommendations));

        RecordedRun read = store.recentRuns(1).get(0);
        assertThat(read).isEqualTo(run);
        assertThat(read.time()).isEqualTo(T0);
        assertThat(read.from()).isEqualTo(T0.minusSeconds(3600));
        assertThat(read.recommended()).containsExactlyElementsOf(recommendations.stream().map(Recommended::of).toList());
    }

    @Test
    public void decisionsReadBackOnceTheRunIsFinished()
    {
        DaemonStore store = createStore();
        List<Recommendation> recommendations = recommendations();
        RecordedRun run = store.startRun(T0, T0.minusSeconds(3600), advice(recommendations));
        assertThat(store.decisions(run.id())).isEmpty();
        List<Decision> decisions = List.of(
                new Decision(Recommended.of(recommendations.get(0)), Verdict.WAITING, "waiting 1/3 runs"),
                new Decision(Recommended.of(recommendations.get(1)), Verdict.BELOW_MARGIN, "saves 0.50%, margin 1.00%"));

        store.finishRun(run.id(), decisions);

        assertThat(store.decisions(run.id())).containsExactlyElementsOf(decisions);
    }

    @Test
    public void finishingAnUnknownRunFails()
    {
        DaemonStore store = createStore();

        assertThatThrownBy(() -> store.finishRun("no-such-run", List.of()))
                .isInstanceOf(AdvisorException.class)
                .hasMessageContaining("no-such-run");
    }

    @Test
    public void exclusionsAreASet()
    {
        DaemonStore store = createStore();
        store.exclude(Exclusion.table("Orders"));
        store.exclude(Exclusion.table("orders"));
        store.exclude(Exclusion.kind("lineitem", Kind.SORTKEY));

        assertThat(store.exclusions()).containsExactlyInAnyOrder(Exclusion.table("orders"), Exclusion.kind("lineitem", Kind.SORTKEY));
        assertThat(store.include(Exclusion.table("orders"))).isTrue();
        assertThat(store.include(Exclusion.table("orders"))).isFalse();
        assertThat(store.exclusions()).containsExactly(Exclusion.kind("lineitem", Kind.SORTKEY));
    }

    @Test
    public void appliedChangesSinceATimeComeBackOldestFirst()
    {
        DaemonStore store = createStore();
        AppliedChange late = applied("D2", T0.plusSeconds(7200));
        AppliedChange early = applied("D1", T0);
        store.recordApplied(late);
        store.recordApplied(early);

        assertThat(store.appliedSince(T0.minusSeconds(1))).containsExactly(early, late);
        assertThat(store.appliedSince(T0)).containsExactly(early, late);
        assertThat(store.appliedSince(T0.plusSeconds(1))).containsExactly(late);
        assertThat(store.appliedSince(T0.plusSeconds(7201))).isEmpty();
    }

    private static Advice advice(List<Recommendation> recommendations)
    {
        Advice.Totals totals = new Advice.Totals(10, 0, 0, 0);
        return new Advice(totals, totals, recommendations, List.of(), List.of(), PhysicalDesign.empty());
    }

    private static List<Recommendation> recommendations()
    {
        return TestingWindowAdvisor.constant(sortKey("orders", "o_orderdate", 12.5), encoding("orders", "o_comment", Encoding.ZSTD, 0.5))
                .advise(T0.minusSeconds(3600), T0, PhysicalDesign.empty())
                .recommendations();
    }

    private static AppliedChange applied(String runId, Instant time)
    {
        Recommendation recommendation = recommendations().get(0);
        return new AppliedChange(runId, time, "orders", TableDesign.initial(),
                TableDesign.initial().withSortKey(SortStyle.COMPOUND, List.of("o_orderdate")), List.of(Recommended.of(recommendation)));
    }
}
