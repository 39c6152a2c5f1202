package io.autotable.simulator.replay;

import io.autotable.simulator.cost.CostModel;
import io.autotable.simulator.cost.QueryCost;
import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Replays a workload log under one or more designs: every run costs its statement's simulated
 * time under the design ({@link CostModel}, computed once per statement and design), and waits in
 * its WLM queue ({@link WlmConfig}) from its logged arrival time.
 */
public final class WorkloadReplay
{
    /** A design to replay under: its name and the cost model of its layouts. */
    public record Candidate(String name, CostModel model)
    {
        public Candidate
        {
            requireNonNull(name, "name is null");
            requireNonNull(model, "model is null");
        }
    }

    private final WlmConfig wlm;

    public WorkloadReplay(WlmConfig wlm)
    {
        this.wlm = requireNonNull(wlm, "wlm is null");
    }

    /**
     * @param events the log, in any order
     * @param shapes analysed statements by fingerprint; runs of other fingerprints are counted as not simulated
     * @param sql a representative text per fingerprint, for reports
     */
    public ReplayResult replay(List<ReplayEvent> events, Map<String, QueryShape> shapes, Map<String, String> sql, List<Candidate> candidates)
    {
        requireNonNull(events, "events is null");
        requireNonNull(shapes, "shapes is null");
        requireNonNull(candidates, "candidates is null");
        List<ReplayEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(ReplayEvent::start).thenComparing(ReplayEvent::fingerprint));
        Instant first = ordered.isEmpty() ? Instant.EPOCH : ordered.get(0).start();

        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Long> notSimulated = new TreeMap<>();
        List<ReplayEvent> simulated = new ArrayList<>();
        for (ReplayEvent event : ordered) {
            if (shapes.containsKey(event.fingerprint())) {
                counts.merge(event.fingerprint(), 1L, Long::sum);
                simulated.add(event);
            }
            else {
                notSimulated.merge(event.fingerprint(), 1L, Long::sum);
            }
        }
        List<Map<String, QueryCost>> costs = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Map<String, QueryCost> byFingerprint = new HashMap<>();
            for (String fingerprint : counts.keySet()) {
                byFingerprint.put(fingerprint, candidate.model().cost(shapes.get(fingerprint)));
            }
            costs.add(byFingerprint);
        }
        int hours = simulated.isEmpty() ? 0 : (int) Duration.between(first, simulated.get(simulated.size() - 1).start()).toHours() + 1;
        List<ReplayResult.DesignTotals> totals = new ArrayList<>();
        for (int d = 0; d < candidates.size(); d++) {
            totals.add(simulate(candidates.get(d).name(), simulated, shapes, costs.get(d), first, hours));
        }
        List<ReplayResult.QueryTotals> queries = new ArrayList<>();
        counts.forEach((fingerprint, count) -> {
            List<QueryCost> perDesign = new ArrayList<>();
            for (Map<String, QueryCost> byFingerprint : costs) {
                perDesign.add(byFingerprint.get(fingerprint));
            }
            queries.add(new ReplayResult.QueryTotals(fingerprint, count, sql.getOrDefault(fingerprint, ""), perDesign));
        });
        queries.sort(Comparator.comparingLong(ReplayResult.QueryTotals::count).reversed().thenComparing(ReplayResult.QueryTotals::fingerprint));
        return new ReplayResult(totals, queries, notSimulated, first);
    }

    private ReplayResult.DesignTotals simulate(String name, List<ReplayEvent> events, Map<String, QueryShape> shapes, Map<String, QueryCost> costs, Instant first, int hours)
    {
        List<PriorityQueue<Double>> slots = new ArrayList<>();
        List<PriorityQueue<Double>> scaling = new ArrayList<>();
        for (WlmConfig.Queue queue : wlm.queues()) {
            PriorityQueue<Double> free = new PriorityQueue<>();
            PriorityQueue<Double> extra = new PriorityQueue<>();
            for (int i = 0; i < queue.slots(); i++) {
                free.add(0.0);
            }
            for (int i = 0; i < queue.slots() * wlm.scalingClusters(); i++) {
                extra.add(0.0);
            }
            slots.add(free);
            scaling.add(extra);
        }
        Map<String, Integer> queueByUser = new HashMap<>();
        double[] waits = new double[events.size()];
        double[] latencies = new double[events.size()];
        double[] hourly = new double[hours];
        double seconds = 0;
        double scanned = 0;
        double moved = 0;
        double written = 0;
        long scaled = 0;
        for (int i = 0; i < events.size(); i++) {
            ReplayEvent event = events.get(i);
            QueryCost cost = costs.get(event.fingerprint());
            double arrival = Duration.between(first, event.start()).toNanos() / 1e9;
            int queue = queueByUser.computeIfAbsent(event.user(), wlm::queueOf);
            PriorityQueue<Double> free = slots.get(queue);
            PriorityQueue<Double> extra = scaling.get(queue);
            double start;
            boolean readOnly = shapes.get(event.fingerprint()).kind() == StatementKind.SELECT;
            if (free.peek() > arrival && readOnly && !extra.isEmpty() && extra.peek() < free.peek()) {
                start = Math.max(arrival, extra.poll());
                extra.add(start + cost.seconds());
                scaled++;
            }
            else {
                start = Math.max(arrival, free.poll());
                free.add(start + cost.seconds());
            }
            waits[i] = start - arrival;
            latencies[i] = waits[i] + cost.seconds();
            seconds += cost.seconds();
            scanned += cost.bytesScanned();
            moved += cost.bytesMoved();
            written += cost.bytesWritten();
            hourly[Math.min(hours - 1, (int) (arrival / 3600))] += cost.seconds();
        }
        return new ReplayResult.DesignTotals(name, events.size(), seconds, scanned, moved, written,
                ReplayResult.Percentiles.of(waits), ReplayResult.Percentiles.of(latencies), scaled, hourly);
    }
}
