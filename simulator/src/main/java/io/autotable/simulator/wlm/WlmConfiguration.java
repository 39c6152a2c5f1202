package io.autotable.simulator.wlm;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.replay.WlmConfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A workload-management configuration as Redshift's manual WLM has it, plus the rules autotable
 * can simulate: queues with slots, a memory share, routing rules and a timeout; a short-query
 * acceleration (SQA) lane; concurrency scaling. Round-trips through JSON with these field names
 * (the autotable format, {@link WlmConfigurationFile}); {@link RedshiftWlmJson} writes Redshift's
 * {@code wlm_json_configuration}.
 *
 * <p>A query goes to the first queue whose routing matches it (its user in {@code userGroups}, its
 * query group in {@code queryGroups}, or its predicted runtime in {@code predictedRuntime}); the
 * last queue, which has no routing, takes the rest. Before that, a read-only query predicted to
 * run at most the SQA cutoff goes to the SQA lane, if enabled. Validation errors name the JSON
 * field: {@code queues[1].slots}, {@code shortQueryAcceleration.cutoffSeconds}.
 *
 * @param queues in routing order, the default queue last
 * @param shortQueryAcceleration the SQA lane (disabled when absent from JSON)
 * @param concurrencyScaling extra clusters for queued read-only queries (none when absent from JSON)
 */
public record WlmConfiguration(List<Queue> queues, ShortQueryAcceleration shortQueryAcceleration, ConcurrencyScaling concurrencyScaling)
{
    /** Redshift's limit on queues (manual WLM: eight user queues). */
    public static final int MAX_QUEUES = 8;
    /** Redshift's limit on slots, per queue and for all queues together. */
    public static final int MAX_SLOTS = 50;
    /** Redshift's limit on concurrency-scaling clusters. */
    public static final int MAX_SCALING_CLUSTERS = 10;

    /**
     * A queue.
     *
     * @param slots queries it runs at once ({@code query_concurrency})
     * @param memoryPercent its share of the cluster's WLM memory, 1..100; 0 leaves it to Redshift (the rest split evenly)
     * @param userGroups users (or user groups) routed here
     * @param queryGroups query groups (labels) routed here
     * @param predictedRuntime runs whose <em>predicted</em> runtime falls in this range are routed here
     * @param maxExecutionSeconds a run still executing after this long is aborted; 0 for no limit
     * @param concurrencyScaling whether its queued read-only runs may go to a scaling cluster ({@code "auto"} in Redshift)
     */
    public record Queue(
            String name,
            int slots,
            int memoryPercent,
            List<String> userGroups,
            List<String> queryGroups,
            Optional<RuntimeRange> predictedRuntime,
            double maxExecutionSeconds,
            boolean concurrencyScaling)
    {
        public Queue
        {
            if (name == null || name.isBlank()) {
                throw invalid("name", "a queue needs a name");
            }
            userGroups = List.copyOf(userGroups == null ? List.of() : userGroups);
            queryGroups = List.copyOf(queryGroups == null ? List.of() : queryGroups);
            predictedRuntime = predictedRuntime == null ? Optional.empty() : predictedRuntime;
            if (slots < 1 || slots > MAX_SLOTS) {
                throw invalid("slots", "must be in 1..%d (Redshift's query_concurrency limit), got %d".formatted(MAX_SLOTS, slots));
            }
            if (memoryPercent < 0 || memoryPercent > 100) {
                throw invalid("memoryPercent", "must be in 0..100 (0: Redshift splits what other queues leave), got " + memoryPercent);
            }
            if (!(maxExecutionSeconds >= 0) || Double.isInfinite(maxExecutionSeconds)) {
                throw invalid("maxExecutionSeconds", "must be a number of seconds >= 0 (0: no limit), got " + maxExecutionSeconds);
            }
        }

        /** A queue that takes whoever no earlier queue takes, without a timeout or scaling. */
        public static Queue defaultQueue(String name, int slots)
        {
            return new Queue(name, slots, 0, List.of(), List.of(), Optional.empty(), 0, false);
        }

        public boolean routes()
        {
            return !userGroups.isEmpty() || !queryGroups.isEmpty() || predictedRuntime.isPresent();
        }

        public Queue withSlots(int slots)
        {
            return new Queue(name, slots, memoryPercent, userGroups, queryGroups, predictedRuntime, maxExecutionSeconds, concurrencyScaling);
        }

        public Queue withConcurrencyScaling(boolean concurrencyScaling)
        {
            return new Queue(name, slots, memoryPercent, userGroups, queryGroups, predictedRuntime, maxExecutionSeconds, concurrencyScaling);
        }
    }

    /** Predicted runtimes in {@code [minSeconds, maxSeconds)}. */
    public record RuntimeRange(double minSeconds, double maxSeconds)
    {
        public RuntimeRange
        {
            if (!(minSeconds >= 0)) {
                throw invalid("minSeconds", "must be >= 0, got " + minSeconds);
            }
            if (!(maxSeconds > minSeconds)) {
                throw invalid("maxSeconds", "must be greater than minSeconds (%s), got %s".formatted(minSeconds, maxSeconds));
            }
        }

        public boolean contains(double seconds)
        {
            return seconds >= minSeconds && seconds < maxSeconds;
        }
    }

    /**
     * Short query acceleration: read-only runs predicted to take at most {@code cutoffSeconds} run
     * in a lane of their own; one still running at the cutoff is moved to its queue and starts over
     * there, as Redshift does.
     *
     * @param cutoffSeconds Redshift's "maximum runtime for short queries", 1..20
     * @param slots runs the lane runs at once, 1..15
     */
    public record ShortQueryAcceleration(boolean enabled, double cutoffSeconds, int slots)
    {
        public static final double MIN_CUTOFF_SECONDS = 1;
        public static final double MAX_CUTOFF_SECONDS = 20;
        public static final int MAX_SLOTS = 15;

        public ShortQueryAcceleration
        {
            if (enabled) {
                if (!(cutoffSeconds >= MIN_CUTOFF_SECONDS && cutoffSeconds <= MAX_CUTOFF_SECONDS)) {
                    throw invalid("cutoffSeconds", "must be in 1..20 seconds (Redshift's range for short queries), got " + cutoffSeconds);
                }
                if (slots < 1 || slots > MAX_SLOTS) {
                    throw invalid("slots", "must be in 1..15, got " + slots);
                }
            }
        }

        public static ShortQueryAcceleration disabled()
        {
            return new ShortQueryAcceleration(false, 0, 0);
        }
    }

    /**
     * Concurrency scaling: a run of a queue with scaling on that has waited {@code startAfterWaitSeconds}
     * goes to an extra cluster, started if fewer than {@code maxClusters} are up; each extra
     * cluster has as many slots per queue as the main one, and is up (and paid for) while it runs a query.
     */
    public record ConcurrencyScaling(int maxClusters, double startAfterWaitSeconds)
    {
        public ConcurrencyScaling
        {
            if (maxClusters < 0 || maxClusters > MAX_SCALING_CLUSTERS) {
                throw invalid("maxClusters", "must be in 0..%d (Redshift's max_concurrency_scaling_clusters limit), got %d".formatted(MAX_SCALING_CLUSTERS, maxClusters));
            }
            if (!(startAfterWaitSeconds >= 0) || Double.isInfinite(startAfterWaitSeconds)) {
                throw invalid("startAfterWaitSeconds", "must be a number of seconds >= 0, got " + startAfterWaitSeconds);
            }
        }

        public static ConcurrencyScaling off()
        {
            return new ConcurrencyScaling(0, 0);
        }
    }

    public WlmConfiguration
    {
        if (queues == null || queues.isEmpty()) {
            throw invalid("queues", "a WLM configuration needs at least one queue");
        }
        queues = List.copyOf(queues);
        shortQueryAcceleration = shortQueryAcceleration == null ? ShortQueryAcceleration.disabled() : shortQueryAcceleration;
        concurrencyScaling = concurrencyScaling == null ? ConcurrencyScaling.off() : concurrencyScaling;
        if (queues.size() > MAX_QUEUES) {
            throw invalid("queues", "Redshift allows at most %d queues, got %d".formatted(MAX_QUEUES, queues.size()));
        }
        int last = queues.size() - 1;
        if (queues.get(last).routes()) {
            throw invalid("queues[%d]".formatted(last), "the last queue is the default one and takes no userGroups, queryGroups or predictedRuntime");
        }
        Set<String> names = new HashSet<>();
        int slots = 0;
        int memory = 0;
        for (int i = 0; i < queues.size(); i++) {
            Queue queue = queues.get(i);
            if (!names.add(queue.name())) {
                throw invalid("queues[%d].name".formatted(i), "queue %s is declared twice".formatted(queue.name()));
            }
            slots += queue.slots();
            memory += queue.memoryPercent();
        }
        if (slots > MAX_SLOTS) {
            throw invalid("queues", "the queues have %d slots together; Redshift allows at most %d".formatted(slots, MAX_SLOTS));
        }
        if (memory > 100) {
            throw invalid("queues", "the queues' memoryPercent add up to %d; at most 100".formatted(memory));
        }
    }

    /** Redshift's default manual WLM: one queue of 5 slots, no SQA, no concurrency scaling. */
    public static WlmConfiguration defaultConfiguration()
    {
        return new WlmConfiguration(List.of(Queue.defaultQueue("default", 5)), ShortQueryAcceleration.disabled(), ConcurrencyScaling.off());
    }

    /** The replay's simpler configuration: its queues route by user, every queue scales when it has clusters. */
    public static WlmConfiguration of(WlmConfig config)
    {
        requireNonNull(config, "config is null");
        List<Queue> queues = new ArrayList<>();
        for (WlmConfig.Queue queue : config.queues()) {
            queues.add(new Queue(queue.name(), queue.slots(), 0, queue.users().stream().sorted().toList(), List.of(), Optional.empty(), 0, config.scalingClusters() > 0));
        }
        return new WlmConfiguration(queues, ShortQueryAcceleration.disabled(), new ConcurrencyScaling(config.scalingClusters(), 0));
    }

    public int totalSlots()
    {
        int total = 0;
        for (Queue queue : queues) {
            total += queue.slots();
        }
        return total;
    }

    /** The index of the queue a run goes to, SQA aside. */
    public int queueOf(String user, Optional<String> queryGroup, double predictedSeconds)
    {
        for (int i = 0; i < queues.size() - 1; i++) {
            Queue queue = queues.get(i);
            if (queue.userGroups().contains(user)
                    || (queryGroup.isPresent() && queue.queryGroups().contains(queryGroup.get()))
                    || (queue.predictedRuntime().isPresent() && queue.predictedRuntime().get().contains(predictedSeconds))) {
                return i;
            }
        }
        return queues.size() - 1;
    }

    public WlmConfiguration withQueues(List<Queue> queues)
    {
        return new WlmConfiguration(queues, shortQueryAcceleration, concurrencyScaling);
    }

    public WlmConfiguration withShortQueryAcceleration(ShortQueryAcceleration shortQueryAcceleration)
    {
        return new WlmConfiguration(queues, shortQueryAcceleration, concurrencyScaling);
    }

    public WlmConfiguration withConcurrencyScaling(ConcurrencyScaling concurrencyScaling)
    {
        return new WlmConfiguration(queues, shortQueryAcceleration, concurrencyScaling);
    }

    /** A short form for reports: {@code reports=2, default=3; SQA 5 s x 4; scaling 2 after 10 s}. */
    public String describe()
    {
        StringBuilder text = new StringBuilder();
        for (Queue queue : queues) {
            text.append(text.isEmpty() ? "" : ", ").append(queue.name()).append('=').append(queue.slots());
            if (queue.maxExecutionSeconds() > 0) {
                text.append(" (abort ").append(trim(queue.maxExecutionSeconds())).append(" s)");
            }
        }
        if (shortQueryAcceleration.enabled()) {
            text.append("; SQA ").append(trim(shortQueryAcceleration.cutoffSeconds())).append(" s x ").append(shortQueryAcceleration.slots());
        }
        if (concurrencyScaling.maxClusters() > 0) {
            text.append("; scaling ").append(concurrencyScaling.maxClusters()).append(" after ").append(trim(concurrencyScaling.startAfterWaitSeconds())).append(" s");
        }
        return text.toString();
    }

    private static String trim(double value)
    {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /**
     * An error naming the JSON field, relative to the object it is in: {@code "slots: must be ..."};
     * {@link WlmConfigurationFile} puts the object's path in front ({@code queues[1].slots}).
     */
    static SimulatorException invalid(String field, String reason)
    {
        return new SimulatorException(ErrorCode.INVALID_ARGUMENT, field + ": " + reason);
    }
}
