package io.autotable.simulator.warehouse;

import io.autotable.catalog.Table;
import io.autotable.error.AutotableException;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.data.RowSink;
import io.autotable.simulator.stats.TableStatsCollector;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Moves one table's rows from a producer into the embedded warehouse on two threads: the producer
 * (generating or parsing rows) and the statistics run on a thread of their own, the database's
 * inserts on the caller's. Rows go over in chunks through a bounded queue, which also hands the
 * finished statistics collector over to the caller safely.
 *
 * <p>Shared by every loader ({@link BenchmarkLoader}, the CSV loader): what differs between them
 * is where rows come from and what happens to the table afterwards, not how rows get in.
 */
public final class RowPipeline
{
    private static final int CHUNK_ROWS = 2_048;
    private static final int QUEUED_CHUNKS = 16;
    private static final int BATCH_ROWS = 1_000;
    private static final int COMMIT_ROWS = 100_000;
    private static final int PROGRESS_EVERY = 10_000;
    private static final Object[][] END_OF_ROWS = new Object[0][];

    /** Produces a table's rows into a sink, on the pipeline's producer thread. */
    @FunctionalInterface
    public interface RowProducer
    {
        /**
         * Hands every row to the sink, in order. Stops early, by returning or throwing, when the
         * thread is interrupted. An {@link AutotableException} thrown here reaches the caller of
         * {@link #run} as it is.
         */
        void produce(RowSink sink);
    }

    private RowPipeline() {}

    /**
     * Writes every row the producer makes into {@code target}, which must exist, adding each row
     * to {@code stats} on the producer's thread before it is queued. {@code stats} may be
     * finished by the caller once this returns.
     *
     * @param cancelled checked between chunks; when it turns true the load stops with {@code stopped}'s exception
     * @param progress told the rows written so far every few thousand rows, and once at the end
     * @param stopped the exception to throw when the load is cancelled or the thread interrupted
     * @return the rows written and committed
     */
    public static long run(
            EmbeddedWarehouse warehouse,
            Table target,
            TableStatsCollector stats,
            RowProducer producer,
            BooleanSupplier cancelled,
            LongConsumer progress,
            Supplier<? extends RuntimeException> stopped)
    {
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(target, "target is null");
        requireNonNull(stats, "stats is null");
        requireNonNull(producer, "producer is null");
        requireNonNull(cancelled, "cancelled is null");
        requireNonNull(progress, "progress is null");
        requireNonNull(stopped, "stopped is null");

        BlockingQueue<Object[][]> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        Thread producerThread = new Thread(() -> produce(producer, stats, chunks, producerFailure), "produce-" + target.name());
        producerThread.setDaemon(true);
        producerThread.start();
        try (TableWriter writer = warehouse.writer(target, BATCH_ROWS, COMMIT_ROWS)) {
            long nextProgress = PROGRESS_EVERY;
            while (true) {
                Object[][] chunk = chunks.poll(100, TimeUnit.MILLISECONDS);
                if (chunk == null) {
                    if (cancelled.getAsBoolean()) {
                        throw stopped.get();
                    }
                    if (!producerThread.isAlive() && chunks.isEmpty()) {
                        throw producerDied(target, producerFailure.get());
                    }
                    continue;
                }
                if (chunk == END_OF_ROWS) {
                    break;
                }
                if (cancelled.getAsBoolean()) {
                    throw stopped.get();
                }
                for (Object[] row : chunk) {
                    writer.write(row);
                }
                if (writer.written() + CHUNK_ROWS >= nextProgress) {
                    progress.accept(writer.written());
                    nextProgress += PROGRESS_EVERY;
                }
            }
            long rows = writer.finish();
            progress.accept(rows);
            return rows;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped.get();
        }
        catch (RuntimeException e) {
            if (cancelled.getAsBoolean()) {
                // on Ctrl-C the JVM's shutdown may close the database under the write in progress
                throw stopped.get();
            }
            throw e;
        }
        finally {
            producerThread.interrupt();
        }
    }

    private static void produce(RowProducer producer, TableStatsCollector stats, BlockingQueue<Object[][]> chunks, AtomicReference<Throwable> failure)
    {
        Object[][][] chunk = {new Object[CHUNK_ROWS][]};
        int[] filled = {0};
        try {
            producer.produce(row -> {
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
            put(chunks, END_OF_ROWS);
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
            throw new SimulatorException(ErrorCode.INTERRUPTED, "producing rows was interrupted");
        }
    }

    private static RuntimeException producerDied(Table table, Throwable failure)
    {
        if (failure instanceof AutotableException autotableException) {
            return autotableException;
        }
        return new SimulatorException(ErrorCode.GENERATOR_FAILURE,
                "producing the rows of table %s failed: %s".formatted(table.name(), failure == null ? "the producer stopped without an error" : failure), failure);
    }
}
