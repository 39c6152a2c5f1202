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

import static org.assertj.core.api.Assertions.assertThat;

class TestReplayCommand
{
    private static final String AWS_TPCH = "redshift-tpcds/Cloud-DWB-Derived-from-TPCH/10GB/ddl.sql";

    @TempDir
    static Path directory;

    private static Path workspace;

    @BeforeAll
    static void generateATpchWorkload()
    {
        workspace = directory.resolve("w");
        TestingCli.Run init = TestingCli.run("init", "--benchmark", "tpch", "--no-progress", "--workspace", workspace.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        TestingCli.Run generate = TestingCli.run("workload", "generate", "--days", "2", "--runs-per-day", "80", "--seed", "5", "--drift", "new-join-path", "--workspace", workspace.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.out()).contains("Added ").contains("drift new-join-path");
    }

    @Test
    void jsonComparesDesignsInTheOrderGivenAndAwsMovesLessThanTheInitialDesign()
            throws Exception
    {
        Path chart = directory.resolve("charts/replay.png");
        TestingCli.Run run = TestingCli.run("replay", "--workspace", workspace.toString(), "--compare", "initial", BenchmarkFiles.path(AWS_TPCH).toString(),
                "--format", "json", "--chart", chart.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = Json.mapper().readTree(run.out());

        JsonNode designs = report.get("designs");
        assertThat(designs.size()).isEqualTo(2);
        assertThat(designs.get(0).get("name").asText()).isEqualTo("initial");
        assertThat(designs.get(1).get("name").asText()).isEqualTo("ddl.sql");
        for (JsonNode design : designs) {
            assertThat(design.get("totalSeconds").asDouble()).isPositive();
            assertThat(design.get("bytesScanned").asDouble()).isPositive();
            assertThat(design.has("bytesMoved")).isTrue();
        }
        assertThat(designs.get(1).get("bytesMoved").asDouble()).isLessThan(designs.get(0).get("bytesMoved").asDouble());

        JsonNode queries = report.get("queries");
        long runs = 0;
        List<String> movements = new ArrayList<>();
        for (JsonNode query : queries) {
            runs += query.get("count").asLong();
            assertThat(query.get("designs").size()).isEqualTo(2);
            for (JsonNode design : query.get("designs")) {
                assertThat(design.has("seconds") && design.has("bytesScanned") && design.has("bytesMoved")).isTrue();
                design.get("movement").forEach(movement -> movements.add(movement.asText()));
            }
        }
        assertThat(runs).isEqualTo(report.get("simulatedRuns").asLong()).isPositive();
        assertThat(movements).contains("DS_BCAST_INNER", "DS_DIST_NONE");
        assertThat(Files.readAllBytes(chart)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void textReportExplainsEachStatementsPlan()
    {
        TestingCli.Run run = TestingCli.run("replay", "--workspace", workspace.toString(), "--design", "current", "--explain", "--top", "3",
                "--wlm-queue", "fast=2:drift", "--wlm-queue", "default=3", "--concurrency-scaling", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("WLM [fast=2, default=3], concurrency scaling 1")
                .contains("Statements by runs (top 3 of")
                .contains("Simulated plans (one run)")
                .contains("SCAN      ", "lineitem", "blocks");
    }

    @Test
    void aJsonDesignFileIsLaidOutAsWritten()
            throws Exception
    {
        Path design = Files.writeString(directory.resolve("design.json"), """
                {"tables": {"lineitem": {"distribution": "KEY", "distkey": "l_orderkey", "sortStyle": "COMPOUND", "sortkey": ["l_shipdate"],
                  "encodings": {"l_comment": "ZSTD", "l_quantity": "AZ64"}}, "nation": {"distribution": "ALL", "sortStyle": "NONE", "sortkey": [], "encodings": {}}}}
                """);
        TestingCli.Run run = TestingCli.run("replay", "--workspace", workspace.toString(), "--design", design.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode tables = Json.mapper().readTree(run.out()).get("designs").get(0).get("tables");
        assertThat(tables.get("lineitem").get("distribution").asText()).isEqualTo("KEY");
        assertThat(tables.get("lineitem").get("distkey").asText()).isEqualTo("l_orderkey");
        assertThat(tables.get("lineitem").get("sortkey").get(0).asText()).isEqualTo("l_shipdate");
        assertThat(tables.get("nation").get("distribution").asText()).isEqualTo("ALL");
        assertThat(tables.get("orders").get("distribution").asText()).isEqualTo("EVEN");

        Path wrong = Files.writeString(directory.resolve("wrong.json"), "{\"tables\": {\"lineitem\": {\"distribution\": \"KEY\", \"distkey\": \"nope\", \"sortStyle\": \"NONE\", \"sortkey\": [], \"encodings\": {}}}}");
        TestingCli.Run bad = TestingCli.run("replay", "--workspace", workspace.toString(), "--design", wrong.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("lineitem").contains("nope");
    }

    @Test
    void recommendedDesignIsTheAdvisorsAndNoSlowerThanTheInitialOne()
            throws Exception
    {
        TestingCli.Run run = TestingCli.run("replay", "--workspace", workspace.toString(), "--compare", "initial", "recommended", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode designs = Json.mapper().readTree(run.out()).get("designs");
        assertThat(designs.get(1).get("name").asText()).isEqualTo("recommended");
        // the advised encodings store lineitem in fewer bytes than RAW
        assertThat(designs.get(1).get("tables").get("lineitem").get("encodedBytes").asDouble())
                .isLessThan(designs.get(0).get("tables").get("lineitem").get("encodedBytes").asDouble());
        assertThat(designs.get(1).get("bytesScanned").asDouble()).isLessThan(designs.get(0).get("bytesScanned").asDouble());
        // every change the advisor keeps makes the simulated workload faster (at this scale no distribution change saves enough)
        assertThat(designs.get(1).get("totalSeconds").asDouble()).isLessThanOrEqualTo(designs.get(0).get("totalSeconds").asDouble());
    }

    @Test
    void aMissingDesignFileIsAUserErrorNamingIt()
    {
        TestingCli.Run run = TestingCli.run("replay", "--workspace", workspace.toString(), "--design", directory.resolve("nope.sql").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("design file").contains("nope.sql").contains("does not exist");
    }

    @Test
    void generatedJsonlIsSeededAndImportsBack()
            throws Exception
    {
        Path first = directory.resolve("a.jsonl");
        Path second = directory.resolve("b.jsonl");
        assertThat(TestingCli.run("workload", "generate", "--days", "2", "--runs-per-day", "30", "--drift", "heavy-writes", "--output", first.toString()).exitCode()).isZero();
        assertThat(TestingCli.run("workload", "generate", "--days", "2", "--runs-per-day", "30", "--drift", "heavy-writes", "--output", second.toString()).exitCode()).isZero();
        assertThat(Files.readString(first)).isEqualTo(Files.readString(second));
        Path other = directory.resolve("imported");
        TestingCli.Run imported = TestingCli.run("import", "jsonl", first.toString(), "--workspace", other.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains(Files.readAllLines(first).size() + " events");

        TestingCli.Run tpcds = TestingCli.run("workload", "generate", "--benchmark", "tpcds", "--output", first.toString());
        assertThat(tpcds.exitCode()).isEqualTo(1);
        assertThat(tpcds.err()).contains("no shipped queries for benchmark 'tpcds'");
    }
}
