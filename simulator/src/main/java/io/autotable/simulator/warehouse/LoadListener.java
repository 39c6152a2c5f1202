package io.autotable.simulator.warehouse;

/**
 * Hears how a load progresses, for progress bars. Called on the loading thread; implementations
 * must be quick.
 */
public interface LoadListener
{
    /** A table's load starts; {@code expectedRows} is the generator's count (an estimate for some tables). */
    default void tableStarted(String table, long expectedRows) {}

    /** Rows of the current table written so far; called every few thousand rows. */
    default void rowsLoaded(String table, long rowsSoFar) {}

    /** A better guess of the current table's rows, when they were not known at the start (a file being read). */
    default void expectedRowsRevised(String table, long expectedRows) {}

    default void tableFinished(TableLoad load) {}

    static LoadListener none()
    {
        return new LoadListener() {};
    }
}
