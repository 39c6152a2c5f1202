package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.workload.tpch.TpchQueries;
import io.autotable.workload.QueryEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestWorkloadGenerator
{
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 5);
    private static final QuerySet TPCH = TpchQueries.querySet();

    @Test
    void sameSeedGivesTheSameLog()
    {
        List<QueryEvent> first = WorkloadGenerator.generate(TPCH, 3, 50, 9, FIRST, DriftScenario.FILTER_SHIFT);
        List<QueryEvent> second = WorkloadGenerator.generate(TPCH, 3, 50, 9, FIRST, DriftScenario.FILTER_SHIFT);
        List<QueryEvent> other = WorkloadGenerator.generate(TPCH, 3, 50, 10, FIRST, DriftScenario.FILTER_SHIFT);
        assertThat(first).isEqualTo(second);
        assertThat(first).isNotEqualTo(other);
        assertThat(first).extracting(QueryEvent::start).isSorted();
    }

    @Test
    void driftStartsInTheSecondHalfAndGrows()
    {
        for (DriftScenario scenario : List.of(DriftScenario.NEW_JOIN_PATH, DriftScenario.FILTER_SHIFT, DriftScenario.HEAVY_WRITES)) {
            List<QueryEvent> events = WorkloadGenerator.generate(TPCH, 6, 200, 1, FIRST, scenario);
            long[] driftPerDay = new long[6];
            for (QueryEvent event : events) {
                if (event.user().equals(WorkloadGenerator.DRIFT_USER)) {
                    driftPerDay[(int) (event.start().atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay() - FIRST.toEpochDay())]++;
                }
            }
            assertThat(driftPerDay[0] + driftPerDay[1] + driftPerDay[2]).as(scenario.name()).isZero();
            assertThat(driftPerDay[3]).as(scenario.name()).isBetween(20L, 70L);
            assertThat(driftPerDay[5]).as(scenario.name()).isGreaterThan(driftPerDay[3]);
        }
        assertThat(WorkloadGenerator.generate(TPCH, 4, 100, 1, FIRST, DriftScenario.NONE)).noneMatch(event -> event.user().equals(WorkloadGenerator.DRIFT_USER));
    }

    @Test
    void heavyWritesWriteToPartsupp()
    {
        assertThat(WorkloadGenerator.generate(TPCH, 2, 200, 3, FIRST, DriftScenario.HEAVY_WRITES))
                .filteredOn(event -> event.user().equals(WorkloadGenerator.DRIFT_USER))
                .isNotEmpty()
                .allMatch(event -> event.sql().startsWith("INSERT INTO partsupp") || event.sql().startsWith("UPDATE partsupp"));
    }

    @Test
    void benchmarksWithoutShippedQueriesAndUnknownScenariosAreUserErrors()
    {
        assertThatThrownBy(() -> BenchmarkQueries.forBenchmark("tpcds"))
                .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_BENCHMARK))
                .hasMessageContaining("autotable import sql");
        assertThatThrownBy(() -> DriftScenario.parse("sideways"))
                .hasMessageContaining("unknown drift scenario 'sideways'")
                .hasMessageContaining("new-join-path");
    }
}
