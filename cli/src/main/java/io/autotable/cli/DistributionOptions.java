package io.autotable.cli;

import io.autotable.distkey.BestOfDistKeySolver;
import io.autotable.distkey.DistKeySolver;
import io.autotable.distkey.DistributionCostModel;
import io.autotable.distkey.exact.BranchAndBoundDistKeySolver;
import io.autotable.distkey.heuristic.GreedyDistKeySolver;
import io.autotable.distkey.heuristic.MatchingDistKeySolver;
import io.autotable.distkey.heuristic.MostJoinedColumnDistKeySolver;
import io.autotable.simulator.cluster.ClusterModel;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The options of distribution advice: the cluster it is for and the key solver. */
public final class DistributionOptions
{
    /** The key solvers {@code --solver} names. */
    public enum Solver
    {
        BEST_OF, EXACT, GREEDY, MATCHING, MOST_JOINED;
    }

    @Option(names = "--cluster", paramLabel = "PRESET", defaultValue = "ra3.4xlarge",
            description = "The target cluster's preset: dc2.large, ra3.xlplus, ra3.4xlarge, ra3.16xlarge (default: ${DEFAULT-VALUE}).")
    String cluster;

    @Option(names = "--decode-rates", paramLabel = "SET", defaultValue = "assumed",
            description = "Decode rates of the simulated slices: assumed (the presets', ranked as native decoders are) or measured (autotable's own decoders under JMH) (default: ${DEFAULT-VALUE}).")
    String decodeRates;

    @Option(names = "--nodes", paramLabel = "N", description = "Compute nodes of the target cluster (default: the preset's).")
    Integer nodes;

    @Option(names = "--slices-per-node", paramLabel = "N", description = "Slices per node (default: the preset's).")
    Integer slicesPerNode;

    @Option(names = "--max-skew", paramLabel = "RATIO", defaultValue = "2.0",
            description = "The largest predicted slice imbalance (busiest slice / mean slice) a distribution key may cause (default: ${DEFAULT-VALUE}).")
    double maxSkew;

    @Option(names = "--solver", paramLabel = "SOLVER", defaultValue = "best-of",
            converter = SolverConverter.class,
            description = "Distribution-key solver: best-of, exact, greedy, matching or most-joined (default: ${DEFAULT-VALUE}).")
    Solver solver;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "10",
            description = "Time budget of the best-of and exact solvers; when it runs out the best plan so far is used, with its gap to the bound (default: ${DEFAULT-VALUE}).")
    double timeLimitSeconds;

    /** The target cluster: the preset with --nodes and --slices-per-node applied. */
    public ClusterModel cluster()
    {
        ClusterModel model = DecodeRates.apply(ClusterModel.preset(cluster), decodeRates);
        if (nodes != null) {
            model = model.withNodes(nodes);
        }
        if (slicesPerNode != null) {
            model = model.withSlicesPerNode(slicesPerNode);
        }
        return model;
    }

    public DistributionCostModel costModel()
    {
        ClusterModel model = cluster();
        return new DistributionCostModel(model.nodes(), model.slicesPerNode(), maxSkew);
    }

    public DistKeySolver solver()
    {
        Duration limit = Duration.ofMillis(Math.max(1, Math.round(timeLimitSeconds * 1000)));
        return switch (solver) {
            case BEST_OF -> new BestOfDistKeySolver(limit);
            case EXACT -> new BranchAndBoundDistKeySolver(limit);
            case GREEDY -> new GreedyDistKeySolver();
            case MATCHING -> new MatchingDistKeySolver();
            case MOST_JOINED -> new MostJoinedColumnDistKeySolver();
        };
    }

    static final class SolverConverter
            implements picocli.CommandLine.ITypeConverter<Solver>
    {
        @Override
        public Solver convert(String value)
        {
            try {
                return Solver.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            }
            catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("unknown solver '" + value + "': use best-of, exact, greedy, matching or most-joined");
            }
        }
    }
}
