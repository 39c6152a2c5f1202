package io.autotable.cli;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Table;
import io.autotable.ddl.jsqlparser.JSqlParserDdlParser;
import io.autotable.design.PhysicalDesign;
import io.autotable.distkey.BestOfDistKeySolver;
import io.autotable.distkey.DistKeySolver;
import io.autotable.distkey.DistributionAdvice;
import io.autotable.distkey.DistributionAdvisor;
import io.autotable.distkey.DistributionCostModel;
import io.autotable.distkey.JoinGraph;
import io.autotable.distkey.JoinGraphBuilder;
import io.autotable.distkey.RandomJoinGraphs;
import io.autotable.distkey.exact.BranchAndBoundDistKeySolver;
import io.autotable.distkey.heuristic.GreedyDistKeySolver;
import io.autotable.distkey.heuristic.MatchingDistKeySolver;
import io.autotable.distkey.heuristic.MostJoinedColumnDistKeySolver;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.data.BenchmarkGenerator;
import io.autotable.simulator.data.BenchmarkGenerators;
import io.autotable.sql.Analysis;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.SqlStatements;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code autotable bench distkeys}: every distribution-key solver on a seeded random join graph of
 * benchmark size (1,000 tables, 10,000 edges by default) with its gap to the best bound, and on the
 * TPC-H and TPC-DS join graphs (each benchmark query run once, row counts at scale 1) beside AWS's
 * hand-tuned Redshift designs scored under the same weights.
 */
@Command(mixinStandardHelpOptions = true, name = "distkeys",
        description = "Time the distribution-key solvers on a seeded random join graph and on the TPC-H and TPC-DS join graphs (beside AWS's designs); reports time, colocated share, gap to the bound, heap peak.")
final class BenchDistKeys
        implements Callable<Integer>
{
    @Option(names = "--tables", defaultValue = "1000", description = "Tables of the random graph (default: ${DEFAULT-VALUE}).")
    int tables;

    @Option(names = "--edges", defaultValue = "10000", description = "Join edges of the random graph (default: ${DEFAULT-VALUE}).")
    int edges;

    @Option(names = "--columns", defaultValue = "4", description = "Most candidate columns per table (default: ${DEFAULT-VALUE}).")
    int columns;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--repeat", defaultValue = "5", description = "Runs per solver; the median time is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "2", description = "Time limit of the exact and best-of solvers on the random graph (default: ${DEFAULT-VALUE}).")
    double timeLimitSeconds;

    @Option(names = "--benchmarks", paramLabel = "DIR", defaultValue = "../shared/benchmarks",
            description = "Where the TPC-H and TPC-DS schemas, queries and AWS's Redshift DDL are (tpch/, tpcds/, redshift-tpcds/); skipped when missing (default: ${DEFAULT-VALUE}).")
    Path benchmarks;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        if (tables < 2 || edges < 0 || columns < 1 || repeat < 1 || !(timeLimitSeconds > 0)) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "bench distkeys needs --tables >= 2, --edges >= 0, --columns >= 1, --repeat >= 1 and --time-limit > 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        HeapPeaks.reset();
        Duration limit = Duration.ofMillis(Math.round(timeLimitSeconds * 1000));
        JoinGraph random = RandomJoinGraphs.generate(new SplittableRandom(seed), tables, columns, edges);
        out.printf(Locale.ROOT, "bench distkeys: random graph, seed %d: %,d tables, %,d edges, up to %d columns each%n", seed, random.tables().size(), random.edges().size(), columns);
        report(out, random, List.of(
                new MostJoinedColumnDistKeySolver(),
                new GreedyDistKeySolver(),
                new MatchingDistKeySolver(),
                new BranchAndBoundDistKeySolver(limit),
                new BestOfDistKeySolver(limit)), Optional.empty());
        out.printf(Locale.ROOT, "  heap peak %s of max %s%n", Formats.bytes(HeapPeaks.peak()), Formats.bytes(Runtime.getRuntime().maxMemory()));
        out.flush();

        if (!Files.isDirectory(benchmarks.resolve("tpch/queries")) || !Files.isDirectory(benchmarks.resolve("tpcds/queries"))) {
            out.printf(Locale.ROOT, "bench distkeys: %s has no tpch/queries or tpcds/queries: the TPC-H and TPC-DS runs are skipped (pass --benchmarks DIR)%n", benchmarks);
            return 0;
        }
        benchmark(out, "tpch", SqlDialect.ANSI, "redshift-tpcds/Cloud-DWB-Derived-from-TPCH/3TB/ddl.sql");
        benchmark(out, "tpcds", SqlDialect.SPARK, "redshift-tpcds/Cloud-DWB-Derived-from-TPCDS/3TB/ddl.sql");
        return 0;
    }

    private void benchmark(PrintWriter out, String name, SqlDialect dialect, String awsDdl)
    {
        BenchmarkGenerator generator = BenchmarkGenerators.byName(name);
        Catalog declared = new JSqlParserDdlParser().parse(benchmarks.resolve(name).resolve("schema.sql")).catalog();
        List<Table> sized = new ArrayList<>();
        java.util.Set<String> generated = new java.util.HashSet<>(generator.schema().stream().map(Table::name).toList());
        for (Table table : declared.tables()) {
            // sizes unknown: JoinGraphBuilder takes 8 bytes a row; tables the generator lacks (dbgen_version) stay empty
            sized.add(generated.contains(table.name()) ? table.withData(table.columns(), generator.expectedRows(table.name(), 1), 0) : table);
        }
        Catalog catalog = new Catalog(sized);
        Workload workload = workload(benchmarks.resolve(name).resolve("queries"), catalog, dialect);
        JoinGraph graph = JoinGraphBuilder.build(workload, catalog, DistributionCostModel.DEFAULT);
        PhysicalDesign aws = new JSqlParserDdlParser().parse(benchmarks.resolve(awsDdl)).design();
        out.printf(Locale.ROOT, "bench distkeys: %s, every query once, row counts at scale 1: %d tables, %d edges%n", name, graph.tables().size(), graph.edges().size());
        Duration limit = Duration.ofSeconds(30);
        report(out, graph, List.of(
                new MostJoinedColumnDistKeySolver(),
                new GreedyDistKeySolver(),
                new MatchingDistKeySolver(),
                new BranchAndBoundDistKeySolver(limit),
                new BestOfDistKeySolver(limit)), Optional.of(aws));

        long start = System.nanoTime();
        DistributionAdvice advice = new DistributionAdvisor(DistributionCostModel.DEFAULT, new BestOfDistKeySolver()).advise(workload, catalog, aws, 1);
        long nanos = System.nanoTime() - start;
        out.printf(Locale.ROOT, "  with ALL and EVEN (copies paid): advised %s of the join weight local, net %s; AWS's design %s local, net %s (%d ms)%n",
                Formats.percent(advice.colocatedWeight() / advice.totalWeight()), share(advice.netSavedBytes(), advice.totalWeight()),
                Formats.percent(advice.current().colocatedWeight() / advice.totalWeight()), share(advice.current().netSavedBytes(), advice.totalWeight()),
                nanos / 1_000_000);
        for (DistributionAdvice.TableAdvice table : advice.tables()) {
            if (table.changes()) {
                out.printf(Locale.ROOT, "    %-24s AWS %-22s advised %-22s %s%n", table.table(), table.current(), table.recommended(), table.reason());
            }
        }
        out.flush();
    }

    private static String share(double bytes, double total)
    {
        return Formats.percent(bytes / total);
    }

    private void report(PrintWriter out, JoinGraph graph, List<DistKeySolver> solvers, Optional<PhysicalDesign> aws)
    {
        List<DistKeySolver.Plan> plans = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        for (DistKeySolver solver : solvers) {
            long[] nanos = new long[repeat];
            DistKeySolver.Plan plan = null;
            for (int run = 0; run < repeat; run++) {
                long start = System.nanoTime();
                plan = solver.solve(graph);
                nanos[run] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            plans.add(plan);
            medians.add(nanos[repeat / 2] / 1e6);
        }
        double bound = plans.stream().mapToDouble(DistKeySolver.Plan::upperBound).min().orElse(graph.totalWeight());
        double total = graph.totalWeight();
        out.printf(Locale.ROOT, "  best bound %s of the join weight%n", Formats.percent(bound / total));
        for (int i = 0; i < solvers.size(); i++) {
            DistKeySolver.Plan plan = plans.get(i);
            out.printf(Locale.ROOT, "  %-36s %10.2f ms  colocated %6s  gap to best bound %6s%s%n", plan.solver(), medians.get(i),
                    Formats.percent(plan.colocatedWeight() / total), Formats.percent((bound - plan.colocatedWeight()) / bound),
                    plan.optimal() ? "  proven optimal" : "");
        }
        aws.ifPresent(design -> {
            java.util.Map<String, Optional<String>> keys = new java.util.HashMap<>();
            for (String table : graph.tables()) {
                keys.put(table, DistributionAdvisor.currentOf(design, table).distkey());
            }
            out.printf(Locale.ROOT, "  %-36s %13s  colocated %6s  (its KEY tables only)%n", "AWS hand-tuned keys", "", Formats.percent(graph.colocatedWeight(keys) / total));
        });
    }

    private static Workload workload(Path queries, Catalog catalog, SqlDialect dialect)
    {
        CalciteSqlAnalyzer analyzer = new CalciteSqlAnalyzer();
        List<QueryGroup> groups = new ArrayList<>();
        try (Stream<Path> files = Files.list(queries)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".sql")).sorted().toList()) {
                int index = 0;
                for (String sql : SqlStatements.split(Files.readString(file))) {
                    Analysis analysis = analyzer.analyze(sql, catalog, dialect);
                    String id = file.getFileName() + "#" + index++;
                    groups.add(analysis.shape().isPresent()
                            ? new QueryGroup(id, 1, 1_000_000, sql, analysis.shape(), Optional.empty())
                            : new QueryGroup(id, 1, 1_000_000, sql, Optional.empty(), Optional.of(analysis.error().map(Object::toString).orElse("not analysed"))));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + queries, e);
        }
        return new Workload(groups);
    }
}
