package io.autotable.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotable.catalog.Table;
import io.autotable.json.Json;
import io.autotable.repository.CatalogEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.data.BenchmarkGenerator;
import io.autotable.simulator.data.BenchmarkGenerators;
import io.autotable.simulator.load.CsvFormat;
import io.autotable.simulator.load.CsvWriter;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.testing.BenchmarkFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TestLoadCommand
{
    @TempDir
    Path directory;

    @Test
    void loadsAnUnloadSampleIntoTheDeclaredTableScaledToSvvTableInfosRows()
            throws Exception
    {
        Path workspace = directory.resolve("w");
        succeeds("catalog", "import", "ddl", BenchmarkFiles.path("redshift-tpcds/Cloud-DWB-Derived-from-TPCH/10GB/ddl.sql").toString(), "--workspace", workspace.toString());
        Path svv = directory.resolve("svv_table_info.csv");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("io/autotable/capture/redshift/svv_table_info.csv")) {
            Files.write(svv, in.readAllBytes());
        }
        succeeds("catalog", "import", "redshift-svv-table-info", svv.toString(), "--workspace", workspace.toString());
        // what UNLOAD ('SELECT * FROM orders WHERE random() < 0.001') TO ... GZIP writes, more or less: 1,500 rows
        BenchmarkGenerator tpch = BenchmarkGenerators.byName("tpch");
        Table orders = tpch.schema().stream().filter(table -> table.name().equals("orders")).findFirst().orElseThrow();
        Path sample = directory.resolve("orders_0000_part_00.gz");
        int[] taken = {0};
        CsvWriter.write(sample, orders, CsvFormat.unload(), true, sink -> tpch.generate("orders", 0.01, row -> {
            if (taken[0]++ % 10 == 0) {
                sink.accept(row);
            }
        }));

        TestingCli.Run run = succeeds("load", "orders", sample.toString(), "--format", "unload", "--sample-of", "--workspace", workspace.toString());

        assertThat(run.out())
                .contains("Columns of orders, from the catalog:")
                .contains("o_totalprice                     DECIMAL(12,2) NOT NULL")
                .contains("Loaded 1,500 rows into orders")
                .contains("0 rows rejected")
                .contains("scaled to the table's 1,499,000 rows");
        JsonNode table = table(catalogJson(workspace), "orders");
        assertThat(table.get("state").asText()).isEqualTo("COMPLETE");
        assertThat(table.get("origin").asText()).isEqualTo("load orders_0000_part_00.gz (a sample of 1500 rows, scaled to 1499000)");
        assertThat(table.get("rows").asLong()).isEqualTo(1_499_000);
        JsonNode orderkey = table.get("columns").get(0);
        assertThat(orderkey.get("distinct").asLong()).isEqualTo(1_499_000);
        assertThat(orderkey.get("distinctExact").asBoolean()).isFalse();
        assertThat(table.get("design").get("distkey").asText()).isEqualTo("o_custkey");
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(new Workspace(workspace))) {
            assertThat(warehouse.rowCount("orders")).isEqualTo(1_500);
        }
    }

    @Test
    void rejectedRowsGoToTheWorkspacesReportsAndMaxErrorsStopsWithExitCode1()
            throws Exception
    {
        Path workspace = directory.resolve("w");
        succeeds("load", "kv", Files.writeString(directory.resolve("first.csv"), "k,v\n1,a\n").toString(), "--workspace", workspace.toString());
        Path good = Files.writeString(directory.resolve("good.csv"), "k,v\n1,a\n2,b\nx,c\n");
        TestingCli.Run first = succeeds("load", "kv", good.toString(), "--no-progress", "--workspace", workspace.toString());
        assertThat(first.out()).contains("Loaded 2 rows into kv").contains("1 row rejected");
        assertThat(first.err()).contains("autotable: rejected %s:4: column 1 (k SMALLINT): 'x' is not an integer".formatted(good));
        try (Stream<Path> reports = Files.list(workspace.resolve("reports"))) {
            Path rejects = reports.filter(path -> path.getFileName().toString().startsWith("load-rejects-kv-")).findFirst().orElseThrow();
            assertThat(Files.readString(rejects)).isEqualTo("%s:4: column 1 (k SMALLINT): 'x' is not an integer\tx,c\n".formatted(good));
        }

        Path bad = Files.writeString(directory.resolve("bad.csv"), "k,v\n3,c\ny,d\nz,e\n");
        TestingCli.Run stopped = TestingCli.run("load", "kv", bad.toString(), "--max-errors", "1", "--workspace", workspace.toString());

        assertThat(stopped.exitCode()).isEqualTo(AutotableCommand.EXIT_USER_ERROR);
        assertThat(stopped.err()).contains("autotable: the load stopped at its 2nd rejected row (--max-errors 1), %s:4: table kv is unchanged".formatted(bad));
        assertThat(rowCount(workspace, "kv")).isEqualTo(2);
    }

    @Test
    void aMissingFileOrATableWithNeitherDdlNorDataIsOneLineAndExitCode1()
            throws Exception
    {
        Path workspace = directory.resolve("w");
        TestingCli.Run missing = TestingCli.run("load", "t", directory.resolve("nope.csv").toString(), "--workspace", workspace.toString());
        assertThat(missing.exitCode()).isEqualTo(AutotableCommand.EXIT_USER_ERROR);
        assertThat(missing.err()).isEqualTo("autotable: %s does not exist: check the path; nothing was loaded%n".formatted(directory.resolve("nope.csv")));
        assertThat(missing.out()).isEmpty();

        Path empty = Files.writeString(directory.resolve("empty.csv"), "");
        TestingCli.Run nothing = TestingCli.run("load", "t", empty.toString(), "--workspace", workspace.toString());
        assertThat(nothing.exitCode()).isEqualTo(AutotableCommand.EXIT_USER_ERROR);
        assertThat(nothing.err()).isEqualTo("autotable: table t is not in the catalog and %s has no rows to infer its columns from: import its DDL first ('autotable catalog import ddl FILE')%n".formatted(empty));

        TestingCli.Run badOption = TestingCli.run("load", "t", empty.toString(), "--delimiter", "ab", "--workspace", workspace.toString());
        assertThat(badOption.exitCode()).isEqualTo(AutotableCommand.EXIT_USER_ERROR);
        assertThat(badOption.err()).isEqualTo("autotable: --delimiter takes one character (or \\t, tab, none), got 'ab'%n".formatted());
    }

    @Test
    void aTerminatedLoadLeavesThePreviousTableAsItWas()
            throws Exception
    {
        Path workspace = directory.resolve("w");
        succeeds("load", "n", Files.writeString(directory.resolve("first.txt"), "1|one\n2|two\n").toString(), "--format", "unload", "--workspace", workspace.toString());
        Table before;
        try (WorkloadRepository repository = WorkloadRepository.openExisting(new Workspace(workspace))) {
            before = repository.catalog().table("n");
        }
        Path big = directory.resolve("big.txt");
        CsvWriter.write(big, Table.declared("n", before.columns()), CsvFormat.unload(), false, sink -> {
            for (long i = 0; i < 300_000; i++) {
                sink.accept(new Object[] {i % 30_000, "v" + i % 10});
            }
        });
        Process load = new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "load", "n", big.toString(), "--format", "unload", "--no-progress", "--workspace", workspace.toString())
                .redirectErrorStream(true)
                .start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (line.strip().startsWith("column_2")) {
                    // the columns are shown, the rows are flowing: stop the process as a user or a scheduler would
                    load.toHandle().destroy();
                }
            }
        }
        assertThat(load.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(load.exitValue()).as(output.toString()).isNotZero();
        assertThat(output).contains("table n is unchanged");

        try (WorkloadRepository repository = WorkloadRepository.openExisting(new Workspace(workspace))) {
            assertThat(repository.catalogEntry("n")).get().extracting(CatalogEntry::state).isEqualTo(TableState.COMPLETE);
            assertThat(repository.catalog().table("n")).isEqualTo(before);
        }
        assertThat(rowCount(workspace, "n")).isEqualTo(2);
    }

    private static TestingCli.Run succeeds(String... args)
    {
        TestingCli.Run run = TestingCli.run(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static long rowCount(Path workspace, String table)
    {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(new Workspace(workspace))) {
            return warehouse.rowCount(table);
        }
    }

    private static JsonNode catalogJson(Path workspace)
            throws Exception
    {
        TestingCli.Run run = succeeds("catalog", "--workspace", workspace.toString(), "--format", "json");
        return Json.mapper().readTree(run.out());
    }

    private static JsonNode table(JsonNode catalog, String name)
    {
        for (JsonNode table : catalog.get("tables")) {
            if (table.get("name").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + catalog);
    }
}
