package io.autotable.cli;

import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.analysis.WorkloadAnalyzer;
import io.autotable.catalog.Table;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.cost.CostModel;
import io.autotable.simulator.layout.StorageLayout;
import io.autotable.simulator.layout.WarehouseLayouts;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.QueryShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code autotable bench replay}: once a workspace's layouts are built, how many queries per second
 * the cost model prices: each query costs its analysed shape afresh (no cache), round-robin over
 * the workload's distinct statements, on one thread.
 */
@Command(mixinStandardHelpOptions = true, name = "replay", description = "Cost the workspace's analysed statements round-robin without a cache once layouts are built; reports queries/s, layout time and the heap's peak.")
final class BenchReplay
        implements Callable<Integer>
{
    @Mixin
    WorkspaceOptions workspaceOptions;

    @Option(names = "--design", defaultValue = "current", description = "current, initial or a design FILE (default: ${DEFAULT-VALUE}).")
    String design;

    @Mixin
    LayoutOptions layoutOptions;

    @Option(names = "--queries", defaultValue = "200000", description = "Queries to cost (default: ${DEFAULT-VALUE}).")
    int queries;


    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        ClusterModel model = layoutOptions.cluster();
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspaceOptions.workspace());
                EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspaceOptions.workspace())) {
            DesignSource.Named named = DesignSource.resolve(design, repository, new RecommendedDesign(model, warehouse, layoutOptions.maxRows()));
            WorkloadAnalysis analysis = new WorkloadAnalyzer(new CalciteSqlAnalyzer(), SqlDialect.REDSHIFT).analyze(repository);
            List<QueryShape> shapes = new ArrayList<>();
            for (QueryGroup group : analysis.workload().groups()) {
                group.shape().ifPresent(shapes::add);
            }
            if (shapes.isEmpty()) {
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "the workspace has no analysed statement to cost: import or generate a workload first");
            }
            List<Table> tables = SimulatedWarehouse.tablesWithData(repository, warehouse);
            double[] phases = new double[2];
            long started = System.nanoTime();
            Map<String, StorageLayout> layouts = WarehouseLayouts.build(SimulatedWarehouse.cachedReader(repository, warehouse, layoutOptions.maxRows()), tables, List.of(named.design()), model, (table, rows, read, layout) -> {
                phases[0] += read;
                phases[1] += layout;
            }).get(0);
            double layoutSeconds = (System.nanoTime() - started) / 1e9;
            CostModel costs = new CostModel(model, repository.catalog(), layouts);
            double checksum = 0;
            // warm up the JIT on a tenth of the run, then measure
            for (int i = 0; i < Math.max(1, queries / 10); i++) {
                checksum += costs.cost(shapes.get(i % shapes.size())).seconds();
            }
            long costing = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                checksum += costs.cost(shapes.get(i % shapes.size())).seconds();
            }
            double elapsed = (System.nanoTime() - costing) / 1e9;
            out.printf(Locale.ROOT, "bench replay: %,d queries over %d distinct statements costed in %.2f s: %,.0f queries/s (design %s, %s, checksum %.3f)%n",
                    queries, shapes.size(), elapsed, queries / elapsed, named.name(), model.name(), checksum);
            out.printf(Locale.ROOT, "  layouts of %d tables built in %.1f s (reading the data %.1f s, layout %.1f s); process CPU %.1f s, load average %.1f on %d cores; heap peak %s of max %s%n",
                    layouts.size(), layoutSeconds, phases[0], phases[1], BenchLayout.processCpuSeconds(), BenchLayout.loadAverage(), Runtime.getRuntime().availableProcessors(),
                    Formats.bytes(HeapPeaks.peak()), Formats.bytes(Runtime.getRuntime().maxMemory()));
            out.flush();
        }
        return 0;
    }
}
