package io.autotable.simulator.cost;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One step of a query's simulated plan, like a line of EXPLAIN.
 *
 * @param kind what the step does
 * @param description what it works on: {@code lineitem}, {@code lineitem.l_orderkey = orders.o_orderkey}
 * @param movement how it moves data, absent for scans and writes
 * @param rows rows the step produces (estimated)
 * @param blocksRead blocks a scan reads after zone-map pruning (0 for other steps)
 * @param blocksTotal blocks of the referenced columns a scan could read
 * @param bytesScanned encoded bytes read
 * @param bytesMoved bytes sent between slices or nodes
 * @param bytesWritten bytes a write stores
 * @param seconds the step's time: its slowest slice's
 * @param skew the slowest slice's work over the mean slice's (1 is even)
 */
public record Step(
        Kind kind,
        String description,
        Optional<Movement> movement,
        double rows,
        long blocksRead,
        long blocksTotal,
        double bytesScanned,
        double bytesMoved,
        double bytesWritten,
        double seconds,
        double skew)
{
    public enum Kind
    {
        SCAN,
        JOIN,
        AGGREGATE,
        WRITE
    }

    public Step
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(description, "description is null");
        requireNonNull(movement, "movement is null");
    }
}
