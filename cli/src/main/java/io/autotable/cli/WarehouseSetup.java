package io.autotable.cli;

import io.autotable.catalog.Table;
import io.autotable.error.AutotableException;
import io.autotable.error.ErrorCode;
import io.autotable.repository.CatalogEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkspaceLock;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.data.BenchmarkGenerator;
import io.autotable.simulator.data.BenchmarkGenerators;
import io.autotable.simulator.stats.StatsOptions;
import io.autotable.simulator.warehouse.BenchmarkLoader;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.simulator.warehouse.LoadSummary;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Creates the embedded warehouse with a benchmark's data: what {@code init} and {@code demo} do.
 */
final class WarehouseSetup
{
    private WarehouseSetup() {}

    static LoadSummary init(Workspace workspace, String benchmark, double scale, PrintWriter out, boolean progress)
    {
        // everything about the request is checked before the workspace is touched
        BenchmarkGenerator generator = BenchmarkGenerators.byName(benchmark);
        BenchmarkLoader.checkScale(generator, scale);

        return rewrite(workspace, "init --benchmark %s --scale %s".formatted(generator.name(), Formats.scale(scale)), (repository, warehouse, onStop) -> {
            out.printf(Locale.ROOT, "Loading %s at scale %s into %s%n", generator.name(), Formats.scale(scale), workspace.directory());
            out.flush();
            BenchmarkLoader loader = new BenchmarkLoader(repository, warehouse, StatsOptions.defaults(), ConsoleLoadListener.forConsole(out, progress));
            onStop.set(loader::cancel);
            LoadSummary summary = loader.load(generator, scale);
            out.printf(Locale.ROOT, "Loaded %d tables, %,d rows in %.1f s (%,.0f rows/s, statistics included)%n",
                    summary.tables().size(), summary.rows(), summary.elapsed().toMillis() / 1000.0, summary.rowsPerSecond());
            out.flush();
            return summary;
        });
    }

    /** Work that rewrites the warehouse: it sets {@code onStop} to what stops it early. */
    @FunctionalInterface
    interface Rewrite<T>
    {
        T run(WorkloadRepository repository, EmbeddedWarehouse warehouse, AtomicReference<Runnable> onStop);
    }

    /**
     * Runs work that rewrites the workspace's warehouse, holding the workspace lock. Ctrl-C or
     * SIGTERM runs the work's stop action (a loader's cancel: stop between chunks, never
     * mid-write) and waits for the workspace to close cleanly before the JVM goes; the work's
     * {@link ErrorCode#INTERRUPTED} error is then reported at once and becomes a
     * {@link StoppedException}.
     */
    static <T> T rewrite(Workspace workspace, String purpose, Rewrite<T> work)
    {
        AtomicReference<Runnable> running = new AtomicReference<>();
        CountDownLatch closed = new CountDownLatch(1);
        Thread onStop = new Thread(() -> {
            Runnable stop = running.get();
            if (stop != null) {
                stop.run();
            }
            awaitQuietly(closed);
        }, "autotable-stop-load");
        Runtime.getRuntime().addShutdownHook(onStop);
        try (WorkspaceLock ignored = WorkspaceLock.acquire(workspace, purpose);
                WorkloadRepository repository = WorkloadRepository.open(workspace);
                EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
            return work.run(repository, warehouse, running);
        }
        catch (AutotableException e) {
            if (e.errorCode() != ErrorCode.INTERRUPTED) {
                throw e;
            }
            // the JVM is shutting down: report now, the process may not live to reach the handler
            PrintWriter err = new PrintWriter(System.err, true);
            err.println("autotable: " + e.getMessage());
            throw new StoppedException(e);
        }
        finally {
            closed.countDown();
            removeQuietly(onStop);
        }
    }

    /** The benchmark's tables, when the workspace holds every one of them completely loaded. */
    static Optional<List<Table>> completeBenchmarkTables(Workspace workspace, String benchmark)
    {
        Set<String> needed = BenchmarkGenerators.byName(benchmark).schema().stream().map(Table::name).collect(Collectors.toSet());
        if (!Files.exists(workspace.repositoryFile())) {
            return Optional.empty();
        }
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspace)) {
            List<Table> complete = repository.catalogEntries().stream()
                    .filter(entry -> entry.state() == TableState.COMPLETE && needed.contains(entry.table().name()))
                    .map(CatalogEntry::table)
                    .toList();
            return complete.size() == needed.size() ? Optional.of(complete) : Optional.empty();
        }
    }

    private static void awaitQuietly(CountDownLatch latch)
    {
        try {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeQuietly(Thread hook)
    {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (IllegalStateException ignored) {
            // the JVM is already shutting down: the hook is running
        }
    }
}
