package io.autotable.simulator.warehouse;

import io.autotable.catalog.Table;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.error.AutotableException;
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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
 * the database's inserts use two cores.
 */
public final class BenchmarkLoader
{
    /**
     * The largest scale the embedded warehouse loads, whatever a generator can make: about 10 GB of
     * raw data in one H2 file is already far past what a laptop-sized workspace is for.
     */
    public static final double MAX_EMBEDDED_SCALE = 10;

    private static final int CHUNK_ROWS = 2_048;
    private static final int QUEUED_CHUNKS = 16;
    private static final int BATCH_ROWS = 1_000;
    private static final int COMMIT_ROWS = 100_000;
    private static final int PROGRESS_EVERY = 10_000;
    private static final Object[][] END_OF_TABLE = new Object[0][];

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
        BlockingQueue<Object[][]> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        // statistics are computed on the generating thread, so generation + statistics and the
        // database's inserts each get a core; the queue hands the finished collector over safely
        Thread producer = new Thread(() -> produce(generator, scale, declared.name(), stats, chunks, producerFailure), "generate-" + declared.name());
        producer.setDaemon(true);
        producer.start();
        try (TableWriter writer = warehouse.writer(declared, BATCH_ROWS, COMMIT_ROWS)) {
            long nextProgress = PROGRESS_EVERY;
            while (true) {
                Object[][] chunk = chunks.poll(100, TimeUnit.MILLISECONDS);
                if (chunk == null) {
                    if (!producer.isAlive() && chunks.isEmpty()) {
                        throw producerDied(declared, producerFailure.get());
                    }
                    continue;
                }
                if (chunk == END_OF_TABLE) {
                    break;
                }
                if (cancelled) {
                    throw interrupted(declared);
                }
                for (Object[] row : chunk) {
                    writer.write(row);
                }
                if (writer.written() + CHUNK_ROWS >= nextProgress) {
                    listener.rowsLoaded(declared.name(), writer.written());
                    nextProgress += PROGRESS_EVERY;
                }
            }
            long rows = writer.finish();
            listener.rowsLoaded(declared.name(), rows);
            TableStats tableStats = stats.finish();
            Table loaded = declared.withData(tableStats.columns(), tableStats.rows(), tableStats.sizeBytes());
            repository.saveTables(List.of(loaded), TableState.COMPLETE, origin, PhysicalDesign.empty().with(loaded.name(), TableDesign.initial()));
            TableLoad load = new TableLoad(loaded.name(), rows, loaded.sizeBytes(), Duration.ofNanos(System.nanoTime() - started));
            listener.tableFinished(load);
            return load;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(declared);
        }
        catch (RuntimeException e) {
            if (cancelled) {
                // on Ctrl-C the JVM's shutdown may close the database under the write in progress
                throw interrupted(declared);
            }
            throw e;
        }
        finally {
            producer.interrupt();
        }
    }

    private static void produce(BenchmarkGenerator generator, double scale, String table, TableStatsCollector stats,
            BlockingQueue<Object[][]> chunks, AtomicReference<Throwable> failure)
    {
        Object[][][] chunk = {new Object[CHUNK_ROWS][]};
        int[] filled = {0};
        try {
            generator.generate(table, scale, row -> {
                stats.add(row);
                chunk[0][filled[0]++] = row;
                if (filled[0] == CHUNK_ROWS) {
                    put(chunks, chunk[0]);
                    chunk[0] = new Object[CHUNK_ROWS][];
                    filled[0] = 0;
                }
            });
            if (filled[0] > 0) {
                Object[][] last = new Object[filled[0]][];
                System.arraycopy(chunk[0], 0, last, 0, filled[0]);
                put(chunks, last);
            }
            put(chunks, END_OF_TABLE);
        }
        catch (Throwable t) {
            failure.set(t);
        }
    }

    private static void put(BlockingQueue<Object[][]> chunks, Object[][] chunk)
    {
        try {
            chunks.put(chunk);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorException(ErrorCode.INTERRUPTED, "generation was interrupted");
        }
    }

    private static RuntimeException producerDied(Table table, Throwable failure)
    {
        if (failure instanceof AutotableException autotableException) {
            return autotableException;
        }
        return new SimulatorException(ErrorCode.GENERATOR_FAILURE,
                "generating table %s failed: %s".formatted(table.name(), failure == null ? "the generator stopped without an error" : failure), failure);
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
