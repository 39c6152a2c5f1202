package io.autotable.simulator.replay;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A workload-management configuration, as Redshift's manual WLM has it: queues with a number of
 * slots (queries that run at once) each, users routed to a queue by name, the last queue without
 * users taking everyone else; and concurrency scaling: up to {@code scalingClusters} extra
 * clusters, each with the same slots, that take read-only queries which would otherwise wait.
 *
 * <p>The simulation is a first-come first-served multi-server queue per queue: a query starts when
 * it arrives if a slot is free, else when the first slot frees up; it then runs for its simulated
 * time, whatever else runs (Redshift splits a queue's memory between its slots, not the cluster's
 * time, and the model does not slow a query down for its neighbours).
 */
public record WlmConfig(List<Queue> queues, int scalingClusters)
{
    /** A queue: {@code users} empty for the default queue. */
    public record Queue(String name, int slots, Set<String> users)
    {
        public Queue
        {
            requireNonNull(name, "name is null");
            users = Set.copyOf(requireNonNull(users, "users is null"));
            if (slots < 1 || slots > 50) {
                throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "WLM queue %s: slots must be in 1..50 (Redshift's limit), got %d".formatted(name, slots));
            }
        }
    }

    public WlmConfig
    {
        queues = List.copyOf(requireNonNull(queues, "queues is null"));
        if (queues.isEmpty()) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "a WLM configuration needs at least one queue");
        }
        if (!queues.get(queues.size() - 1).users().isEmpty()) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "the last WLM queue is the default one and takes no user list, got %s".formatted(queues.get(queues.size() - 1).users()));
        }
        Set<String> names = new HashSet<>();
        int total = 0;
        for (Queue queue : queues) {
            if (!names.add(queue.name())) {
                throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "WLM queue %s is declared twice".formatted(queue.name()));
            }
            total += queue.slots();
        }
        if (total > 50) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "WLM queues have %d slots together; Redshift allows at most 50".formatted(total));
        }
        if (scalingClusters < 0 || scalingClusters > 10) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "concurrency scaling clusters must be in 0..10, got " + scalingClusters);
        }
    }

    /** Redshift's default manual WLM: one queue of 5 slots, no concurrency scaling. */
    public static WlmConfig defaultConfig()
    {
        return new WlmConfig(List.of(new Queue("default", 5, Set.of())), 0);
    }

    /** The index of the queue a user's queries go to. */
    public int queueOf(String user)
    {
        for (int i = 0; i < queues.size(); i++) {
            if (queues.get(i).users().contains(user)) {
                return i;
            }
        }
        return queues.size() - 1;
    }
}
