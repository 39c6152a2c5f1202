package io.autotable.cli;

import io.autotable.distkey.BestOfDistKeySolver;
import io.autotable.distkey.DistKeySolver;
import io.autotable.distkey.DistributionCostModel;
import io.autotable.distkey.exact.BranchAndBoundDistKeySolver;
import io.autotable.distkey.heuristic.GreedyDistKeySolver;
import io.autotable.distkey.heuristic.MatchingDistKeySolver;
import io.autotable.distkey.heuristic.MostJoinedColumnDistKeySolver;
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

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "4", description = "Compute nodes of the target cluster (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--slices-per-node", paramLabel = "N", defaultValue = "4", description = "Slices per node (default: ${DEFAULT-VALUE}).")
    int slicesPerNode;

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

    public DistributionCostModel costModel()
    {
        return new DistributionCostModel(nodes, slicesPerNode, maxSkew);
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
