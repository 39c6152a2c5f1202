package io.autotable.cli;

import io.autotable.advisor.whatif.WorkloadWhatIf;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.analysis.WorkloadAnalyzer;
import io.autotable.catalog.Table;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.repository.EventWindow;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.LayoutBuilder;
import io.autotable.simulator.layout.StorageLayout;
import io.autotable.simulator.layout.TableData;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The simulated seconds of the events that arrived in a window of time, under any design: what the
 * daemon's replay measures each period with and what {@code status} measures an applied change
 * with. Layouts are kept per table and design, and the last window's analysis is kept, so
 * measuring one window under two designs analyses it once and lays each table out once per design.
 */
final class WindowCost
{
    private final WorkloadRepository repository;
    private final ClusterModel cluster;
    private final WorkloadAnalyzer analyzer;
    private final List<Table> tables;
    private final Function<Table, TableData> data;
    private final LayoutBuilder builder;
    private final Map<String, Map<TableDesign, StorageLayout>> layouts = new HashMap<>();
    private EventWindow analysedWindow;
    private WorkloadAnalysis analysis;

    WindowCost(WorkloadRepository repository, EmbeddedWarehouse warehouse, ClusterModel cluster, int maxRows, SqlDialect dialect)
    {
        this.repository = requireNonNull(repository, "repository is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.analyzer = new WorkloadAnalyzer(new CalciteSqlAnalyzer(), requireNonNull(dialect, "dialect is null"));
        this.tables = SimulatedWarehouse.tablesWithData(repository, requireNonNull(warehouse, "warehouse is null"));
        this.data = SimulatedWarehouse.cachedReader(repository, warehouse, maxRows);
        this.builder = new LayoutBuilder(cluster);
    }

    /** The window's events, analysed (once for consecutive calls on the same window). */
    WorkloadAnalysis analysis(EventWindow window)
    {
        if (!window.equals(analysedWindow)) {
            analysis = analyzer.analyze(repository, window);
            analysedWindow = window;
        }
        return analysis;
    }

    /** The simulated seconds of the window's events under the design; 0 for a window with no parsed statement. */
    double seconds(EventWindow window, PhysicalDesign design)
    {
        WorkloadAnalysis windowAnalysis = analysis(window);
        if (windowAnalysis.parsed() == 0) {
            return 0;
        }
        Map<String, StorageLayout> designLayouts = new HashMap<>();
        for (Table table : tables) {
            TableDesign tableDesign = design.table(table.name());
            designLayouts.put(table.name(), layouts.computeIfAbsent(table.name(), ignored -> new HashMap<>())
                    .computeIfAbsent(tableDesign, ignored -> builder.build(data.apply(table), tableDesign)));
        }
        return new WorkloadWhatIf(cluster, repository.catalog(), windowAnalysis.workload(), designLayouts).total().seconds();
    }
}
