package io.autotable.advisor.daemon;

import io.autotable.advisor.Advice;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One daemon run: the advice on its window of workload, what it decided about each
 * recommendation, and the changes it applied.
 *
 * @param runId the run's id in the store
 * @param time when it ran (the end of its window)
 * @param from the start of the window of workload it advised on
 * @param decisions one per recommendation of the advice, in its order
 * @param applied the table changes applied, in the order they were applied
 */
public record RunOutcome(String runId, Instant time, Instant from, Advice advice, List<Decision> decisions, List<AppliedChange> applied)
{
    public RunOutcome
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(time, "time is null");
        requireNonNull(from, "from is null");
        requireNonNull(advice, "advice is null");
        decisions = List.copyOf(requireNonNull(decisions, "decisions is null"));
        applied = List.copyOf(requireNonNull(applied, "applied is null"));
    }
}
