package io.autotable.simulator.wlm;

import java.util.List;

/**
 * Predicts how long each run of a log will take, as a WLM would when the run arrives: from its
 * statement and from the runs of the same statement that had <em>ended</em> by then, never from
 * the run's own logged time or anything logged later ({@link FingerprintHistory}).
 */
public interface RuntimePredictor
{
    /**
     * @param runs in arrival order
     * @return predicted seconds per run, in the same order, each >= 0
     */
    double[] predict(List<LoggedRun> runs);

    /** A short name for reports: {@code learned}, {@code history}. */
    String name();
}
