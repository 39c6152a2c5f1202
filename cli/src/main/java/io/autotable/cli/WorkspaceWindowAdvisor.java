package io.autotable.cli;

import io.autotable.advisor.Advice;
import io.autotable.advisor.daemon.WindowAdvisor;
import io.autotable.advisor.plan.DesignAdvisor;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.design.PhysicalDesign;
import io.autotable.repository.EventWindow;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.sql.SqlDialect;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The daemon's view of a workspace: advice on the events that arrived in a window (the whole
 * advisor, as {@code advise} runs it), and the simulated seconds of a window's events under a
 * design ({@link WindowCost}, which lays each table out once per design).
 */
final class WorkspaceWindowAdvisor
        implements WindowAdvisor
{
    private final WorkloadRepository repository;
    private final EmbeddedWarehouse warehouse;
    private final WorkspaceAdvice.Settings settings;
    private final WindowCost cost;

    WorkspaceWindowAdvisor(WorkloadRepository repository, EmbeddedWarehouse warehouse, WorkspaceAdvice.Settings settings, SqlDialect dialect)
    {
        this.repository = requireNonNull(repository, "repository is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.cost = new WindowCost(repository, warehouse, settings.cluster(), settings.maxRows(), requireNonNull(dialect, "dialect is null"));
    }

    @Override
    public Advice advise(Instant from, Instant to, PhysicalDesign current)
    {
        EventWindow window = EventWindow.between(from, to);
        WorkloadAnalysis analysis = cost.analysis(window);
        if (analysis.parsed() == 0) {
            Advice.Totals none = new Advice.Totals(0, 0, 0, 0);
            return new Advice(none, none, List.of(), List.of(), List.of(), current);
        }
        return WorkspaceAdvice.advise(repository, warehouse, analysis, window, current, settings, DesignAdvisor.Listener.none());
    }

    @Override
    public double simulatedSeconds(Instant from, Instant to, PhysicalDesign design)
    {
        return cost.seconds(EventWindow.between(from, to), design);
    }
}
