package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.workload.tpch.TpchQueries;
import io.autotable.workload.QueryEvent;
import io.autotable.testing.BenchmarkFiles;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
    void ssbLogIsSeededAndEachQueryRunsWithVariedParameters()
    {
        QuerySet ssb = BenchmarkQueries.forBenchmark("ssb");
        List<QueryEvent> first = WorkloadGenerator.generate(ssb, 2, 100, 9, FIRST, DriftScenario.FILTER_SHIFT);

        assertThat(first).isEqualTo(WorkloadGenerator.generate(BenchmarkQueries.forBenchmark("ssb"), 2, 100, 9, FIRST, DriftScenario.FILTER_SHIFT));
        assertThat(first).isNotEqualTo(WorkloadGenerator.generate(ssb, 2, 100, 10, FIRST, DriftScenario.FILTER_SHIFT));
        assertThat(first).allSatisfy(event -> assertThat(event.source()).isEqualTo("generate:ssb:seed=9:drift=filter-shift:days=2:runs=100"));
        Map<String, Set<String>> textsByFingerprint = first.stream().filter(event -> event.user().equals(WorkloadGenerator.USER))
                .collect(Collectors.groupingBy(QueryEvent::fingerprint, Collectors.mapping(QueryEvent::sql, Collectors.toSet())));
        assertThat(textsByFingerprint.size()).isBetween(8, 13);
        // the most frequent queries ran with several parameter sets under one fingerprint
        assertThat(textsByFingerprint.values().stream().mapToInt(Set::size).max().orElseThrow()).isGreaterThan(5);
        assertThat(first).filteredOn(event -> event.user().equals(WorkloadGenerator.DRIFT_USER)).isNotEmpty()
                .allSatisfy(event -> assertThat(event.sql()).containsAnyOf("lo_orderdate >=", "lo_commitdate >=", "c_region ="));
    }

    @Test
    void aScenarioTheBenchmarkHasNoStatementsForIsAUserErrorNamingTheOnesThatApply()
    {
        assertThatThrownBy(() -> WorkloadGenerator.generate(BenchmarkQueries.forBenchmark("ssb"), 1, 10, 1, FIRST, DriftScenario.HEAVY_WRITES))
                .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("drift scenario 'heavy-writes' does not apply to benchmark ssb: use one of [none, new-join-path, filter-shift]");
        QuerySet tpcds = BenchmarkQueries.fromFiles("tpcds", List.of(BenchmarkFiles.path("tpcds/queries_duckdb/q03.sql")));
        assertThatThrownBy(() -> WorkloadGenerator.generate(tpcds, 1, 10, 1, FIRST, DriftScenario.FILTER_SHIFT))
                .hasMessage("drift scenario 'filter-shift' does not apply to benchmark tpcds: use one of [none]");
        assertThat(WorkloadGenerator.generate(tpcds, 1, 10, 1, FIRST, DriftScenario.NONE)).hasSize(10)
                .allSatisfy(event -> assertThat(event.source()).startsWith("generate:tpcds:queries=").endsWith(":seed=1:drift=none:days=1:runs=10"));
    }

    @Test
    void tpcdsWithoutQueryFilesUnknownBenchmarksAndUnknownScenariosAreUserErrors()
    {
        assertThatThrownBy(() -> BenchmarkQueries.forBenchmark("tpcds"))
                .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_BENCHMARK))
                .hasMessageContaining("--queries");
        assertThatThrownBy(() -> BenchmarkQueries.fromFiles("tpc-x", List.of()))
                .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_BENCHMARK))
                .hasMessage("unknown benchmark 'tpc-x': expected one of tpch, tpcds, ssb");
        assertThatThrownBy(() -> DriftScenario.parse("sideways"))
                .hasMessageContaining("unknown drift scenario 'sideways'")
                .hasMessageContaining("new-join-path");
    }
}
