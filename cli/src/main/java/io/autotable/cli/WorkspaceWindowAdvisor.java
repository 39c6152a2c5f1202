package io.autotable.cli;

import io.autotable.advisor.Advice;
import io.autotable.advisor.daemon.WindowAdvisor;
import io.autotable.advisor.plan.DesignAdvisor;
import io.autotable.advisor.whatif.WorkloadWhatIf;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.analysis.WorkloadAnalyzer;
import io.autotable.catalog.Table;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.repository.EventWindow;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.layout.LayoutBuilder;
import io.autotable.simulator.layout.StorageLayout;
import io.autotable.simulator.layout.TableData;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The daemon's view of a workspace: advice on the events that arrived in a window (the whole
 * advisor, as {@code advise} runs it), and the simulated seconds of a window's events under a
 * design. Layouts are kept per table and design, so a replay that measures the same designs
 * period after period lays each out once.
 */
final class WorkspaceWindowAdvisor
        implements WindowAdvisor
{
    private final WorkloadRepository repository;
    private final EmbeddedWarehouse warehouse;
    private final WorkspaceAdvice.Settings settings;
    private final WorkloadAnalyzer analyzer;
    private final List<Table> tables;
    private final Function<Table, TableData> data;
    private final LayoutBuilder builder;
    private final Map<String, Map<TableDesign, StorageLayout>> layouts = new HashMap<>();
    // the replay costs each period under two designs: the period's events are analysed once
    private EventWindow analysedWindow;
    private WorkloadAnalysis analysis;

    WorkspaceWindowAdvisor(WorkloadRepository repository, EmbeddedWarehouse warehouse, WorkspaceAdvice.Settings settings, SqlDialect dialect)
    {
        this.repository = requireNonNull(repository, "repository is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.analyzer = new WorkloadAnalyzer(new CalciteSqlAnalyzer(), requireNonNull(dialect, "dialect is null"));
        this.tables = SimulatedWarehouse.tablesWithData(repository, warehouse);
        this.data = SimulatedWarehouse.cachedReader(repository, warehouse, settings.maxRows());
        this.builder = new LayoutBuilder(settings.cluster());
    }

    @Override
    public Advice advise(Instant from, Instant to, PhysicalDesign current)
    {
        EventWindow window = EventWindow.between(from, to);
        WorkloadAnalysis analysis = analysis(window);
        if (analysis.parsed() == 0) {
            Advice.Totals none = new Advice.Totals(0, 0, 0, 0);
            return new Advice(none, none, List.of(), List.of(), List.of(), current);
        }
        return WorkspaceAdvice.advise(repository, warehouse, analysis, window, current, settings, DesignAdvisor.Listener.none());
    }

    @Override
    public double simulatedSeconds(Instant from, Instant to, PhysicalDesign design)
    {
        WorkloadAnalysis analysis = analysis(EventWindow.between(from, to));
        if (analysis.parsed() == 0) {
            return 0;
        }
        Map<String, StorageLayout> designLayouts = new HashMap<>();
        for (Table table : tables) {
            TableDesign tableDesign = design.table(table.name());
            designLayouts.put(table.name(), layouts.computeIfAbsent(table.name(), ignored -> new HashMap<>())
                    .computeIfAbsent(tableDesign, ignored -> builder.build(data.apply(table), tableDesign)));
        }
        return new WorkloadWhatIf(settings.cluster(), repository.catalog(), analysis.workload(), designLayouts).total().seconds();
    }

    private WorkloadAnalysis analysis(EventWindow window)
    {
        if (!window.equals(analysedWindow)) {
            analysis = analyzer.analyze(repository, window);
            analysedWindow = window;
        }
        return analysis;
    }
}
