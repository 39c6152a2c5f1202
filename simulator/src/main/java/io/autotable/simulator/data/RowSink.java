package io.autotable.simulator.data;

/**
 * Receives generated or loaded rows. The array belongs to the sink once passed: a producer never
 * reuses it.
 */
@FunctionalInterface
public interface RowSink
{
    void accept(Object[] row);
}
