package io.autotable.advisor.wlm;

import io.autotable.simulator.wlm.LoggedRun;
import io.autotable.simulator.workload.BenchmarkQueries;
import io.autotable.simulator.workload.DriftScenario;
import io.autotable.simulator.workload.WorkloadGenerator;
import io.autotable.simulator.workload.WorkloadMix;
import io.autotable.workload.QueryEvent;
import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Logged runs of the seeded bursty-dashboards mix over TPC-H's templates, every statement a read-only SELECT. */
final class TestingWlmLogs
{
    static final QueryShape SELECT = new QueryShape(StatementKind.SELECT, List.of("lineitem"), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), false, List.of());

    private TestingWlmLogs() {}

    static List<LoggedRun> bursty(int days, int runsPerDay, long seed)
    {
        List<QueryEvent> events = new ArrayList<>(WorkloadGenerator.generate(BenchmarkQueries.forBenchmark("tpch"), days, runsPerDay, seed, LocalDate.parse("2026-01-05"),
                DriftScenario.NONE, WorkloadMix.BURSTY_DASHBOARDS));
        events.sort(Comparator.comparing(QueryEvent::start));
        List<LoggedRun> runs = new ArrayList<>();
        for (QueryEvent event : events) {
            runs.add(new LoggedRun(event.start(), event.fingerprint(), event.user(), event.durationMicros() / 1e6, Optional.of(SELECT), Optional.empty()));
        }
        return runs;
    }
}
