package io.autotable.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotable.json.Json;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkspaceLock;
import io.autotable.testing.BenchmarkFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestInitAndCatalog
{
    @TempDir
    Path directory;

    private static JsonNode catalogJson(Path workspace)
            throws Exception
    {
        TestingCli.Run run = TestingCli.run("catalog", "--workspace", workspace.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Json.mapper().readTree(run.out());
    }

    private static Map<String, Long> rowCounts(JsonNode catalog)
    {
        Map<String, Long> rows = new HashMap<>();
        catalog.get("tables").forEach(table -> rows.put(table.get("name").asText(), table.get("rows").asLong()));
        return rows;
    }

    @Test
    void tpchAtTheSmallestScaleHasTheSpecificationsRowCounts()
            throws Exception
    {
        Path workspace = directory.resolve("w");
        TestingCli.Run init = TestingCli.run("init", "--benchmark", "tpch", "--scale", "0.01", "--workspace", workspace.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("Loaded 8 tables, 86,805 rows");

        JsonNode catalog = catalogJson(workspace);

        assertThat(rowCounts(catalog)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "lineitem", 60_175L, "orders", 15_000L, "partsupp", 8_000L, "part", 2_000L,
                "customer", 1_500L, "supplier", 100L, "nation", 25L, "region", 5L));
        JsonNode lineitem = table(catalog, "lineitem");
        assertThat(lineitem.get("state").asText()).isEqualTo("COMPLETE");
        JsonNode orderkey = lineitem.get("columns").get(0);
        assertThat(orderkey.get("name").asText()).isEqualTo("l_orderkey");
        assertThat(orderkey.get("type").asText()).isEqualTo("INTEGER");
        assertThat(orderkey.get("distinct").asLong()).isEqualTo(15_000);
        assertThat(orderkey.get("nullFraction").asDouble()).isZero();
        JsonNode design = lineitem.get("design");
        assertThat(design.get("distribution").asText()).isEqualTo("EVEN");
        assertThat(design.has("distkey")).isTrue();
        assertThat(design.get("distkey").isNull()).isTrue();
        assertThat(design.get("sortkey")).isEmpty();
        assertThat(design.get("encodings").get("l_comment").asText()).isEqualTo("RAW");
    }

    @Test
    void tpcdsAndSsbLoadAtTheSmallestScale()
            throws Exception
    {
        Path tpcds = directory.resolve("tpcds");
        TestingCli.Run run = TestingCli.run("init", "--benchmark", "tpcds", "--scale", "0.01", "--workspace", tpcds.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode catalog = catalogJson(tpcds);
        assertThat(catalog.get("tables").size()).isEqualTo(24);
        assertThat(rowCounts(catalog)).containsEntry("date_dim", 73_049L).containsEntry("call_center", 2L);
        assertThat(rowCounts(catalog).get("store_sales")).isPositive();

        Path ssb = directory.resolve("ssb");
        run = TestingCli.run("init", "--benchmark", "ssb", "--scale", "0.01", "--workspace", ssb.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(rowCounts(catalogJson(ssb))).containsEntry("dwdate", 2_556L).containsEntry("customer", 300L).containsKey("lineorder");
    }

    @Test
    void importingAwsTpcdsDdlSetsItsDesignOnTheLoadedTables()
            throws Exception
    {
        Path workspace = directory.resolve("w");
        assertThat(TestingCli.run("init", "--benchmark", "tpcds", "--workspace", workspace.toString()).exitCode()).isZero();

        TestingCli.Run run = TestingCli.run("catalog", "import", BenchmarkFiles.path("redshift-tpcds/Cloud-DWB-Derived-from-TPCDS/1TB/ddl.sql").toString(),
                "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("design set on 24 loaded tables");
        JsonNode catalog = catalogJson(workspace);
        JsonNode storeSales = table(catalog, "store_sales").get("design");
        assertThat(storeSales.get("distribution").asText()).isEqualTo("KEY");
        assertThat(storeSales.get("distkey").asText()).isEqualTo("ss_item_sk");
        assertThat(storeSales.get("sortkey").get(0).asText()).isEqualTo("ss_sold_date_sk");
        assertThat(table(catalog, "date_dim").get("design").get("distribution").asText()).isEqualTo("ALL");
        assertThat(table(catalog, "store_sales").get("state").asText()).isEqualTo("COMPLETE");
    }

    @Test
    void anSvvTableInfoExportSetsRowsAndDesignOfDeclaredTables()
            throws Exception
    {
        Path workspace = directory.resolve("exports");
        TestingCli.Run ddl = TestingCli.run("catalog", "import", "ddl", BenchmarkFiles.path("redshift-tpcds/Cloud-DWB-Derived-from-TPCH/10GB/ddl.sql").toString(),
                "--workspace", workspace.toString());
        assertThat(ddl.exitCode()).as(ddl.err()).isZero();
        Path export = directory.resolve("svv_table_info.csv");
        try (var in = getClass().getClassLoader().getResourceAsStream("io/autotable/capture/redshift/svv_table_info.csv")) {
            Files.write(export, in.readAllBytes());
        }

        TestingCli.Run run = TestingCli.run("catalog", "import", "redshift-svv-table-info", export.toString(), "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("unknown_table");
        JsonNode orders = table(catalogJson(workspace), "orders");
        assertThat(orders.get("state").asText()).isEqualTo("DECLARED");
        assertThat(orders.get("rows").asLong()).isEqualTo(1_499_000);
        assertThat(orders.get("design").get("distribution").asText()).isEqualTo("KEY");
        assertThat(orders.get("design").get("distkey").asText()).isEqualTo("o_custkey");
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

    @Test
    void badRequestsExitWithOneClearLineAndWriteNothing()
            throws Exception
    {
        Path workspace = directory.resolve("untouched");

        assertUserError(TestingCli.run("init", "--benchmark", "tpcx", "--workspace", workspace.toString()), "tpcx", "tpch");
        assertUserError(TestingCli.run("init", "--benchmark", "tpch", "--scale", "0", "--workspace", workspace.toString()), "scale 0");
        assertUserError(TestingCli.run("init", "--benchmark", "tpch", "--scale", "-1", "--workspace", workspace.toString()), "scale -1");
        assertUserError(TestingCli.run("init", "--benchmark", "tpch", "--scale", "100000", "--workspace", workspace.toString()), "scale 100000");
        assertUserError(TestingCli.run("init", "--benchmark", "tpch", "--scale", "lots", "--workspace", workspace.toString()), "lots");
        assertUserError(TestingCli.run("init", "--benchmark", "tpch", "--frobnicate", "--workspace", workspace.toString()), "--frobnicate");
        assertUserError(TestingCli.run("catalog", "--workspace", workspace.toString()), "no autotable workspace", "autotable init");
        assertUserError(TestingCli.run("catalog", "import", directory.resolve("missing.sql").toString(), "--workspace", workspace.toString()), "missing.sql");
        assertUserError(TestingCli.run("catalog", "import", "xml", "schema.xml", "--workspace", workspace.toString()), "xml");

        assertThat(workspace).doesNotExist();
    }

    @Test
    void aDdlFileThatDoesNotParseNamesFileAndLineAndChangesNothing()
            throws Exception
    {
        Path workspace = directory.resolve("w");
        Path ddl = Files.writeString(directory.resolve("bad.sql"), "create table a (x int);\n\ncreate table b (y int,, z int);\n");

        assertUserError(TestingCli.run("catalog", "import", ddl.toString(), "--workspace", workspace.toString()), "bad.sql:3");
        assertThat(workspace).doesNotExist();
    }

    @Test
    void anUnwritableOrLockedWorkspaceIsAUserError()
            throws Exception
    {
        Path file = Files.writeString(directory.resolve("a-file"), "x");
        assertUserError(TestingCli.run("init", "--benchmark", "tpch", "--workspace", file.toString()), "a-file");

        Path workspace = directory.resolve("w");
        try (WorkspaceLock ignored = WorkspaceLock.acquire(new Workspace(workspace), "another init")) {
            assertUserError(TestingCli.run("init", "--benchmark", "tpch", "--workspace", workspace.toString()), "being changed by another autotable process");
        }
    }

    private static void assertUserError(TestingCli.Run run, String... mentions)
    {
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(AutotableCommand.EXIT_USER_ERROR);
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).startsWith("autotable: ").contains(mentions);
    }
}
