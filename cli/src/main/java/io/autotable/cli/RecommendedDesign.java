package io.autotable.cli;

import io.autotable.advisor.AdvisorConfig;
import io.autotable.advisor.plan.DesignAdvisor;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.analysis.WorkloadAnalyzer;
import io.autotable.design.PhysicalDesign;
import io.autotable.distkey.BestOfDistKeySolver;
import io.autotable.distkey.DistributionCostModel;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;

import static java.util.Objects.requireNonNull;

/**
 * The design {@code replay --design recommended} replays: what {@code advise} recommends with its
 * defaults (every kind of change, the best-of key solver, a minimum benefit of 0.5%) for the
 * replayed cluster, applied to the current design.
 */
final class RecommendedDesign
        implements DesignSource.Recommendations
{
    private final ClusterModel cluster;
    private final EmbeddedWarehouse warehouse;
    private final int maxRows;

    RecommendedDesign(ClusterModel cluster, EmbeddedWarehouse warehouse, int maxRows)
    {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.maxRows = maxRows;
    }

    @Override
    public PhysicalDesign recommended(WorkloadRepository repository)
    {
        WorkloadAnalysis analysis = new WorkloadAnalyzer(new CalciteSqlAnalyzer(), SqlDialect.REDSHIFT).analyze(repository);
        WorkspaceAdvice.Settings settings = new WorkspaceAdvice.Settings(cluster, DistributionCostModel.DEFAULT_MAX_SLICE_IMBALANCE, new BestOfDistKeySolver(),
                maxRows, AdvisorConfig.defaults(), SortKeys.shipped(analysis.workload(), cluster));
        return WorkspaceAdvice.advise(repository, warehouse, analysis, settings, DesignAdvisor.Listener.none()).design();
    }
}
