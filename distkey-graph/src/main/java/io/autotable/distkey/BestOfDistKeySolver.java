package io.autotable.distkey;

import io.autotable.distkey.exact.BranchAndBoundDistKeySolver;
import io.autotable.distkey.heuristic.GreedyDistKeySolver;
import io.autotable.distkey.heuristic.MatchingDistKeySolver;
import io.autotable.distkey.heuristic.MostJoinedColumnDistKeySolver;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * BaW, "best of heuristics and exact" (Parchas et al., "Fast and Effective Distribution-Key
 * Recommendation for Amazon Redshift", PVLDB 13(11), 2020): runs several solvers one after the
 * other, the fast heuristics first and the exact solver last with what is left of the time budget,
 * and returns the plan that colocates the most weight (ties to the one proved optimal, then to the
 * earlier solver). Its bound is the smallest of theirs, so its gap is to the best bound any of them
 * proved; its {@code solver} names the winner, as {@code best-of(greedy)}. A solver started after the
 * budget ran out is skipped, except the first, so there is always a plan.
 */
public final class BestOfDistKeySolver
        implements DistKeySolver
{
    public static final String NAME = "best-of";
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);

    private final List<DistKeySolver> solvers;
    private final Duration budget;

    /** The heuristics, then branch and bound with the rest of {@link #DEFAULT_BUDGET}. */
    public BestOfDistKeySolver()
    {
        this(DEFAULT_BUDGET);
    }

    /** The heuristics, then branch and bound with the rest of {@code budget}. */
    public BestOfDistKeySolver(Duration budget)
    {
        this(List.of(new MostJoinedColumnDistKeySolver(), new GreedyDistKeySolver(), new MatchingDistKeySolver()), budget);
    }

    /**
     * These solvers in this order, then branch and bound with what is left of {@code budget}; pass
     * an exact solver in {@code solvers} and a tiny budget to run only the list.
     */
    public BestOfDistKeySolver(List<DistKeySolver> solvers, Duration budget)
    {
        this.solvers = List.copyOf(requireNonNull(solvers, "solvers is null"));
        this.budget = requireNonNull(budget, "budget is null");
        if (budget.isNegative() || budget.isZero()) {
            throw DistKeyException.invalid("budget must be positive, got %s", budget);
        }
    }

    @Override
    public Plan solve(JoinGraph graph)
    {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        Plan best = null;
        double bound = graph.totalWeight();
        for (DistKeySolver solver : solvers) {
            if (best != null && System.nanoTime() >= deadline) {
                break;
            }
            Plan plan = solver.solve(graph);
            bound = Math.min(bound, plan.upperBound());
            if (best == null || plan.colocatedWeight() > best.colocatedWeight() || plan.colocatedWeight() == best.colocatedWeight() && plan.optimal() && !best.optimal()) {
                best = plan;
            }
        }
        long left = deadline - System.nanoTime();
        if (left > 0 && (best == null || !best.optimal())) {
            Plan plan = new BranchAndBoundDistKeySolver(Duration.ofNanos(left)).solve(graph);
            bound = Math.min(bound, plan.upperBound());
            if (best == null || plan.colocatedWeight() > best.colocatedWeight() || plan.colocatedWeight() == best.colocatedWeight() && plan.optimal() && !best.optimal()) {
                best = plan;
            }
        }
        if (best == null) {
            best = new MostJoinedColumnDistKeySolver().solve(graph);
        }
        bound = Math.max(bound, best.colocatedWeight());
        boolean optimal = best.optimal() || best.colocatedWeight() >= bound - 1e-9 * Math.max(1, bound);
        return new Plan(best.keys(), best.colocatedWeight(), best.totalWeight(), optimal, optimal ? best.colocatedWeight() : bound,
                NAME + "(" + best.solver() + ")", Duration.ofNanos(System.nanoTime() - start));
    }
}
