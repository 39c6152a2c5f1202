package io.autotable.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotable.json.Json;
import io.autotable.testing.BenchmarkFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TestWorkloadCommands
{
    @TempDir
    static Path directory;

    private static Path workspace;

    @BeforeAll
    static void initTpch()
    {
        workspace = directory.resolve("w");
        TestingCli.Run init = TestingCli.run("init", "--benchmark", "tpch", "--no-progress", "--workspace", workspace.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
    }

    private static Path tpchQueriesFile(Path target)
            throws Exception
    {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(BenchmarkFiles.root().resolve("tpch/queries"))) {
            for (Path file : files.sorted().toList()) {
                all.append(Files.readString(file).strip()).append(";\n");
            }
        }
        return Files.writeString(target, all);
    }

    private static JsonNode analyze(Path workspace)
            throws Exception
    {
        TestingCli.Run run = TestingCli.run("analyze", "--format", "json", "--workspace", workspace.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Json.mapper().readTree(run.out());
    }

    @Test
    void importedTpchQueriesAreAllAnalysedWithTheirJoinGraph()
            throws Exception
    {
        Path other = directory.resolve("import-only");
        assertThat(TestingCli.run("init", "--benchmark", "tpch", "--no-progress", "--workspace", other.toString()).exitCode()).isZero();
        Path queries = tpchQueriesFile(directory.resolve("tpch.sql"));

        TestingCli.Run first = TestingCli.run("import", "sql", queries.toString(), "--workspace", other.toString());
        TestingCli.Run second = TestingCli.run("import", "sql", queries.toString(), "--workspace", other.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("22 events (22 new, 0 already imported), 0 bad");
        assertThat(second.out()).contains("22 events (0 new, 22 already imported)");
        JsonNode analysis = analyze(other);
        assertThat(analysis.get("statements").asLong()).isEqualTo(22);
        assertThat(analysis.get("distinctFingerprints").asLong()).isEqualTo(22);
        assertThat(analysis.get("parsed").asLong()).isEqualTo(22);
        assertThat(analysis.get("unparsed").asLong()).isZero();
        List<String> edges = new ArrayList<>();
        analysis.get("joinEdges").forEach(edge -> edges.add(edge.get("left").asText() + "=" + edge.get("right").asText() + ":" + edge.get("weight").asLong()));
        // the most common join of TPC-H
        assertThat(edges).anyMatch(edge -> edge.startsWith("lineitem.l_orderkey=orders.o_orderkey:"));
        assertThat(analysis.get("joinEdges").get(0).get("queries").size()).isPositive();
        assertThat(analysis.get("provenance").get("workloadFingerprint").asText()).hasSize(32);
    }

    @Test
    void aDamagedLogImportsEveryGoodLineAndReportsEachBadOne()
            throws Exception
    {
        Path log = directory.resolve("damaged.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            if (i % 25 == 0) {
                lines.append("{\"sql\": \"select 1\", \"start\": \"not a time\"}\n");
            }
            else if (i % 33 == 0) {
                lines.append("\u0000\u0001garbage\n");
            }
            else {
                lines.append("{\"id\": ").append(i).append(", \"sql\": \"select count(*) from orders where o_orderkey = ").append(i).append("\", \"durationMicros\": 1000}\n");
            }
        }
        Files.writeString(log, lines);

        TestingCli.Run run = TestingCli.run("import", "jsonl", log.toString(), "--workspace", directory.resolve("damaged").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("100 records, 93 events (93 new, 0 already imported), 7 bad");
        assertThat(run.err()).contains("damaged.jsonl:25:").contains("damaged.jsonl:33:").contains("damaged.jsonl:100:");
        try (Stream<Path> reports = Files.list(directory.resolve("damaged").resolve("reports"))) {
            Path rejects = reports.filter(path -> path.getFileName().toString().startsWith("import-rejects-")).findFirst().orElseThrow();
            assertThat(Files.readAllLines(rejects)).hasSize(7);
        }
    }

    @Test
    void badImportRequestsAreOneLineUserErrors()
    {
        TestingCli.Run format = TestingCli.run("import", "csv", "x.csv", "--workspace", workspace.toString());
        assertThat(format.exitCode()).isEqualTo(AutotableCommand.EXIT_USER_ERROR);
        assertThat(format.err()).contains("'csv'").contains("jsonl");

        TestingCli.Run missing = TestingCli.run("import", "jsonl", directory.resolve("nope.jsonl").toString(), "--workspace", workspace.toString());
        assertThat(missing.exitCode()).isEqualTo(AutotableCommand.EXIT_USER_ERROR);
        assertThat(missing.err().strip().lines()).singleElement().asString().contains("nope.jsonl");

        TestingCli.Run server = TestingCli.run("import", "pg-stat-statements", "--jdbc", "jdbc:postgresql://127.0.0.1:1/none", "--workspace", workspace.toString());
        assertThat(server.exitCode()).isEqualTo(AutotableCommand.EXIT_USER_ERROR);
        assertThat(server.err()).contains("127.0.0.1:1");
    }

    @Test
    void workloadRunCapturesEveryScheduledQuery()
            throws Exception
    {
        TestingCli.Run run = TestingCli.run("workload", "run", "--runs-per-day", "40", "--seed", "7", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Ran 40 queries").contains(": 0 statements failed");
        JsonNode analysis = analyze(workspace);
        assertThat(analysis.get("statements").asLong()).isGreaterThanOrEqualTo(40);
        assertThat(analysis.get("joinEdges").size()).isPositive();
    }

    @Test
    void workloadRunNeedsTheBenchmarksData()
    {
        TestingCli.Run run = TestingCli.run("workload", "run", "--workspace", directory.resolve("empty").toString());

        assertThat(run.exitCode()).isEqualTo(AutotableCommand.EXIT_USER_ERROR);
        assertThat(run.err()).contains("autotable init");
    }
}
