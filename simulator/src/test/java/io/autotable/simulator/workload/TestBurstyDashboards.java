package io.autotable.simulator.workload;

import io.autotable.workload.QueryEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestBurstyDashboards
{
    private static final LocalDate DAY = LocalDate.parse("2026-01-05");

    @Test
    void sameSeedGivesTheSameLogAndAnotherSeedAnother()
    {
        QuerySet tpch = BenchmarkQueries.forBenchmark("tpch");
        List<QueryEvent> once = WorkloadGenerator.generate(tpch, 2, 300, 5, DAY, DriftScenario.NONE, WorkloadMix.BURSTY_DASHBOARDS);
        assertThat(WorkloadGenerator.generate(tpch, 2, 300, 5, DAY, DriftScenario.NONE, WorkloadMix.BURSTY_DASHBOARDS)).isEqualTo(once);
        assertThat(WorkloadGenerator.generate(tpch, 2, 300, 6, DAY, DriftScenario.NONE, WorkloadMix.BURSTY_DASHBOARDS)).isNotEqualTo(once);
        assertThat(once.get(0).source()).isEqualTo("generate:tpch:seed=5:drift=none:days=2:runs=300:mix=bursty-dashboards");
    }

    @Test
    void dashboardsArriveInShortBurstsAndRunShortReportsRunLong()
    {
        List<QueryEvent> events = WorkloadGenerator.generate(BenchmarkQueries.forBenchmark("tpch"), 3, 600, 7, DAY, DriftScenario.NONE, WorkloadMix.BURSTY_DASHBOARDS);
        Map<Long, Integer> dashboardsPerMinute = new TreeMap<>();
        long dashboards = 0;
        for (QueryEvent event : events) {
            int second = event.start().atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
            assertThat(second).isBetween(8 * 3600, 18 * 3600 + 600);
            double seconds = event.durationMicros() / 1e6;
            if (event.user().equals(BurstyDashboards.DASHBOARD_USER)) {
                dashboards++;
                // base 0.5..5 s times a log-normal factor: well under 30 s
                assertThat(seconds).isLessThan(30);
                dashboardsPerMinute.merge(event.start().getEpochSecond() / 60, 1, Integer::sum);
                assertThat(second % 1800).as("within 5 s of a burst's start (plus a multi-statement template's offsets)").isLessThan(60);
            }
            else {
                assertThat(event.user()).isEqualTo(BurstyDashboards.REPORT_USER);
                assertThat(seconds).isGreaterThan(3);
            }
        }
        assertThat((double) dashboards / events.size()).isBetween(0.65, 0.85);
        // 20 bursts a day: the dashboards of three days fall in at most 60 distinct minutes
        assertThat(dashboardsPerMinute).hasSizeLessThanOrEqualTo(60 * 2);
    }

    @Test
    void refusesADriftScenarioWithTheBurstyMix()
    {
        assertThatThrownBy(() -> WorkloadGenerator.generate(BenchmarkQueries.forBenchmark("tpch"), 2, 10, 1, DAY,
                        DriftScenario.FILTER_SHIFT, WorkloadMix.BURSTY_DASHBOARDS))
                .hasMessageContaining("--drift filter-shift applies to the zipf mix only");
    }
}
