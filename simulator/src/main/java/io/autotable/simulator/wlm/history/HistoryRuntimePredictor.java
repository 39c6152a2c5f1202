package io.autotable.simulator.wlm.history;

import io.autotable.simulator.wlm.FingerprintHistory;
import io.autotable.simulator.wlm.LoggedRun;
import io.autotable.simulator.wlm.RuntimePredictor;

import java.util.List;
import java.util.PriorityQueue;

/**
 * The baseline predictor: a run takes the geometric mean of the ended runs of its statement; a
 * statement never seen to end takes the geometric mean of every run that had ended by then, and
 * the very first runs {@link #UNKNOWN_SECONDS}.
 */
public final class HistoryRuntimePredictor
        implements RuntimePredictor
{
    public static final double UNKNOWN_SECONDS = 10;

    @Override
    public double[] predict(List<LoggedRun> runs)
    {
        List<FingerprintHistory.Known> known = FingerprintHistory.of(runs);
        double[] predicted = new double[runs.size()];
        // runs of any statement ended so far, in the order they end
        PriorityQueue<double[]> pending = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        double sum = 0;
        int count = 0;
        long origin = runs.isEmpty() ? 0 : runs.get(0).start().getEpochSecond();
        for (int i = 0; i < runs.size(); i++) {
            LoggedRun run = runs.get(i);
            double arrival = seconds(run, origin);
            while (!pending.isEmpty() && pending.peek()[0] <= arrival) {
                sum += pending.poll()[1];
                count++;
            }
            FingerprintHistory.Known history = known.get(i);
            if (history.runs() > 0) {
                predicted[i] = FingerprintHistory.fromLog(history.meanLogSeconds());
            }
            else {
                predicted[i] = count > 0 ? FingerprintHistory.fromLog(sum / count) : UNKNOWN_SECONDS;
            }
            pending.add(new double[] {arrival + run.seconds(), FingerprintHistory.log(run.seconds())});
        }
        return predicted;
    }

    @Override
    public String name()
    {
        return "history";
    }

    private static double seconds(LoggedRun run, long origin)
    {
        return (run.start().getEpochSecond() - origin) + run.start().getNano() / 1e9;
    }
}
