package io.autotable.simulator.wlm;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.List;

/**
 * Replays a log of runs, each at its arrival time, through a {@link WlmConfiguration}: who waits
 * where, for how long, what runs on a concurrency-scaling cluster and for how many seconds such
 * clusters are up.
 *
 * <p>The model: every cluster (the main one and each scaling cluster) runs up to
 * {@link Settings#parallelism()} queries at full speed; with {@code n} more than that running on
 * it, each progresses at {@code parallelism / n} of its speed (processor sharing), so slots beyond
 * the cluster's parallelism let more queries start but not finish sooner together. The SQA lane's
 * runs have priority on the main cluster, as Redshift gives short queries priority over long ones:
 * they share it first ({@code min(1, parallelism / s)} each, {@code s} of them), and the other
 * runs there share what they leave. A run's {@link WlmRun#seconds()} is its time alone. Memory
 * shares are not simulated: a query's time does not depend on its slot's memory.
 */
public interface WlmSimulation
{
    /**
     * @param parallelism queries a cluster runs at once at full speed
     * @param shortSeconds runs whose true runtime is at most this count as short in the outcome
     */
    record Settings(int parallelism, double shortSeconds)
    {
        public Settings
        {
            if (parallelism < 1 || parallelism > 1_000) {
                throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "the cluster's parallelism must be in 1..1000, got " + parallelism);
            }
            if (!(shortSeconds > 0) || Double.isInfinite(shortSeconds)) {
                throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "the short-query threshold must be > 0 seconds, got " + shortSeconds);
            }
        }

        /** 8 queries at full speed per cluster; short means at most 10 s. */
        public static Settings defaults()
        {
            return new Settings(8, 10);
        }
    }

    WlmOutcome simulate(WlmConfiguration configuration, List<WlmRun> runs, Settings settings);
}
