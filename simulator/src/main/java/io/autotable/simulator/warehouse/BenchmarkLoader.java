package io.autotable.simulator.warehouse;

import io.autotable.catalog.Table;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.error.ErrorCode;
import io.autotable.repository.JournalEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.data.BenchmarkGenerator;
import io.autotable.simulator.stats.StatsOptions;
import io.autotable.simulator.stats.TableStats;
import io.autotable.simulator.stats.TableStatsCollector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Generates a benchmark's data into the embedded warehouse and records each table, with
 * statistics computed from all its rows, in the repository.
 *
 * <p>Each table goes through the catalog as INCOMPLETE before its first row is written and
 * becomes COMPLETE, together with its initial design, in one repository transaction after its
 * last row is committed. A load that is interrupted or dies in between leaves the table marked
 * INCOMPLETE: the workspace stays openable and no partial table is taken for a complete one.
 *
 * <p>Generation and statistics run on their own thread and hand rows over in chunks, so they and
 * the database's inserts use two cores ({@link RowPipeline}).
 */
public final class BenchmarkLoader
{
    /**
     * The largest scale the embedded warehouse loads, whatever a generator can make: about 10 GB of
     * raw data in one H2 file is already far past what a laptop-sized workspace is for.
     */
    public static final double MAX_EMBEDDED_SCALE = 10;

    private final WorkloadRepository repository;
    private final EmbeddedWarehouse warehouse;
    private final StatsOptions statsOptions;
    private final LoadListener listener;
    private volatile boolean cancelled;

    public BenchmarkLoader(WorkloadRepository repository, EmbeddedWarehouse warehouse, StatsOptions statsOptions, LoadListener listener)
    {
        this.repository = requireNonNull(repository, "repository is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.statsOptions = requireNonNull(statsOptions, "statsOptions is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    /**
     * Asks a running load to stop after the chunk of rows it is writing, from any thread (a
     * shutdown hook on Ctrl-C). The database is never interrupted mid-write: the table being
     * loaded stays marked incomplete and {@link #load} throws {@link ErrorCode#INTERRUPTED}.
     */
    public void cancel()
    {
        cancelled = true;
    }

    /**
     * Checks a scale for a generator, and against {@link #MAX_EMBEDDED_SCALE}, before anything is written.
     *
     * @throws SimulatorException with {@link ErrorCode#INVALID_SCALE} naming the value and the range
     */
    public static void checkScale(BenchmarkGenerator generator, double scale)
    {
        double max = Math.min(generator.maxScale(), MAX_EMBEDDED_SCALE);
        if (!(scale >= generator.minScale() && scale <= max)) {
            throw new SimulatorException(ErrorCode.INVALID_SCALE,
                    "scale %s is out of range for %s in the embedded warehouse: use a scale factor from %s to %s (1 is about 1 GB of raw data)"
                            .formatted(format(scale), generator.name(), format(generator.minScale()), format(max)));
        }
    }

    /** Loads every table of the benchmark at the scale, replacing tables of the same names. */
    public LoadSummary load(BenchmarkGenerator generator, double scale)
    {
        checkScale(generator, scale);
        String origin = "%s scale %s".formatted(generator.name(), format(scale));
        long started = System.nanoTime();
        repository.appendJournal(JournalEntry.of("init-started", Optional.empty(), origin));
        List<TableLoad> loads = new ArrayList<>();
        for (Table table : generator.schema()) {
            if (cancelled) {
                throw interrupted(table);
            }
            loads.add(loadTable(generator, scale, table, origin));
        }
        LoadSummary summary = new LoadSummary(generator.name(), scale, loads, Duration.ofNanos(System.nanoTime() - started));
        repository.appendJournal(JournalEntry.of("init-finished", Optional.empty(),
                "%s: %d tables, %d rows in %.1f s".formatted(origin, loads.size(), summary.rows(), summary.elapsed().toMillis() / 1000.0)));
        return summary;
    }

    private TableLoad loadTable(BenchmarkGenerator generator, double scale, Table declared, String origin)
    {
        long started = System.nanoTime();
        long expected = generator.expectedRows(declared.name(), scale);
        listener.tableStarted(declared.name(), expected);
        repository.saveTable(declared, TableState.INCOMPLETE, origin);
        warehouse.createTable(declared);

        TableStatsCollector stats = new TableStatsCollector(declared.columns(), statsOptions);
        long rows = RowPipeline.run(
                warehouse,
                declared,
                stats,
                sink -> generator.generate(declared.name(), scale, sink),
                () -> cancelled,
                written -> listener.rowsLoaded(declared.name(), written),
                () -> interrupted(declared));
        TableStats tableStats = stats.finish();
        Table loaded = declared.withData(tableStats.columns(), tableStats.rows(), tableStats.sizeBytes());
        repository.saveTables(List.of(loaded), TableState.COMPLETE, origin, PhysicalDesign.empty().with(loaded.name(), TableDesign.initial()));
        TableLoad load = new TableLoad(loaded.name(), rows, loaded.sizeBytes(), Duration.ofNanos(System.nanoTime() - started));
        listener.tableFinished(load);
        return load;
    }

    private static SimulatorException interrupted(Table table)
    {
        return new SimulatorException(ErrorCode.INTERRUPTED,
                "the load was interrupted while loading table %s: it is marked incomplete; run 'autotable init' again to reload it".formatted(table.name()));
    }

    static String format(double scale)
    {
        if (scale == Math.rint(scale) && Math.abs(scale) < 1e15) {
            return Long.toString((long) scale);
        }
        return String.format(Locale.ROOT, "%s", scale);
    }
}
