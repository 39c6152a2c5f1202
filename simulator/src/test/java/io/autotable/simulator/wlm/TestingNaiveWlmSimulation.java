package io.autotable.simulator.wlm;

import io.autotable.simulator.wlm.WlmOutcome.RunResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The WLM simulation written as plainly as possible, as an oracle: every step scans every run to
 * find the next event, counts what runs where by scanning again, and keeps each lane's order with
 * a ticket handed out at each enqueue. Quadratic; for tests only.
 */
final class TestingNaiveWlmSimulation
        implements WlmSimulation
{
    private static final int SQA = -1;

    private static final class Job
    {
        WlmRun run;
        int home;
        int lane;
        boolean arrived;
        boolean waiting;
        boolean running;
        boolean done;
        int cluster;
        long ticket;
        double enqueuedAt;
        double remaining;
        double deadline;
        double waited;
        double end;
        boolean aborted;
        boolean scaled;
        boolean startedInSqa;
        boolean movedOut;
    }

    @Override
    public WlmOutcome simulate(WlmConfiguration configuration, List<WlmRun> runs, Settings settings)
    {
        WlmConfiguration.ShortQueryAcceleration sqa = configuration.shortQueryAcceleration();
        int clusters = 1 + configuration.concurrencyScaling().maxClusters();
        double startAfter = configuration.concurrencyScaling().startAfterWaitSeconds();
        List<Job> jobs = new ArrayList<>();
        for (WlmRun run : runs) {
            Job job = new Job();
            job.run = run;
            job.home = configuration.queueOf(run.user(), run.queryGroup(), run.predictedSeconds());
            job.lane = sqa.enabled() && run.readOnly() && run.predictedSeconds() <= sqa.cutoffSeconds() ? SQA : job.home;
            jobs.add(job);
        }
        long tickets = 0;
        double scalingSeconds = 0;
        double busySeconds = 0;
        double now = runs.stream().mapToDouble(WlmRun::arrivalSeconds).min().orElse(0);
        while (true) {
            double next = Double.POSITIVE_INFINITY;
            for (Job job : jobs) {
                if (!job.arrived) {
                    next = Math.min(next, job.run.arrivalSeconds());
                }
                if (job.running) {
                    double rate = rate(jobs, job, settings);
                    next = Math.min(next, job.remaining <= 0 ? now : rate == 0 ? Double.POSITIVE_INFINITY : now + job.remaining / rate);
                    next = Math.min(next, job.deadline);
                }
                if (job.waiting && job.lane != SQA && scales(configuration, job.lane, clusters) && job.run.readOnly()
                        && job.enqueuedAt + startAfter > now && scalingCluster(jobs, configuration, job.lane, clusters) >= 0) {
                    next = Math.min(next, job.enqueuedAt + startAfter);
                }
            }
            if (next == Double.POSITIVE_INFINITY) {
                break;
            }
            double dt = next - now;
            List<Double> rates = new ArrayList<>();
            for (Job job : jobs) {
                rates.add(job.running ? rate(jobs, job, settings) : 0.0);
            }
            for (int i = 0; i < jobs.size(); i++) {
                jobs.get(i).remaining -= dt * rates.get(i);
            }
            for (int c = 1; c < clusters; c++) {
                if (count(jobs, c, null) > 0) {
                    scalingSeconds += dt;
                }
            }
            if (jobs.stream().anyMatch(job -> job.running || job.waiting)) {
                busySeconds += dt;
            }
            now = next;
            for (Job job : jobs) {
                if (job.running && job.remaining <= 1e-9 * Math.max(1, job.run.seconds())) {
                    job.running = false;
                    job.done = true;
                    job.end = now;
                }
            }
            List<Job> movedOut = new ArrayList<>();
            for (Job job : jobs) {
                if (job.running && job.deadline <= now + 1e-9) {
                    job.running = false;
                    if (job.lane == SQA) {
                        job.movedOut = true;
                        job.lane = job.home;
                        job.waiting = true;
                        job.enqueuedAt = now;
                        movedOut.add(job);
                    }
                    else {
                        job.done = true;
                        job.aborted = true;
                        job.end = now;
                    }
                }
            }
            movedOut.sort((a, b) -> Double.compare(a.run.arrivalSeconds(), b.run.arrivalSeconds()));
            for (Job job : movedOut) {
                job.ticket = tickets++;
            }
            // arrivals in the order given among equal times, as the runs are listed
            List<Job> arriving = new ArrayList<>();
            for (Job job : jobs) {
                if (!job.arrived && job.run.arrivalSeconds() <= now) {
                    arriving.add(job);
                }
            }
            arriving.sort((a, b) -> Double.compare(a.run.arrivalSeconds(), b.run.arrivalSeconds()));
            for (Job job : arriving) {
                job.arrived = true;
                job.waiting = true;
                job.enqueuedAt = job.run.arrivalSeconds();
                job.ticket = tickets++;
            }
            List<Integer> lanes = new ArrayList<>();
            lanes.add(SQA);
            for (int q = 0; q < configuration.queues().size(); q++) {
                lanes.add(q);
            }
            for (int lane : lanes) {
                int slots = lane == SQA ? (sqa.enabled() ? sqa.slots() : 0) : configuration.queues().get(lane).slots();
                while (count(jobs, 0, lane) < slots) {
                    Job first = oldestWaiting(jobs, lane, false, now, startAfter);
                    if (first == null) {
                        break;
                    }
                    start(first, 0, now, lane == SQA ? sqa.cutoffSeconds() : configuration.queues().get(lane).maxExecutionSeconds());
                    first.startedInSqa |= lane == SQA;
                }
            }
            for (int q = 0; q < configuration.queues().size(); q++) {
                if (!scales(configuration, q, clusters)) {
                    continue;
                }
                while (true) {
                    Job first = oldestWaiting(jobs, q, true, now, startAfter);
                    int c = scalingCluster(jobs, configuration, q, clusters);
                    if (first == null || c < 0) {
                        break;
                    }
                    first.scaled = true;
                    start(first, c, now, configuration.queues().get(q).maxExecutionSeconds());
                }
            }
        }
        List<RunResult> results = new ArrayList<>();
        for (Job job : jobs) {
            results.add(new RunResult(job.waited, job.end, job.lane == SQA ? RunResult.SQA : job.lane, job.aborted, job.scaled, job.startedInSqa, job.movedOut));
        }
        return WlmOutcome.of(configuration, runs, results, settings, scalingSeconds, busySeconds);
    }

    private static void start(Job job, int cluster, double now, double timeout)
    {
        job.waiting = false;
        job.running = true;
        job.cluster = cluster;
        job.waited += now - job.enqueuedAt;
        job.remaining = job.run.seconds();
        job.deadline = timeout > 0 ? now + timeout : Double.POSITIVE_INFINITY;
    }

    private static boolean scales(WlmConfiguration configuration, int queue, int clusters)
    {
        return clusters > 1 && configuration.queues().get(queue).concurrencyScaling();
    }

    private static Job oldestWaiting(List<Job> jobs, int lane, boolean forScaling, double now, double startAfter)
    {
        Job oldest = null;
        for (Job job : jobs) {
            if (job.waiting && job.lane == lane && (!forScaling || (job.run.readOnly() && now + 1e-9 >= job.enqueuedAt + startAfter))) {
                if (oldest == null || job.ticket < oldest.ticket) {
                    oldest = job;
                }
            }
        }
        return oldest;
    }

    private static int scalingCluster(List<Job> jobs, WlmConfiguration configuration, int queue, int clusters)
    {
        int slots = configuration.queues().get(queue).slots();
        for (int c = 1; c < clusters; c++) {
            if (count(jobs, c, null) > 0 && count(jobs, c, queue) < slots) {
                return c;
            }
        }
        for (int c = 1; c < clusters; c++) {
            if (count(jobs, c, null) == 0) {
                return c;
            }
        }
        return -1;
    }

    private static int count(List<Job> jobs, int cluster, Integer lane)
    {
        int count = 0;
        for (Job job : jobs) {
            if (job.running && job.cluster == cluster && (lane == null || job.lane == lane)) {
                count++;
            }
        }
        return count;
    }

    // the SQA lane's runs take their share of the main cluster first; the others split what is left
    private static double rate(List<Job> jobs, Job job, Settings settings)
    {
        double parallelism = settings.parallelism();
        if (job.cluster != 0) {
            return Math.min(1, parallelism / count(jobs, job.cluster, null));
        }
        int sqa = count(jobs, 0, SQA);
        double sqaRate = sqa == 0 ? 0 : Math.min(1, parallelism / sqa);
        if (job.lane == SQA) {
            return sqaRate;
        }
        int others = count(jobs, 0, null) - sqa;
        return Math.min(1, Math.max(0, parallelism - sqa * sqaRate) / others);
    }
}
