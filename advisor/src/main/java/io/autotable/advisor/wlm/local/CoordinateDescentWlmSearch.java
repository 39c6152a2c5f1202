package io.autotable.advisor.wlm.local;

import io.autotable.advisor.wlm.WlmObjective;
import io.autotable.advisor.wlm.WlmSearch;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.wlm.WlmConfiguration;
import io.autotable.simulator.wlm.WlmConfiguration.ConcurrencyScaling;
import io.autotable.simulator.wlm.WlmConfiguration.Queue;
import io.autotable.simulator.wlm.WlmConfiguration.ShortQueryAcceleration;
import io.autotable.simulator.wlm.WlmOutcome;
import io.autotable.simulator.wlm.WlmRun;
import io.autotable.simulator.wlm.WlmSimulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Local search by coordinates, from three starts (the configuration given; it with the widest SQA
 * lane, 20 s x 15; it with one scaling cluster for every queue): each setting in turn (each queue's
 * slots; SQA off, or on with its cutoff and slots together; scaling clusters with the wait before
 * scaling together; whether each queue scales) is set to the best of its grid values with the
 * others fixed, simulating every value; rounds repeat until one changes nothing (at most {@link #MAX_ROUNDS}). Queues' routing,
 * memory shares and timeouts are kept. Each distinct configuration is simulated once. Not
 * guaranteed to find the grid's best (settings interact), but it never returns a configuration
 * worse than the start under the objective, whose throughput floor is the start's.
 */
public final class CoordinateDescentWlmSearch
        implements WlmSearch
{
    public static final int MAX_ROUNDS = 4;
    static final int[] QUEUE_SLOTS = {1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25};
    static final double[] SQA_CUTOFFS = {1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20};
    static final int[] SQA_SLOTS = {1, 2, 3, 4, 5, 6, 8, 10, 12, 15};
    static final int[] SCALING_CLUSTERS = {0, 1, 2, 3, 4, 6, 8, 10};
    static final double[] SCALING_WAITS = {0, 1, 2, 5, 10, 30, 60};

    private final WlmSimulation simulation;
    private final WlmSimulation.Settings settings;

    public CoordinateDescentWlmSearch(WlmSimulation simulation, WlmSimulation.Settings settings)
    {
        this.simulation = requireNonNull(simulation, "simulation is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public Result search(WlmConfiguration start, List<WlmRun> runs, WlmObjective objective)
    {
        requireNonNull(start, "start is null");
        requireNonNull(runs, "runs is null");
        requireNonNull(objective, "objective is null");
        Map<WlmConfiguration, WlmOutcome> simulated = new HashMap<>();
        WlmOutcome baseline = simulate(start, runs, simulated);
        WlmConfiguration best = start;
        WlmOutcome bestOutcome = baseline;
        for (WlmConfiguration from : starts(start)) {
            WlmConfiguration local = from;
            WlmOutcome localOutcome = simulate(from, runs, simulated);
            for (int round = 0; round < MAX_ROUNDS; round++) {
                boolean changed = false;
                for (List<WlmConfiguration> coordinate : coordinates(local)) {
                    for (WlmConfiguration candidate : coordinate) {
                        WlmOutcome outcome = simulate(candidate, runs, simulated);
                        if (objective.compare(outcome, localOutcome, baseline) < 0) {
                            local = candidate;
                            localOutcome = outcome;
                            changed = true;
                        }
                    }
                }
                if (!changed) {
                    break;
                }
            }
            if (objective.compare(localOutcome, bestOutcome, baseline) < 0) {
                best = local;
                bestOutcome = localOutcome;
            }
        }
        return new Result(best, bestOutcome, simulated.size());
    }

    // the start itself, with the widest SQA lane, and with one scaling cluster for every queue: descents from these find what one alone misses
    private static List<WlmConfiguration> starts(WlmConfiguration start)
    {
        List<WlmConfiguration> starts = new ArrayList<>();
        starts.add(start);
        add(starts, () -> start.withShortQueryAcceleration(new ShortQueryAcceleration(true, ShortQueryAcceleration.MAX_CUTOFF_SECONDS, ShortQueryAcceleration.MAX_SLOTS)));
        if (start.concurrencyScaling().maxClusters() == 0) {
            add(starts, () -> start.withConcurrencyScaling(new ConcurrencyScaling(1, 0)).withQueues(start.queues().stream().map(queue -> queue.withConcurrencyScaling(true)).toList()));
        }
        return starts;
    }

    private WlmOutcome simulate(WlmConfiguration configuration, List<WlmRun> runs, Map<WlmConfiguration, WlmOutcome> simulated)
    {
        return simulated.computeIfAbsent(configuration, key -> simulation.simulate(key, runs, settings));
    }

    // each setting's grid around a configuration; values that break a rule (slots beyond 50) are left out
    private static List<List<WlmConfiguration>> coordinates(WlmConfiguration from)
    {
        List<List<WlmConfiguration>> coordinates = new ArrayList<>();
        for (int q = 0; q < from.queues().size(); q++) {
            int index = q;
            List<WlmConfiguration> slots = new ArrayList<>();
            for (int value : QUEUE_SLOTS) {
                add(slots, () -> from.withQueues(replace(from.queues(), index, from.queues().get(index).withSlots(value))));
            }
            coordinates.add(slots);
        }
        // SQA's cutoff and slots together, and scaling's clusters and wait together: each alone rarely pays
        List<WlmConfiguration> sqa = new ArrayList<>();
        add(sqa, () -> from.withShortQueryAcceleration(ShortQueryAcceleration.disabled()));
        for (double cutoff : SQA_CUTOFFS) {
            for (int slots : SQA_SLOTS) {
                add(sqa, () -> from.withShortQueryAcceleration(new ShortQueryAcceleration(true, cutoff, slots)));
            }
        }
        coordinates.add(sqa);
        ConcurrencyScaling scaling = from.concurrencyScaling();
        List<WlmConfiguration> clusters = new ArrayList<>();
        for (int value : SCALING_CLUSTERS) {
            for (double wait : value == 0 ? new double[] {0} : SCALING_WAITS) {
                // turning scaling on turns it on for every queue; the next coordinates may turn it off again per queue
                add(clusters, () -> {
                    WlmConfiguration changed = from.withConcurrencyScaling(new ConcurrencyScaling(value, wait));
                    return scaling.maxClusters() == 0 && value > 0 ? changed.withQueues(from.queues().stream().map(queue -> queue.withConcurrencyScaling(true)).toList()) : changed;
                });
            }
        }
        coordinates.add(clusters);
        if (scaling.maxClusters() > 0) {
            for (int q = 0; q < from.queues().size(); q++) {
                int index = q;
                List<WlmConfiguration> onOff = new ArrayList<>();
                for (boolean value : new boolean[] {false, true}) {
                    add(onOff, () -> from.withQueues(replace(from.queues(), index, from.queues().get(index).withConcurrencyScaling(value))));
                }
                coordinates.add(onOff);
            }
        }
        return coordinates;
    }

    private interface Candidate
    {
        WlmConfiguration make();
    }

    private static void add(List<WlmConfiguration> list, Candidate candidate)
    {
        try {
            list.add(candidate.make());
        }
        catch (SimulatorException e) {
            // outside Redshift's limits (slots beyond 50 in all): not a candidate
        }
    }

    private static List<Queue> replace(List<Queue> queues, int index, Queue queue)
    {
        List<Queue> copy = new ArrayList<>(queues);
        copy.set(index, queue);
        return copy;
    }
}
