package io.autotable.advisor.wlm;

import io.autotable.advisor.AdvisorException;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.wlm.WlmOutcome;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a WLM configuration is chosen for: a goal to minimise, subject to a budget of
 * concurrency-scaling seconds and to getting through the work at least as fast as a baseline (the
 * configuration in use: {@link WlmOutcome#busyThroughputPerHour()} no lower), so that latency is
 * never bought with throughput; ties (within a millisecond) go to the higher busy throughput.
 */
public record WlmObjective(Goal goal, double scalingBudgetSeconds)
{
    public enum Goal
    {
        /** The 95th percentile latency of short runs (true runtime at most the short threshold). */
        SHORT_P95("short-p95"),
        /** The 95th percentile latency of all completed runs. */
        P95("p95"),
        /** The 95th percentile of the time runs wait in a queue. */
        WAIT("wait");

        private final String cliName;

        Goal(String cliName)
        {
            this.cliName = cliName;
        }

        public String cliName()
        {
            return cliName;
        }

        /**
         * @throws AdvisorException naming the goals there are
         */
        public static Goal parse(String name)
        {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            for (Goal goal : values()) {
                if (goal.cliName.equals(wanted)) {
                    return goal;
                }
            }
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT, "--objective '%s': expected one of %s".formatted(name, Arrays.stream(values()).map(Goal::cliName).toList()));
        }

        public double of(WlmOutcome outcome)
        {
            return switch (this) {
                case SHORT_P95 -> outcome.shortLatencySeconds().p95();
                case P95 -> outcome.latencySeconds().p95();
                case WAIT -> outcome.waitSeconds().p95();
            };
        }
    }

    public WlmObjective
    {
        if (goal == null) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT, "WLM objective: goal is null");
        }
        if (!(scalingBudgetSeconds >= 0)) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT, "--scaling-budget-seconds must be >= 0 (Infinity for no limit), got " + scalingBudgetSeconds);
        }
    }

    /** Minimise short runs' p95 latency with at most an hour of concurrency-scaling time. */
    public static WlmObjective defaults()
    {
        return new WlmObjective(Goal.SHORT_P95, 3600);
    }

    /** Within the scaling budget, and at least the baseline's busy throughput. */
    public boolean feasible(WlmOutcome outcome, WlmOutcome baseline)
    {
        return outcome.scalingSeconds() <= scalingBudgetSeconds + 1e-9 && outcome.busyThroughputPerHour() >= baseline.busyThroughputPerHour() - 1e-9;
    }

    /** Negative when {@code a} is better than {@code b}; infeasible outcomes (against {@code baseline}) are worse than feasible ones. */
    public int compare(WlmOutcome a, WlmOutcome b, WlmOutcome baseline)
    {
        boolean feasibleA = feasible(a, baseline);
        boolean feasibleB = feasible(b, baseline);
        if (feasibleA != feasibleB) {
            return feasibleA ? -1 : 1;
        }
        if (!feasibleA) {
            return Double.compare(a.scalingSeconds(), b.scalingSeconds());
        }
        double goalA = goal.of(a);
        double goalB = goal.of(b);
        if (Math.abs(goalA - goalB) > 1e-3) {
            return Double.compare(goalA, goalB);
        }
        if (Math.abs(a.busyThroughputPerHour() - b.busyThroughputPerHour()) > 1e-6) {
            return Double.compare(b.busyThroughputPerHour(), a.busyThroughputPerHour());
        }
        return 0;
    }
}
