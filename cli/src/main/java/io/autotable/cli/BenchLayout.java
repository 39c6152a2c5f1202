package io.autotable.cli;

import io.autotable.catalog.Table;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.StorageLayout;
import io.autotable.simulator.layout.WarehouseLayouts;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code autotable bench layout}: lays out every loaded table of a workspace under a design and
 * reports the time to read the data, the time to lay it out and the heap's peak.
 */
@Command(mixinStandardHelpOptions = true, name = "layout", description = "Lay out a workspace's tables under a design (slices, sort, encoded 1 MB blocks, zone maps); reports seconds per table and the heap's peak.")
final class BenchLayout
        implements Callable<Integer>
{
    @Mixin
    WorkspaceOptions workspaceOptions;

    @Option(names = "--design", defaultValue = "current", description = "current, initial or a design FILE (DDL or JSON) (default: ${DEFAULT-VALUE}).")
    String design;

    @Mixin
    LayoutOptions layoutOptions;


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
            List<Table> tables = SimulatedWarehouse.tablesWithData(repository, warehouse);
            out.printf(Locale.ROOT, "Laying out %d tables of %s under design %s on %s (%d nodes x %d slices)%n",
                    tables.size(), workspaceOptions.workspace().directory(), named.name(), model.name(), model.nodes(), model.slicesPerNode());
            double[] totals = new double[3];
            long started = System.nanoTime();
            Map<String, StorageLayout> layouts = WarehouseLayouts.build(SimulatedWarehouse.cachedReader(repository, warehouse, layoutOptions.maxRows()), tables, List.of(named.design()), model, (table, rows, read, layout) -> {
                out.printf(Locale.ROOT, "  %-24s %,12d rows  read %6.1f s  layout %6.1f s%n", table, rows, read, layout);
                out.flush();
                totals[0] += read;
                totals[1] += layout;
                totals[2] = Math.max(totals[2], liveHeapBytes());
            }).get(0);
            double elapsed = (System.nanoTime() - started) / 1e9;
            long blocks = 0;
            double encoded = 0;
            for (StorageLayout layout : layouts.values()) {
                blocks += layout.blocks();
                encoded += layout.encodedBytes();
            }
            out.printf(Locale.ROOT, "bench layout: %d tables in %.1f s (reading the data %.1f s, layout %.1f s; process CPU %.1f s, load average %.1f on %d cores); %,d blocks, %s encoded; heap peak %s of max %s%n",
                    layouts.size(), elapsed, totals[0], totals[1], processCpuSeconds(), loadAverage(), Runtime.getRuntime().availableProcessors(), blocks, Formats.bytes((long) encoded),
                    Formats.bytes(HeapPeaks.peak()), Formats.bytes(Runtime.getRuntime().maxMemory()));
            out.printf(Locale.ROOT, "  live heap after each table (its data and every layout so far still referenced), at most %s%n", Formats.bytes((long) totals[2]));
            out.flush();
        }
        return 0;
    }

    /** CPU time of this process so far: on a shared machine, fairer than wall time. */
    static double processCpuSeconds()
    {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** Heap in use after a full collection: what is live, not what is garbage yet. */
    static long liveHeapBytes()
    {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    static double loadAverage()
    {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
