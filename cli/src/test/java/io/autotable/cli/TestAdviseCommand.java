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

class TestAdviseCommand
{
    @TempDir
    static Path directory;

    private static Path workspace;

    @BeforeAll
    static void tpchWithItsQueries()
            throws Exception
    {
        workspace = directory.resolve("w");
        TestingCli.Run init = TestingCli.run("init", "--benchmark", "tpch", "--no-progress", "--workspace", workspace.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(BenchmarkFiles.root().resolve("tpch/queries"))) {
            for (Path file : files.sorted().toList()) {
                all.append(Files.readString(file).strip()).append(";\n");
            }
        }
        Path queries = Files.writeString(directory.resolve("tpch.sql"), all);
        TestingCli.Run imported = TestingCli.run("import", "sql", queries.toString(), "--workspace", workspace.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    @Test
    void distributionJsonNamesEveryTableWithItsStyleAndKey()
            throws Exception
    {
        TestingCli.Run run = TestingCli.run("advise", "--only", "distribution", "--format", "json", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode distribution = Json.mapper().readTree(run.out()).get("distribution");
        assertThat(distribution.get("solver").asText()).startsWith("best-of(");
        assertThat(distribution.get("optimal").asBoolean()).isTrue();
        assertThat(distribution.get("colocatedWeight").asDouble()).isPositive().isLessThanOrEqualTo(distribution.get("totalWeight").asDouble());
        List<String> tables = new ArrayList<>();
        for (JsonNode table : distribution.get("tables")) {
            tables.add(table.get("table").asText());
            String style = table.get("style").asText();
            assertThat(style).isIn("KEY", "ALL", "EVEN");
            assertThat(table.has("distkey")).isTrue();
            assertThat(table.get("distkey").isNull()).isEqualTo(!style.equals("KEY"));
            assertThat(table.get("reason").asText()).isNotBlank();
        }
        assertThat(tables).containsExactly("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier");
        // every TPC-H query ran once: lineitem's heaviest join partner is orders, made local one way or the other
        JsonNode lineitem = distribution.get("tables").get(1);
        assertThat(lineitem.get("joins").toString()).contains("lineitem.l_orderkey = orders.o_orderkey");
    }

    @Test
    void textExplainsEveryTable()
    {
        TestingCli.Run run = TestingCli.run("advise", "--only", "distribution", "--workspace", workspace.toString(), "--solver", "greedy");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Distribution: 8 tables", "a cluster of 2 nodes x 4 slices", "Keys by greedy", "lineitem:", "why: ");
    }

    @Test
    void refusesWlmAdviceWithoutRuntimesAndUnknownSolvers()
    {
        // the fixture's generated log records no runtimes: nothing to replay through WLM queues
        TestingCli.Run wlm = TestingCli.run("advise", "--only", "wlm", "--workspace", workspace.toString());
        TestingCli.Run solver = TestingCli.run("advise", "--solver", "magic", "--workspace", workspace.toString());
        TestingCli.Run skew = TestingCli.run("advise", "--max-skew", "0.5", "--workspace", workspace.toString());

        assertThat(wlm.exitCode()).isEqualTo(1);
        assertThat(wlm.err()).contains("advise --only wlm: the workspace", "has no run with a logged runtime");
        assertThat(solver.exitCode()).isEqualTo(1);
        assertThat(solver.err()).contains("unknown solver 'magic'");
        assertThat(skew.exitCode()).isEqualTo(1);
        assertThat(skew.err()).contains("maxSliceImbalance must be a finite number >= 1, got 0.5");
    }

    @Test
    void anUninitialisedWorkspaceIsAUserError()
    {
        TestingCli.Run run = TestingCli.run("advise", "--workspace", directory.resolve("nothing").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("autotable init");
    }
}
