package io.autotable.cli;

import io.autotable.advisor.Advice;
import io.autotable.advisor.AdvisorConfig;
import io.autotable.advisor.Recommendation;
import io.autotable.advisor.SortKeyChooser;
import io.autotable.advisor.ddl.EmbeddedDdl;
import io.autotable.advisor.ddl.RedshiftDdl;
import io.autotable.advisor.encoding.WorkloadAwareEncodings;
import io.autotable.advisor.plan.DesignAdvisor;
import io.autotable.advisor.whatif.WorkloadWhatIf;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.catalog.Table;
import io.autotable.distkey.DistKeySolver;
import io.autotable.distkey.DistributionAdvice;
import io.autotable.distkey.DistributionAdvisor;
import io.autotable.distkey.DistributionCostModel;
import io.autotable.design.PhysicalDesign;
import io.autotable.repository.EventSpan;
import io.autotable.repository.EventWindow;
import io.autotable.repository.Exclusion;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.workload.QueryGroup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The whole advice on a workspace: its analysed workload and the tables loaded in its embedded
 * warehouse, laid out on the simulated cluster, run through {@link DesignAdvisor} with the
 * join-graph distribution advice, the sort-key chooser and the workload-aware encodings.
 */
final class WorkspaceAdvice
{
    /**
     * What advising needs besides the workspace.
     *
     * @param cluster the simulated target cluster (the distribution cost model uses its nodes and slices)
     * @param maxSkew the largest predicted slice imbalance a distribution key may cause
     * @param solver the distribution-key solver
     * @param maxRows tables with more rows are laid out from a systematic sample
     */
    record Settings(ClusterModel cluster, double maxSkew, DistKeySolver solver, int maxRows, AdvisorConfig config, Optional<SortKeyChooser> sortKeys)
    {
        Settings
        {
            requireNonNull(cluster, "cluster is null");
            requireNonNull(solver, "solver is null");
            requireNonNull(config, "config is null");
            requireNonNull(sortKeys, "sortKeys is null");
        }
    }

    private WorkspaceAdvice() {}

    static Advice advise(WorkloadRepository repository, EmbeddedWarehouse warehouse, WorkloadAnalysis analysis, Settings settings, DesignAdvisor.Listener listener)
    {
        return advise(repository, warehouse, analysis, EventWindow.all(), repository.design(), settings, listener);
    }

    /**
     * Advice on the events of one window (the analysis must be of the same window), starting from
     * the given design: the daemon's sliding window, and its designs not yet applied in a replay.
     * Tables the user excluded keep their excluded settings.
     */
    static Advice advise(WorkloadRepository repository, EmbeddedWarehouse warehouse, WorkloadAnalysis analysis, EventWindow window, PhysicalDesign current,
            Settings settings, DesignAdvisor.Listener listener)
    {
        AdvisorConfig config = settings.config().withExcluded(excluded(repository.exclusions()));
        double days = repository.eventSpan(window).map(EventSpan::days).orElse(1.0);
        Optional<DistributionAdvice> distribution = Optional.empty();
        if (settings.config().kinds().contains(Recommendation.Kind.DISTRIBUTION)) {
            DistributionCostModel cost = new DistributionCostModel(settings.cluster().nodes(), settings.cluster().slicesPerNode(), settings.maxSkew());
            distribution = Optional.of(new DistributionAdvisor(cost, settings.solver()).advise(analysis.workload(), repository.catalog(), current, days));
        }
        List<WorkloadWhatIf.Statement> statements = WorkloadWhatIf.statements(analysis.workload());
        Map<String, String> sql = new HashMap<>();
        for (QueryGroup group : analysis.workload().groups()) {
            sql.put(group.fingerprint(), group.sql());
        }
        List<List<WorkloadWhatIf.Statement>> halves = halves(repository, window, statements);
        List<Table> tables = SimulatedWarehouse.tablesWithData(repository, warehouse);
        DesignAdvisor.Input input = new DesignAdvisor.Input(settings.cluster(), repository.catalog(), current, tables,
                SimulatedWarehouse.cachedReader(repository, warehouse, settings.maxRows()), statements, halves.get(0), halves.get(1), sql, distribution);
        DesignAdvisor advisor = new DesignAdvisor(config, settings.sortKeys(), WorkloadAwareEncodings::defaults, List.of(new RedshiftDdl(), new EmbeddedDdl()));
        return advisor.advise(input, listener);
    }

    static Map<String, Set<Recommendation.Kind>> excluded(List<Exclusion> exclusions)
    {
        Map<String, Set<Recommendation.Kind>> excluded = new HashMap<>();
        for (Exclusion exclusion : exclusions) {
            Set<Recommendation.Kind> kinds = excluded.computeIfAbsent(exclusion.table(), ignored -> EnumSet.noneOf(Recommendation.Kind.class));
            if (exclusion.kind().isEmpty()) {
                kinds.addAll(EnumSet.allOf(Recommendation.Kind.class));
            }
            else {
                kinds.add(Recommendation.Kind.valueOf(exclusion.kind().get().toUpperCase(Locale.ROOT)));
            }
        }
        return excluded;
    }

    /** The statements weighted by their runs before and after the middle of the log's time span. */
    private static List<List<WorkloadWhatIf.Statement>> halves(WorkloadRepository repository, EventWindow window, List<WorkloadWhatIf.Statement> statements)
    {
        Optional<EventSpan> span = repository.eventSpan(window);
        Map<String, double[]> runs = new HashMap<>();
        if (span.isPresent()) {
            Instant middle = span.get().first().plus(span.get().duration().dividedBy(2));
            boolean instant = span.get().duration().isZero();
            repository.forEachEvent(window, event -> {
                double[] counts = runs.computeIfAbsent(event.fingerprint(), ignored -> new double[2]);
                if (instant) {
                    // one moment: both halves are the whole log
                    counts[0]++;
                    counts[1]++;
                }
                else {
                    counts[event.start().isBefore(middle) ? 0 : 1]++;
                }
            });
        }
        List<WorkloadWhatIf.Statement> first = new ArrayList<>();
        List<WorkloadWhatIf.Statement> second = new ArrayList<>();
        for (WorkloadWhatIf.Statement statement : statements) {
            double[] counts = runs.getOrDefault(statement.fingerprint(), new double[2]);
            first.add(new WorkloadWhatIf.Statement(statement.fingerprint(), counts[0], statement.shape()));
            second.add(new WorkloadWhatIf.Statement(statement.fingerprint(), counts[1], statement.shape()));
        }
        return List.of(first, second);
    }
}
