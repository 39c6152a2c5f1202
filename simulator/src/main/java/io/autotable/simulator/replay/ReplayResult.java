package io.autotable.simulator.replay;

import io.autotable.simulator.cost.QueryCost;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a replay found, per design in the order given.
 *
 * @param designs totals per design
 * @param queries per fingerprint replayed, most runs first
 * @param notSimulated runs whose statement has no analysed shape, by fingerprint
 * @param firstArrival the first replayed run's arrival; timelines count hours from it
 */
public record ReplayResult(List<DesignTotals> designs, List<QueryTotals> queries, Map<String, Long> notSimulated, Instant firstArrival)
{
    public ReplayResult
    {
        designs = List.copyOf(requireNonNull(designs, "designs is null"));
        queries = List.copyOf(requireNonNull(queries, "queries is null"));
        notSimulated = Map.copyOf(requireNonNull(notSimulated, "notSimulated is null"));
        requireNonNull(firstArrival, "firstArrival is null");
    }

    /**
     * @param totalSeconds simulated execution time of every run, queue waits not included
     * @param queueWait percentiles of the time runs waited for a slot
     * @param latency percentiles of wait plus execution
     * @param scaled runs that went to a concurrency-scaling cluster
     * @param hourlySeconds simulated execution seconds per hour since the first arrival
     */
    public record DesignTotals(
            String name,
            long runs,
            double totalSeconds,
            double bytesScanned,
            double bytesMoved,
            double bytesWritten,
            Percentiles queueWait,
            Percentiles latency,
            long scaled,
            double[] hourlySeconds)
    {
        public DesignTotals
        {
            requireNonNull(name, "name is null");
            requireNonNull(queueWait, "queueWait is null");
            requireNonNull(latency, "latency is null");
            requireNonNull(hourlySeconds, "hourlySeconds is null");
        }
    }

    public record Percentiles(double p50, double p90, double p99, double max)
    {
        static Percentiles of(double[] values)
        {
            if (values.length == 0) {
                return new Percentiles(0, 0, 0, 0);
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            return new Percentiles(at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted[sorted.length - 1]);
        }

        // nearest rank
        private static double at(double[] sorted, double quantile)
        {
            int rank = (int) Math.ceil(quantile * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }

    /**
     * One statement's runs.
     *
     * @param costs per design, in the result's design order: the cost of one run
     */
    public record QueryTotals(String fingerprint, long count, String sql, List<QueryCost> costs)
    {
        public QueryTotals
        {
            requireNonNull(fingerprint, "fingerprint is null");
            requireNonNull(sql, "sql is null");
            costs = List.copyOf(requireNonNull(costs, "costs is null"));
        }
    }
}
