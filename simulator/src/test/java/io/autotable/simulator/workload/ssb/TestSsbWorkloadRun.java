package io.autotable.simulator.workload.ssb;

import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.data.ssb.SsbGenerator;
import io.autotable.simulator.stats.StatsOptions;
import io.autotable.simulator.warehouse.BenchmarkLoader;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.simulator.warehouse.LoadListener;
import io.autotable.simulator.workload.DriftScenario;
import io.autotable.simulator.workload.QuerySet;
import io.autotable.simulator.workload.QueryTemplate;
import io.autotable.simulator.workload.ScheduledQuery;
import io.autotable.simulator.workload.WorkloadRunner;
import io.autotable.simulator.workload.WorkloadSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TestSsbWorkloadRun
{
    @TempDir
    Path directory;

    @Test
    void everyTemplateVariationAndDriftStatementRunsOnH2AgainstTheGeneratedData()
    {
        Workspace workspace = new Workspace(directory);
        try (WorkloadRepository repository = WorkloadRepository.open(workspace);
                EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
            new BenchmarkLoader(repository, warehouse, StatsOptions.defaults(), LoadListener.none()).load(new SsbGenerator(), 0.01);
        }
        QuerySet ssb = SsbQueries.querySet();
        List<ScheduledQuery> schedule = new ArrayList<>(WorkloadSchedule.create(ssb, 1, 100, 3, LocalDate.of(2026, 1, 5)));
        Instant start = Instant.parse("2026-01-06T00:00:00Z");
        for (QueryTemplate template : ssb.templates()) {
            schedule.add(new ScheduledQuery(start, template.name(), template.statements()));
        }
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 30; i++) {
            for (DriftScenario scenario : List.of(DriftScenario.FILTER_SHIFT, DriftScenario.NEW_JOIN_PATH)) {
                schedule.add(new ScheduledQuery(start, scenario.cliName(), List.of(ssb.drift().statement(scenario, random))));
            }
        }
        WorkloadRunner runner = new WorkloadRunner(workspace, Duration.ofSeconds(30));
        try (WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            runner.prepare(repository.catalog().tables());
        }

        WorkloadRunner.Result result = runner.run(schedule, "tester", WorkloadRunner.Listener.none());

        assertThat(result.failures()).as("statements H2 could not run").isEmpty();
        assertThat(result.statements()).isEqualTo(100 + 13 + 60);
    }
}
