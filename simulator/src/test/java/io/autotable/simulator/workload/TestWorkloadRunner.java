package io.autotable.simulator.workload;

import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.data.tpch.TpchGenerator;
import io.autotable.simulator.stats.StatsOptions;
import io.autotable.simulator.warehouse.BenchmarkLoader;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.simulator.warehouse.LoadListener;
import io.autotable.simulator.workload.tpch.TpchParameters;
import io.autotable.simulator.workload.tpch.TpchQueries;
import io.autotable.workload.EventStatus;
import io.autotable.workload.QueryEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TestWorkloadRunner
{
    @TempDir
    static Path directory;

    private static Workspace workspace;

    @BeforeAll
    static void loadTpch()
    {
        workspace = new Workspace(directory);
        TpchGenerator generator = new TpchGenerator();
        try (WorkloadRepository repository = WorkloadRepository.open(workspace);
                EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
            new BenchmarkLoader(repository, warehouse, StatsOptions.defaults(), LoadListener.none()).load(generator, 0.01);
        }
    }

    @Test
    void runsEveryTpchQueryThroughTheCaptureDriverAtItsScheduledTime()
    {
        List<QueryTemplate> templates = TpchQueries.templates();
        List<ScheduledQuery> schedule = new ArrayList<>();
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        for (int i = 0; i < templates.size(); i++) {
            schedule.add(new ScheduledQuery(start.plusSeconds(60L * i), templates.get(i).name(), templates.get(i).statements()));
        }
        WorkloadRunner runner = new WorkloadRunner(workspace, Duration.ofSeconds(30));
        try (WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            runner.prepare(repository.catalog().tables());
        }

        WorkloadRunner.Result result = runner.run(schedule, "tester", WorkloadRunner.Listener.none());

        assertThat(result.failures()).as("queries H2 could not run").isEmpty();
        List<QueryEvent> events = new ArrayList<>();
        try (WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            repository.forEachEvent(events::add);
        }
        assertThat(events).hasSize((int) result.statements());
        assertThat(events).allSatisfy(event -> {
            assertThat(event.status()).isEqualTo(EventStatus.SUCCEEDED);
            assertThat(event.user()).isEqualTo("tester");
            assertThat(event.source()).isEqualTo("capture");
        });
        Map<Instant, QueryEvent> byStart = events.stream().collect(Collectors.toMap(QueryEvent::start, Function.identity(), (a, b) -> a));
        assertThat(byStart).containsKey(start);
        // q1 returns its 4 groups at scale 0.01
        assertThat(byStart.get(start).rows()).isEqualTo(4);
    }

    @Test
    void aScheduleIsSeededSkewedAndVariesDates()
    {
        QuerySet tpch = TpchQueries.querySet();
        List<ScheduledQuery> first = WorkloadSchedule.create(tpch, 2, 500, 7, LocalDate.of(2026, 1, 5));
        List<ScheduledQuery> again = WorkloadSchedule.create(tpch, 2, 500, 7, LocalDate.of(2026, 1, 5));

        assertThat(first).isEqualTo(again).hasSize(1_000);
        Map<String, Long> runs = first.stream().collect(Collectors.groupingBy(ScheduledQuery::template, Collectors.counting()));
        long top = runs.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long bottom = runs.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertThat(top).isGreaterThan(5 * bottom);
        long businessHours = first.stream().filter(query -> {
            int hour = query.start().atZone(java.time.ZoneOffset.UTC).getHour();
            return hour >= 9 && hour < 17;
        }).count();
        assertThat(businessHours).isGreaterThan(first.size() / 2);
        long distinctTexts = first.stream().filter(query -> query.template().equals("q6")).map(ScheduledQuery::statements).distinct().count();
        assertThat(distinctTexts).isGreaterThan(1);
    }

    @Test
    void shiftedDatesStayInsideTpchsDateRange()
    {
        SplittableRandom random = new SplittableRandom(1);
        for (QueryTemplate template : TpchQueries.templates()) {
            for (int i = 0; i < 50; i++) {
                for (String statement : new TpchParameters().choose(template, random)) {
                    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("DATE '(\\d{4}-\\d{2}-\\d{2})'").matcher(statement);
                    while (matcher.find()) {
                        assertThat(LocalDate.parse(matcher.group(1))).isBetween(LocalDate.of(1992, 1, 1), LocalDate.of(1998, 12, 31));
                    }
                }
            }
        }
    }
}
