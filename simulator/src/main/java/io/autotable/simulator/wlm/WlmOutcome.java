package io.autotable.simulator.wlm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link WlmSimulation} found.
 *
 * @param runs runs replayed
 * @param completed runs that finished
 * @param aborted runs stopped by a queue's {@code maxExecutionSeconds}
 * @param shortRuns runs whose true runtime is at most the settings' short threshold
 * @param sqaRuns runs that started in the SQA lane
 * @param sqaMovedOut of those, runs still running at the SQA cutoff, moved to their queue to start over
 * @param scaledRuns runs that ran on a concurrency-scaling cluster
 * @param makespanSeconds from the first arrival to the last run's end
 * @param throughputPerHour completed runs per hour of the makespan
 * @param busySeconds time with at least one run queued or running
 * @param busyThroughputPerHour completed runs per hour of busy time: how fast the configuration gets through the work it is given
 * @param scalingSeconds seconds concurrency-scaling clusters were up, summed over clusters (what they cost)
 * @param waitSeconds time runs spent queued (all runs)
 * @param latencySeconds arrival to end of the completed runs
 * @param shortLatencySeconds the same for the completed short runs
 * @param queues per lane the runs ended in: each queue by name, and {@code sqa}
 */
public record WlmOutcome(
        long runs,
        long completed,
        long aborted,
        long shortRuns,
        long sqaRuns,
        long sqaMovedOut,
        long scaledRuns,
        double makespanSeconds,
        double throughputPerHour,
        double busySeconds,
        double busyThroughputPerHour,
        double scalingSeconds,
        Percentiles waitSeconds,
        Percentiles latencySeconds,
        Percentiles shortLatencySeconds,
        List<QueueOutcome> queues)
{
    public WlmOutcome
    {
        requireNonNull(waitSeconds, "waitSeconds is null");
        requireNonNull(latencySeconds, "latencySeconds is null");
        requireNonNull(shortLatencySeconds, "shortLatencySeconds is null");
        queues = List.copyOf(requireNonNull(queues, "queues is null"));
    }

    /** A run's fate in a simulation; {@link #of} makes the outcome from these, whichever simulation found them. */
    public record RunResult(double waitSeconds, double endSeconds, int lane, boolean aborted, boolean scaled, boolean startedInSqa, boolean movedOutOfSqa)
    {
        /** The lane of the SQA; queues are numbered from 0 in the configuration's order. */
        public static final int SQA = -1;
    }

    /**
     * @param results per run, in the order of {@code runs}
     */
    public static WlmOutcome of(WlmConfiguration configuration, List<WlmRun> runs, List<RunResult> results, WlmSimulation.Settings settings, double scalingSeconds,
            double busySeconds)
    {
        int n = runs.size();
        int lanes = configuration.queues().size();
        double[] waits = new double[n];
        double[] latencies = new double[n];
        double[] shortLatencies = new double[n];
        double[][] laneWaits = new double[lanes + 1][n];
        double[][] laneLatencies = new double[lanes + 1][n];
        int[] laneRuns = new int[lanes + 1];
        int[] laneCompleted = new int[lanes + 1];
        int[] laneAborted = new int[lanes + 1];
        int completed = 0;
        int shortCompleted = 0;
        long aborted = 0;
        long shortRuns = 0;
        long sqaRuns = 0;
        long movedOut = 0;
        long scaled = 0;
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            WlmRun run = runs.get(i);
            RunResult result = results.get(i);
            int lane = result.lane() == RunResult.SQA ? lanes : result.lane();
            first = Math.min(first, run.arrivalSeconds());
            last = Math.max(last, result.endSeconds());
            waits[i] = result.waitSeconds();
            laneWaits[lane][laneRuns[lane]++] = result.waitSeconds();
            boolean isShort = run.seconds() <= settings.shortSeconds();
            shortRuns += isShort ? 1 : 0;
            sqaRuns += result.startedInSqa() ? 1 : 0;
            movedOut += result.movedOutOfSqa() ? 1 : 0;
            scaled += result.scaled() ? 1 : 0;
            if (result.aborted()) {
                aborted++;
                laneAborted[lane]++;
                continue;
            }
            double latency = result.endSeconds() - run.arrivalSeconds();
            latencies[completed++] = latency;
            laneLatencies[lane][laneCompleted[lane]++] = latency;
            if (isShort) {
                shortLatencies[shortCompleted++] = latency;
            }
        }
        double makespan = n == 0 ? 0 : last - first;
        List<QueueOutcome> queues = new ArrayList<>();
        for (int lane = 0; lane <= lanes; lane++) {
            if (lane == lanes && !configuration.shortQueryAcceleration().enabled()) {
                break;
            }
            String name = lane == lanes ? "sqa" : configuration.queues().get(lane).name();
            queues.add(new QueueOutcome(name, laneRuns[lane], laneAborted[lane], Percentiles.of(laneWaits[lane], laneRuns[lane]),
                    Percentiles.of(laneLatencies[lane], laneCompleted[lane])));
        }
        return new WlmOutcome(n, completed, aborted, shortRuns, sqaRuns, movedOut, scaled, makespan, makespan > 0 ? completed * 3600 / makespan : 0,
                busySeconds, busySeconds > 0 ? completed * 3600 / busySeconds : 0, scalingSeconds,
                Percentiles.of(waits, n), Percentiles.of(latencies, completed), Percentiles.of(shortLatencies, shortCompleted), queues);
    }

    /** One lane's runs: {@code runs} ended in it, {@code aborted} of them by its timeout. */
    public record QueueOutcome(String name, long runs, long aborted, Percentiles waitSeconds, Percentiles latencySeconds)
    {
        public QueueOutcome
        {
            requireNonNull(name, "name is null");
            requireNonNull(waitSeconds, "waitSeconds is null");
            requireNonNull(latencySeconds, "latencySeconds is null");
        }
    }

    /** Nearest-rank percentiles, in seconds; all 0 for no values. */
    public record Percentiles(double p50, double p95, double p99, double max)
    {
        public static Percentiles of(double[] values, int count)
        {
            if (count == 0) {
                return new Percentiles(0, 0, 0, 0);
            }
            double[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            return new Percentiles(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[count - 1]);
        }

        private static double at(double[] sorted, double quantile)
        {
            int rank = (int) Math.ceil(quantile * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }
}
