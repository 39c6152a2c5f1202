package io.autotable.cli;

import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.analysis.WorkloadAnalyzer;
import io.autotable.design.Encoding;
import io.autotable.design.PhysicalDesign;
import io.autotable.distkey.BestOfDistKeySolver;
import io.autotable.distkey.DistributionAdvice;
import io.autotable.distkey.DistributionAdvisor;
import io.autotable.distkey.DistributionCostModel;
import io.autotable.repository.EventSpan;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;

import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The design {@code replay --design recommended} replays: the current design with the distribution
 * advice and the encodings advice applied, each with its defaults (best-of key solver, the learned
 * encoding selector on samples of 100,000 rows), for the replayed cluster's nodes and slices. Sort
 * keys stay as they are until sort-key advice exists.
 */
final class RecommendedDesign
        implements DesignSource.Recommendations
{
    private final ClusterModel cluster;

    RecommendedDesign(ClusterModel cluster)
    {
        this.cluster = requireNonNull(cluster, "cluster is null");
    }

    @Override
    public PhysicalDesign recommended(WorkloadRepository repository)
    {
        WorkloadAnalysis analysis = new WorkloadAnalyzer(new CalciteSqlAnalyzer(), SqlDialect.REDSHIFT).analyze(repository);
        double days = repository.eventSpan().map(EventSpan::days).orElse(1.0);
        DistributionCostModel cost = new DistributionCostModel(cluster.nodes(), cluster.slicesPerNode());
        DistributionAdvice distribution = new DistributionAdvisor(cost, new BestOfDistKeySolver()).advise(analysis.workload(), repository.catalog(), repository.design(), days);

        Map<String, Map<String, Encoding>> encodings = new HashMap<>();
        for (EncodingsAdvice.ColumnEntry column : EncodingsAdvice.advise(repository, EncodingsAdvice.Options.defaults()).columns()) {
            encodings.computeIfAbsent(column.table(), ignored -> new HashMap<>()).put(column.column(), Encoding.valueOf(column.recommended()));
        }

        PhysicalDesign design = repository.design();
        for (DistributionAdvice.TableAdvice table : distribution.tables()) {
            if (design.tables().containsKey(table.table())) {
                design = design.with(table.table(), design.table(table.table()).withDistribution(table.recommended().style(), table.recommended().distkey()));
            }
        }
        for (Map.Entry<String, Map<String, Encoding>> table : encodings.entrySet()) {
            if (design.tables().containsKey(table.getKey())) {
                design = design.with(table.getKey(), design.table(table.getKey()).withEncodings(table.getValue()));
            }
        }
        return design;
    }
}
