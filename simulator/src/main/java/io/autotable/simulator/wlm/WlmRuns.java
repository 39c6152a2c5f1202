package io.autotable.simulator.wlm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Turns logged runs and their predicted runtimes into the WLM simulation's runs. */
public final class WlmRuns
{
    private WlmRuns() {}

    /**
     * @param runs in arrival order
     * @param predicted per run, from a {@link RuntimePredictor}
     * @param from the first run kept: runs before it (a training window) are left out
     */
    public static List<WlmRun> of(List<LoggedRun> runs, double[] predicted, int from)
    {
        requireNonNull(runs, "runs is null");
        requireNonNull(predicted, "predicted is null");
        if (predicted.length != runs.size()) {
            throw new IllegalArgumentException("expected %d predictions, got %d".formatted(runs.size(), predicted.length));
        }
        List<WlmRun> result = new ArrayList<>(runs.size() - from);
        if (from >= runs.size()) {
            return result;
        }
        Instant origin = runs.get(from).start();
        for (int i = from; i < runs.size(); i++) {
            LoggedRun run = runs.get(i);
            double arrival = Duration.between(origin, run.start()).toNanos() / 1e9;
            result.add(new WlmRun(arrival, run.seconds(), predicted[i], run.user(), run.queryGroup(), run.readOnly()));
        }
        return result;
    }
}
