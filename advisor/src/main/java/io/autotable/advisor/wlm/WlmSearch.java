package io.autotable.advisor.wlm;

import io.autotable.simulator.wlm.WlmConfiguration;
import io.autotable.simulator.wlm.WlmOutcome;
import io.autotable.simulator.wlm.WlmRun;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Finds a WLM configuration that does best on a log of runs, by simulating candidates. */
public interface WlmSearch
{
    /**
     * @param recommended the best configuration found, {@code start} itself when nothing simulated better
     * @param evaluated distinct configurations simulated
     */
    record Result(WlmConfiguration recommended, WlmOutcome outcome, int evaluated)
    {
        public Result
        {
            requireNonNull(recommended, "recommended is null");
            requireNonNull(outcome, "outcome is null");
        }
    }

    /**
     * @param start where the search starts; its queues' routing is kept
     * @param runs the log, with predicted runtimes
     */
    Result search(WlmConfiguration start, List<WlmRun> runs, WlmObjective objective);
}
