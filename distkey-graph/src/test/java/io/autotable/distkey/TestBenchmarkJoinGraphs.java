package io.autotable.distkey;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Table;
import io.autotable.ddl.jsqlparser.JSqlParserDdlParser;
import io.autotable.design.DistStyle;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.distkey.exact.BranchAndBoundDistKeySolver;
import io.autotable.distkey.heuristic.GreedyDistKeySolver;
import io.autotable.distkey.heuristic.MatchingDistKeySolver;
import io.autotable.distkey.heuristic.MostJoinedColumnDistKeySolver;
import io.autotable.sql.Analysis;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.SqlStatements;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.testing.BenchmarkFiles;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.Workload;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The solvers on the join graphs of the TPC-H and TPC-DS benchmark queries, each query run once,
 * with the tables' row counts at scale 1 (sizes estimated at 8 bytes a row).
 */
class TestBenchmarkJoinGraphs
{
    private static final Map<String, Long> TPCH_ROWS = Map.of(
            "lineitem", 6_001_215L, "orders", 1_500_000L, "partsupp", 800_000L, "part", 200_000L,
            "customer", 150_000L, "supplier", 10_000L, "nation", 25L, "region", 5L);

    private static final Map<String, Long> TPCDS_ROWS = Map.ofEntries(
            Map.entry("call_center", 6L), Map.entry("catalog_page", 11_718L), Map.entry("customer", 100_000L),
            Map.entry("customer_address", 50_000L), Map.entry("customer_demographics", 1_920_800L), Map.entry("date_dim", 73_049L),
            Map.entry("household_demographics", 7_200L), Map.entry("income_band", 20L), Map.entry("item", 18_000L),
            Map.entry("promotion", 300L), Map.entry("reason", 35L), Map.entry("ship_mode", 20L), Map.entry("store", 12L),
            Map.entry("time_dim", 86_400L), Map.entry("warehouse", 5L), Map.entry("web_page", 60L), Map.entry("web_site", 30L),
            Map.entry("catalog_returns", 144_067L), Map.entry("catalog_sales", 1_441_548L), Map.entry("inventory", 11_745_000L),
            Map.entry("store_returns", 287_514L), Map.entry("store_sales", 2_880_404L), Map.entry("web_returns", 71_763L),
            Map.entry("web_sales", 719_384L));

    private static Catalog catalog(String schema, Map<String, Long> rows)
    {
        Catalog declared = new JSqlParserDdlParser().parse(BenchmarkFiles.path(schema)).catalog();
        List<Table> tables = new ArrayList<>();
        for (Table table : declared.tables()) {
            tables.add(table.withData(table.columns(), rows.getOrDefault(table.name(), 0L), 0));
        }
        return new Catalog(tables);
    }

    private static JoinGraph graph(String queries, Catalog catalog, SqlDialect dialect)
            throws IOException
    {
        return JoinGraphBuilder.build(workload(queries, catalog, dialect), catalog, DistributionCostModel.DEFAULT);
    }

    private static Workload workload(String queries, Catalog catalog, SqlDialect dialect)
            throws IOException
    {
        CalciteSqlAnalyzer analyzer = new CalciteSqlAnalyzer();
        List<QueryGroup> groups = new ArrayList<>();
        try (Stream<Path> files = Files.list(BenchmarkFiles.root().resolve(queries))) {
            for (Path file : files.sorted().toList()) {
                int index = 0;
                for (String sql : SqlStatements.split(Files.readString(file))) {
                    Analysis analysis = analyzer.analyze(sql, catalog, dialect);
                    assertThat(analysis.error()).as(file.toString()).isEmpty();
                    groups.add(new QueryGroup(file.getFileName() + "#" + index++, 1, 1_000_000, sql, analysis.shape(), Optional.empty()));
                }
            }
        }
        return new Workload(groups);
    }

    /** AWS's hand-tuned keys from its Redshift DDL: KEY tables keep their key, ALL and EVEN tables have none. */
    private static Map<String, Optional<String>> awsKeys(String ddl, JoinGraph graph)
    {
        PhysicalDesign design = new JSqlParserDdlParser().parse(BenchmarkFiles.path(ddl)).design();
        Map<String, Optional<String>> keys = new HashMap<>();
        for (String table : graph.tables()) {
            TableDesign tableDesign = design.table(table);
            keys.put(table, tableDesign.distribution() == DistStyle.KEY ? tableDesign.distkey() : Optional.empty());
        }
        return keys;
    }

    @Test
    void theExactPlanColocatesAtLeastAsMuchAsAwsHandTunedKeys()
            throws IOException
    {
        JoinGraph tpch = graph("tpch/queries", catalog("tpch/schema.sql", TPCH_ROWS), SqlDialect.ANSI);
        JoinGraph tpcds = graph("tpcds/queries", catalog("tpcds/schema.sql", TPCDS_ROWS), SqlDialect.SPARK);

        double awsTpch = tpch.colocatedWeight(awsKeys("redshift-tpcds/Cloud-DWB-Derived-from-TPCH/3TB/ddl.sql", tpch));
        double awsTpcds = tpcds.colocatedWeight(awsKeys("redshift-tpcds/Cloud-DWB-Derived-from-TPCDS/3TB/ddl.sql", tpcds));

        assertThat(new BranchAndBoundDistKeySolver(Duration.ofSeconds(30)).solve(tpch).colocatedWeight()).isGreaterThanOrEqualTo(awsTpch);
        assertThat(new BranchAndBoundDistKeySolver(Duration.ofSeconds(30)).solve(tpcds).colocatedWeight()).isGreaterThanOrEqualTo(awsTpcds);
        assertThat(awsTpch).isPositive();
        assertThat(awsTpcds).isPositive();
    }

    @Test
    void provesTheOptimalPlanForTpchAndTpcds()
            throws IOException
    {
        JoinGraph tpch = graph("tpch/queries", catalog("tpch/schema.sql", TPCH_ROWS), SqlDialect.ANSI);
        JoinGraph tpcds = graph("tpcds/queries", catalog("tpcds/schema.sql", TPCDS_ROWS), SqlDialect.SPARK);

        for (JoinGraph graph : List.of(tpch, tpcds)) {
            DistKeySolver.Plan exact = new BranchAndBoundDistKeySolver(Duration.ofSeconds(30)).solve(graph);

            assertThat(exact.optimal()).isTrue();
            assertThat(exact.colocatedWeight()).isPositive().isLessThanOrEqualTo(exact.totalWeight());
            for (DistKeySolver heuristic : List.of(new MostJoinedColumnDistKeySolver(), new GreedyDistKeySolver(), new MatchingDistKeySolver())) {
                assertThat(heuristic.solve(graph).colocatedWeight()).isLessThanOrEqualTo(exact.colocatedWeight() * (1 + 1e-9));
            }
            assertThat(new BestOfDistKeySolver().solve(graph).colocatedWeight()).isEqualTo(exact.colocatedWeight());
        }
        assertThat(tpch.tables()).hasSize(8);
        assertThat(tpcds.tables().size()).isGreaterThanOrEqualTo(20);
        // lineitem and orders, the two biggest tables, join on the order key in most of TPC-H
        assertThat(new BranchAndBoundDistKeySolver(Duration.ofSeconds(30)).solve(tpch).key("lineitem")).contains("l_orderkey");
    }

    @Test
    void theAdvisedDesignSavesAtLeastAsMuchAsAwsHandTunedDesignWithItsAllTables()
            throws IOException
    {
        DistributionAdvisor advisor = new DistributionAdvisor(DistributionCostModel.DEFAULT, new BestOfDistKeySolver());
        for (List<String> benchmark : List.of(
                List.of("tpch/queries", "tpch/schema.sql", "ANSI", "redshift-tpcds/Cloud-DWB-Derived-from-TPCH/3TB/ddl.sql"),
                List.of("tpcds/queries", "tpcds/schema.sql", "SPARK", "redshift-tpcds/Cloud-DWB-Derived-from-TPCDS/3TB/ddl.sql"))) {
            Catalog catalog = catalog(benchmark.get(1), benchmark.get(0).startsWith("tpch") ? TPCH_ROWS : TPCDS_ROWS);
            PhysicalDesign aws = new JSqlParserDdlParser().parse(BenchmarkFiles.path(benchmark.get(3))).design();
            DistributionAdvice advice = advisor.advise(workload(benchmark.get(0), catalog, SqlDialect.valueOf(benchmark.get(2))), catalog, aws, 1);

            // AWS's design, scored as the current one: its ALL tables (TPC-DS has some) make their joins local and pay their copies
            assertThat(advice.current().colocatedWeight()).isPositive();
            assertThat(advice.netSavedBytes()).as(benchmark.get(0)).isGreaterThanOrEqualTo(advice.current().netSavedBytes());
            assertThat(advice.optimal()).isTrue();
            if (benchmark.get(0).startsWith("tpcds")) {
                assertThat(aws.tables().values()).anySatisfy(design -> assertThat(design.distribution()).isEqualTo(DistStyle.ALL));
                assertThat(advice.current().allCopyBytes()).isPositive();
            }
            // every table where the advice differs from AWS explains the difference with AWS's choice scored
            for (DistributionAdvice.TableAdvice table : advice.tables()) {
                if (table.changes()) {
                    assertThat(table.alternatives()).filteredOn(DistributionAdvice.Alternative::current).singleElement()
                            .satisfies(current -> assertThat(current.netSavedBytes()).isLessThanOrEqualTo(table.alternatives().get(0).netSavedBytes() + 1e-6));
                }
            }
        }
    }
}
