package io.autotable.simulator.wlm.event;

import io.autotable.simulator.wlm.WlmConfiguration;
import io.autotable.simulator.wlm.WlmOutcome;
import io.autotable.simulator.wlm.WlmOutcome.RunResult;
import io.autotable.simulator.wlm.WlmRun;
import io.autotable.simulator.wlm.WlmSimulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A discrete-event simulation of WLM queues under processor sharing. Time jumps from one event to
 * the next: an arrival, a run finishing its work at the current shares, a run reaching its
 * queue's timeout or the SQA cutoff, a queued run becoming eligible for concurrency scaling. At
 * each event, finished runs leave first, then timed-out ones (aborted, or moved from the SQA lane
 * to the tail of their queue to start over), then arrivals join their lane's FIFO; then free
 * slots are filled: the SQA lane, each queue in order, then scaling clusters (those already up
 * first, then the lowest-numbered idle one) for eligible read-only runs of queues with scaling on,
 * oldest first.
 *
 * <p>Cost: O(events x running) with arrays of primitives, events at most about four per run. The
 * configuration and runs are checked by their records; the loop itself allocates nothing.
 */
public final class EventWlmSimulation
        implements WlmSimulation
{
    private static final double EPSILON = 1e-9;

    @Override
    public WlmOutcome simulate(WlmConfiguration configuration, List<WlmRun> runs, Settings settings)
    {
        requireNonNull(configuration, "configuration is null");
        requireNonNull(runs, "runs is null");
        requireNonNull(settings, "settings is null");
        return new State(configuration, runs, settings).run();
    }

    private static final class State
    {
        private final WlmConfiguration configuration;
        private final List<WlmRun> runs;
        private final Settings settings;
        private final int n;
        private final int queues;
        private final int sqaLane;
        private final int clusters;
        private final double parallelism;

        // per run
        private final int[] order;
        private final int[] rank;
        private final int[] leaving;
        private final double[] arrival;
        private final double[] work;
        private final int[] queueOf;
        private final boolean[] readOnly;
        private final double[] remaining;
        private final double[] deadline;
        private final double[] enqueued;
        private final double[] waited;
        private final double[] end;
        private final int[] lane;
        private final int[] cluster;
        private final boolean[] aborted;
        private final boolean[] scaled;
        private final boolean[] startedInSqa;
        private final boolean[] movedOut;

        // lanes: queues 0..queues-1, then the SQA lane
        private final int[] slots;
        private final double[] timeout;
        private final boolean[] scales;
        private final int[][] waiting;
        private final int[] waitingCount;
        private final int[] mainUsed;
        // clusters: 0 the main one, 1.. scaling clusters
        private final int[] clusterRunning;
        private final int[][] scalingUsed;
        private final int[] running;
        private int runningCount;
        private double scalingSeconds;
        private double busySeconds;
        private int waitingTotal;
        private double now;

        State(WlmConfiguration configuration, List<WlmRun> runs, Settings settings)
        {
            this.configuration = configuration;
            this.runs = runs;
            this.settings = settings;
            this.n = runs.size();
            this.queues = configuration.queues().size();
            this.sqaLane = queues;
            this.clusters = 1 + configuration.concurrencyScaling().maxClusters();
            this.parallelism = settings.parallelism();
            order = new int[n];
            rank = new int[n];
            leaving = new int[n];
            arrival = new double[n];
            work = new double[n];
            queueOf = new int[n];
            readOnly = new boolean[n];
            remaining = new double[n];
            deadline = new double[n];
            enqueued = new double[n];
            waited = new double[n];
            end = new double[n];
            lane = new int[n];
            cluster = new int[n];
            aborted = new boolean[n];
            scaled = new boolean[n];
            startedInSqa = new boolean[n];
            movedOut = new boolean[n];
            slots = new int[queues + 1];
            timeout = new double[queues + 1];
            scales = new boolean[queues];
            waiting = new int[queues + 1][n];
            waitingCount = new int[queues + 1];
            mainUsed = new int[queues + 1];
            clusterRunning = new int[clusters];
            scalingUsed = new int[clusters][queues];
            running = new int[n];

            WlmConfiguration.ShortQueryAcceleration sqa = configuration.shortQueryAcceleration();
            for (int q = 0; q < queues; q++) {
                WlmConfiguration.Queue queue = configuration.queues().get(q);
                slots[q] = queue.slots();
                timeout[q] = queue.maxExecutionSeconds() > 0 ? queue.maxExecutionSeconds() : Double.POSITIVE_INFINITY;
                scales[q] = queue.concurrencyScaling() && clusters > 1;
            }
            slots[sqaLane] = sqa.enabled() ? sqa.slots() : 0;
            timeout[sqaLane] = sqa.enabled() ? sqa.cutoffSeconds() : Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                WlmRun run = runs.get(i);
                arrival[i] = run.arrivalSeconds();
                work[i] = run.seconds();
                queueOf[i] = configuration.queueOf(run.user(), run.queryGroup(), run.predictedSeconds());
                readOnly[i] = run.readOnly();
                lane[i] = sqa.enabled() && run.readOnly() && run.predictedSeconds() <= sqa.cutoffSeconds() ? sqaLane : queueOf[i];
                cluster[i] = -1;
                order[i] = i;
            }
            sortByArrival();
        }

        // stable: runs arriving together keep their order
        private void sortByArrival()
        {
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> Double.compare(arrival[a], arrival[b]));
            for (int i = 0; i < n; i++) {
                order[i] = boxed[i];
                rank[boxed[i]] = i;
            }
        }

        WlmOutcome run()
        {
            int next = 0;
            now = n == 0 ? 0 : arrival[order[0]];
            double startAfter = configuration.concurrencyScaling().startAfterWaitSeconds();
            while (true) {
                double event = next < n ? arrival[order[next]] : Double.POSITIVE_INFINITY;
                for (int k = 0; k < runningCount; k++) {
                    int r = running[k];
                    event = Math.min(event, Math.min(now + timeToFinish(r), deadline[r]));
                }
                if (clusters > 1) {
                    for (int q = 0; q < queues; q++) {
                        if (scales[q] && scalingCapacity(q) >= 0) {
                            for (int k = 0; k < waitingCount[q]; k++) {
                                int r = waiting[q][k];
                                if (readOnly[r]) {
                                    double eligible = enqueued[r] + startAfter;
                                    if (eligible > now) {
                                        event = Math.min(event, eligible);
                                    }
                                    break;
                                }
                            }
                        }
                    }
                }
                if (event == Double.POSITIVE_INFINITY) {
                    break;
                }
                advance(event);
                finishAndTimeOut();
                while (next < n && arrival[order[next]] <= now) {
                    int r = order[next++];
                    enqueue(r, lane[r], arrival[r]);
                }
                dispatch(startAfter);
            }
            List<RunResult> results = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                results.add(new RunResult(waited[i], end[i], lane[i] == sqaLane ? RunResult.SQA : lane[i], aborted[i], scaled[i], startedInSqa[i], movedOut[i]));
            }
            return WlmOutcome.of(configuration, runs, results, settings, scalingSeconds, busySeconds);
        }

        // strict priority sharing: the SQA lane's runs share the main cluster first, the others what they leave
        private double rate(int r)
        {
            int c = cluster[r];
            if (c != 0) {
                return Math.min(1, parallelism / clusterRunning[c]);
            }
            int sqa = mainUsed[sqaLane];
            double sqaRate = sqa == 0 ? 0 : Math.min(1, parallelism / sqa);
            if (lane[r] == sqaLane) {
                return sqaRate;
            }
            return Math.min(1, Math.max(0, parallelism - sqa * sqaRate) / (clusterRunning[0] - sqa));
        }

        private double timeToFinish(int r)
        {
            if (remaining[r] <= 0) {
                return 0;
            }
            double rate = rate(r);
            return rate > 0 ? remaining[r] / rate : Double.POSITIVE_INFINITY;
        }

        private void advance(double to)
        {
            double dt = to - now;
            if (dt > 0) {
                if (runningCount + waitingTotal > 0) {
                    busySeconds += dt;
                }
                for (int k = 0; k < runningCount; k++) {
                    int r = running[k];
                    remaining[r] -= dt * rate(r);
                }
                for (int c = 1; c < clusters; c++) {
                    if (clusterRunning[c] > 0) {
                        scalingSeconds += dt;
                    }
                }
            }
            now = to;
        }

        private void finishAndTimeOut()
        {
            // finished work first: a run that ends exactly at its timeout has finished
            for (int k = 0; k < runningCount; k++) {
                int r = running[k];
                if (remaining[r] <= EPSILON * Math.max(1, work[r])) {
                    end[r] = now;
                    stop(k--);
                }
            }
            int moved = 0;
            for (int k = 0; k < runningCount; k++) {
                int r = running[k];
                if (deadline[r] <= now + EPSILON) {
                    stop(k--);
                    if (lane[r] == sqaLane) {
                        movedOut[r] = true;
                        lane[r] = queueOf[r];
                        leaving[moved++] = r;
                    }
                    else {
                        aborted[r] = true;
                        end[r] = now;
                    }
                }
            }
            // runs moved out of SQA at the same moment join their queue in arrival order (insertion sort: they are few)
            for (int i = 1; i < moved; i++) {
                int r = leaving[i];
                int j = i - 1;
                while (j >= 0 && rank[leaving[j]] > rank[r]) {
                    leaving[j + 1] = leaving[j];
                    j--;
                }
                leaving[j + 1] = r;
            }
            for (int i = 0; i < moved; i++) {
                enqueue(leaving[i], lane[leaving[i]], now);
            }
        }

        // removes the k-th running run, freeing its slot
        private void stop(int k)
        {
            int r = running[k];
            running[k] = running[--runningCount];
            int c = cluster[r];
            clusterRunning[c]--;
            if (c == 0) {
                mainUsed[lane[r]]--;
            }
            else {
                scalingUsed[c][lane[r]]--;
            }
            cluster[r] = -1;
        }

        private void enqueue(int r, int l, double at)
        {
            waiting[l][waitingCount[l]++] = r;
            waitingTotal++;
            enqueued[r] = at;
        }

        private void dispatch(double startAfter)
        {
            dispatchMain(sqaLane);
            for (int q = 0; q < queues; q++) {
                dispatchMain(q);
            }
            if (clusters == 1) {
                return;
            }
            for (int q = 0; q < queues; q++) {
                if (!scales[q]) {
                    continue;
                }
                for (int k = 0; k < waitingCount[q]; k++) {
                    int r = waiting[q][k];
                    if (!readOnly[r] || now + EPSILON < enqueued[r] + startAfter) {
                        continue;
                    }
                    int c = scalingCapacity(q);
                    if (c < 0) {
                        break;
                    }
                    removeWaiting(q, k--);
                    scaled[r] = true;
                    start(r, q, c);
                }
            }
        }

        private void dispatchMain(int l)
        {
            while (mainUsed[l] < slots[l] && waitingCount[l] > 0) {
                int r = waiting[l][0];
                removeWaiting(l, 0);
                if (l == sqaLane) {
                    startedInSqa[r] = true;
                }
                start(r, l, 0);
            }
        }

        // a scaling cluster with a free slot of queue q: one already up first, else the first idle one; -1 if none
        private int scalingCapacity(int q)
        {
            int idle = -1;
            for (int c = 1; c < clusters; c++) {
                if (scalingUsed[c][q] < slots[q]) {
                    if (clusterRunning[c] > 0) {
                        return c;
                    }
                    if (idle < 0) {
                        idle = c;
                    }
                }
            }
            return idle;
        }

        private void removeWaiting(int l, int k)
        {
            System.arraycopy(waiting[l], k + 1, waiting[l], k, waitingCount[l] - k - 1);
            waitingCount[l]--;
            waitingTotal--;
        }

        private void start(int r, int l, int c)
        {
            waited[r] += now - enqueued[r];
            remaining[r] = work[r];
            deadline[r] = now + timeout[l];
            cluster[r] = c;
            clusterRunning[c]++;
            if (c == 0) {
                mainUsed[l]++;
            }
            else {
                scalingUsed[c][l]++;
            }
            running[runningCount++] = r;
        }
    }
}
