package io.autotable.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotable.json.Json;
import io.autotable.testing.BenchmarkFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestWorkloadGenerateCommand
{
    @TempDir
    Path directory;

    @Test
    void ssbWorkloadIsGeneratedAndReplayedRunByRun()
            throws Exception
    {
        String workspace = init("ssb-generate");

        TestingCli.Run generate = TestingCli.run("workload", "generate", "--benchmark", "ssb", "--days", "2", "--runs-per-day", "60", "--seed", "3",
                "--drift", "filter-shift", "--workspace", workspace);

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.out()).contains("Templates: the 13 ssb queries shipped with autotable, parameters varied per run")
                .contains("Added 120 of 120 generated events (2 days x 60 queries, seed 3, drift filter-shift: ");
        TestingCli.Run replay = TestingCli.run("replay", "--format", "json", "--workspace", workspace);
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        JsonNode report = Json.mapper().readTree(replay.out());
        assertThat(report.get("runs").asLong()).isEqualTo(120);
        assertThat(report.get("simulatedRuns").asLong()).isEqualTo(120);
        assertThat(report.get("notSimulated").size()).isZero();
        JsonNode design = report.get("designs").get(0);
        assertThat(design.get("totalSeconds").asDouble()).isPositive();
        assertThat(design.get("bytesMoved").asDouble()).isPositive();
        assertThat(report.get("queries")).allSatisfy(query -> assertThat(query.get("designs").get(0).get("missingTables")).isNullOrEmpty());
    }

    @Test
    void templatesOfAnotherBenchmarkAreRefusedNamingTheMissingTables()
            throws Exception
    {
        String workspace = init("ssb-with-tpch");

        TestingCli.Run generate = TestingCli.run("workload", "generate", "--days", "1", "--runs-per-day", "40", "--seed", "3", "--workspace", workspace);

        assertThat(generate.exitCode()).isNotZero();
        assertThat(generate.err()).contains("generated statements checked (tpch templates) read tables the workspace's catalog lacks (").contains("lineitem")
                .contains("nothing was added").contains("--benchmark");
        TestingCli.Run replay = TestingCli.run("replay", "--format", "json", "--workspace", workspace);
        assertThat(replay.exitCode()).as(replay.out()).isNotZero();
        assertThat(replay.err()).contains("workload");
    }

    @Test
    void ssbWorkloadRunsOnTheEmbeddedWarehouse()
    {
        String workspace = init("ssb-run");

        TestingCli.Run run = TestingCli.run("workload", "run", "--benchmark", "ssb", "--runs-per-day", "30", "--seed", "4", "--workspace", workspace);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Ran 30 queries (30 statements)").contains(": 0 statements failed");
    }

    @Test
    void tpcdsQueryFilesGiveASeededLogAndAnUnusableFileIsNamed()
            throws Exception
    {
        Path queries = Files.createDirectories(directory.resolve("tpcds"));
        for (int i = 1; i <= 9; i++) {
            Files.copy(BenchmarkFiles.path("tpcds/queries_duckdb/q0%d.sql".formatted(i)), queries.resolve("q0%d.sql".formatted(i)));
        }
        Files.writeString(queries.resolve("q99.sql"), "select from where");
        Path first = directory.resolve("first.jsonl");
        Path second = directory.resolve("second.jsonl");

        TestingCli.Run generate = TestingCli.run("workload", "generate", "--benchmark", "tpcds", "--queries", queries.toString(),
                "--days", "2", "--runs-per-day", "25", "--seed", "7", "--output", first.toString());
        TestingCli.Run again = TestingCli.run("workload", "generate", "--benchmark", "tpcds", "--queries", queries.toString(),
                "--days", "2", "--runs-per-day", "25", "--seed", "7", "--output", second.toString());

        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.err()).contains("not used: " + queries.resolve("q99.sql") + ": statement 1 does not parse");
        assertThat(generate.out()).contains("Templates: 9 from 10 query files in [%s] (1 not used), parameters varied in 9 of them".formatted(queries))
                .contains("Wrote 50 events");
        assertThat(Files.readAllLines(first)).hasSize(50).allSatisfy(line -> assertThat(line).contains("\"source\":\"generate:tpcds:queries="));
        assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
    }

    @Test
    void tpcdsNeedsQueryFilesAndADriftScenarioItHas()
    {
        TestingCli.Run withoutQueries = TestingCli.run("workload", "generate", "--benchmark", "tpcds", "--output", directory.resolve("x.jsonl").toString());
        assertThat(withoutQueries.exitCode()).isEqualTo(AutotableCommand.EXIT_USER_ERROR);
        assertThat(withoutQueries.err()).contains("--queries");

        TestingCli.Run drift = TestingCli.run("workload", "generate", "--benchmark", "tpcds", "--queries", BenchmarkFiles.path("tpcds/queries_duckdb/q03.sql").toString(),
                "--drift", "filter-shift", "--output", directory.resolve("y.jsonl").toString());
        assertThat(drift.exitCode()).isEqualTo(AutotableCommand.EXIT_USER_ERROR);
        assertThat(drift.err()).contains("drift scenario 'filter-shift' does not apply to benchmark tpcds: use one of [none]");
    }

    private String init(String name)
    {
        String workspace = directory.resolve(name).toString();
        TestingCli.Run init = TestingCli.run("init", "--benchmark", "ssb", "--no-progress", "--workspace", workspace);
        assertThat(init.exitCode()).as(init.err()).isZero();
        return workspace;
    }
}
