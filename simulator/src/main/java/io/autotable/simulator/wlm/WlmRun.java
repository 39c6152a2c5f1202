package io.autotable.simulator.wlm;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One run of a logged workload, as the WLM simulation sees it.
 *
 * @param arrivalSeconds when it arrived, seconds since the log's start
 * @param seconds how long it runs alone on the cluster (its true runtime: the simulation's service time)
 * @param predictedSeconds what a {@link RuntimePredictor} said it would take, from what was known when it arrived:
 *        routing (SQA, predicted-runtime ranges) uses this, never {@code seconds}
 * @param user who ran it, for routing by user group
 * @param queryGroup its query group label, if the log has one
 * @param readOnly whether it only reads: only those may use SQA and concurrency scaling
 */
public record WlmRun(double arrivalSeconds, double seconds, double predictedSeconds, String user, Optional<String> queryGroup, boolean readOnly)
{
    public WlmRun
    {
        requireNonNull(user, "user is null");
        requireNonNull(queryGroup, "queryGroup is null");
        if (!(arrivalSeconds >= 0) || Double.isInfinite(arrivalSeconds)) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "a run's arrival must be finite and >= 0, got " + arrivalSeconds);
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "a run's seconds must be finite and >= 0, got " + seconds);
        }
        if (!(predictedSeconds >= 0) || Double.isInfinite(predictedSeconds)) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "a run's predicted seconds must be finite and >= 0, got " + predictedSeconds);
        }
    }
}
