package io.autotable.simulator.load;

import io.autotable.catalog.Table;
import io.autotable.simulator.warehouse.LoadListener;

import java.nio.file.Path;

/**
 * Hears how a CSV load goes, for the terminal: the steps before the rows flow, then the
 * {@link LoadListener} progress. Called on the loading thread; implementations must be quick.
 */
public interface CsvLoadListener
        extends LoadListener
{
    /** The table is not in the catalog: the files are read once to infer its columns' types. */
    default void inferringTypes(Path firstFile) {}

    /**
     * The columns the rows will be loaded as, before the first row is.
     *
     * @param inferred true when inferred from {@code rowsRead} records of the files, false when the catalog had them
     */
    default void columnsChosen(Table table, boolean inferred, long rowsRead) {}

    static CsvLoadListener none()
    {
        return new CsvLoadListener() {};
    }
}
