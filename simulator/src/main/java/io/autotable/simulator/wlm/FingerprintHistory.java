package io.autotable.simulator.wlm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import static java.util.Objects.requireNonNull;

/**
 * What was known of each run's statement when the run arrived: the runs of the same fingerprint
 * that had ended by then (logged start plus logged runtime at or before the arrival). Runs still
 * running at the arrival, and later ones, are not seen: no leakage from the future.
 */
public final class FingerprintHistory
{
    /**
     * @param runs earlier runs of the fingerprint that had ended
     * @param meanLogSeconds the mean of their {@code ln(seconds + 0.01)}, 0 without runs
     * @param lastLogSeconds the same of the one that ended last, 0 without runs
     */
    public record Known(int runs, double meanLogSeconds, double lastLogSeconds) {}

    private FingerprintHistory() {}

    /** The learning target and history scale: {@code ln(seconds + 0.01)}. */
    public static double log(double seconds)
    {
        return Math.log(seconds + 0.01);
    }

    public static double fromLog(double log)
    {
        return Math.max(0, Math.exp(log) - 0.01);
    }

    /**
     * @param runs in arrival order
     * @return per run, in the same order
     */
    public static List<Known> of(List<LoggedRun> runs)
    {
        requireNonNull(runs, "runs is null");
        record Ended(Instant end, double log) {}
        final class Stats
        {
            final PriorityQueue<Ended> pending = new PriorityQueue<>((a, b) -> a.end().compareTo(b.end()));
            int count;
            double sum;
            double last;
        }
        Map<String, Stats> byFingerprint = new HashMap<>();
        List<Known> known = new ArrayList<>(runs.size());
        for (LoggedRun run : runs) {
            Stats stats = byFingerprint.computeIfAbsent(run.fingerprint(), fingerprint -> new Stats());
            while (!stats.pending.isEmpty() && !stats.pending.peek().end().isAfter(run.start())) {
                Ended ended = stats.pending.poll();
                stats.count++;
                stats.sum += ended.log();
                stats.last = ended.log();
            }
            known.add(stats.count == 0 ? new Known(0, 0, 0) : new Known(stats.count, stats.sum / stats.count, stats.last));
            stats.pending.add(new Ended(run.end(), log(run.seconds())));
        }
        return List.copyOf(known);
    }
}
