package io.autotable.cli;

import io.autotable.capture.jdbc.CaptureOverhead;
import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.Table;
import io.autotable.repository.TableState;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.sql.fingerprint.FingerprintBenchmark;
import io.autotable.simulator.warehouse.LoadSummary;
import io.autotable.workload.QueryEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Measurements that are too slow or too noisy for unit tests, run on demand. Each runs in a fresh
 * temporary workspace unless one is given, and prints its figures with the configuration that
 * produced them.
 */
@Command(mixinStandardHelpOptions = true, name = "bench", description = "Measure autotable: repository event load rate, warehouse load rate, statistics accuracy.",
        subcommands = {BenchCommand.Events.class, BenchCommand.Load.class, BenchLoadCsv.class, BenchCommand.Stats.class, BenchImport.class,
                BenchCommand.Fingerprint.class, BenchCommand.Capture.class, BenchDistKeys.class, BenchEncodings.class, BenchLayout.class, BenchReplay.class})
final class BenchCommand
{
    @Command(mixinStandardHelpOptions = true, name = "events", description = "Append seeded synthetic query events to a repository and report the rate.")
    static final class Events
            implements java.util.concurrent.Callable<Integer>
    {
        @Option(names = "--count", defaultValue = "1000000", description = "Events to append (default: ${DEFAULT-VALUE}).")
        long count;

        @Option(names = "--fingerprints", defaultValue = "5000", description = "Distinct statements (default: ${DEFAULT-VALUE}).")
        int fingerprints;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace to append to (default: a temporary one, deleted afterwards).")
        Path directory;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call()
        {
            PrintWriter out = spec.commandLine().getOut();
            Path workspaceDirectory = directory != null ? directory : temporaryDirectory();
            try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(workspaceDirectory))) {
                SplittableRandom random = new SplittableRandom(seed);
                long before = repository.eventCount();
                long started = System.nanoTime();
                long reported = started;
                long appended = 0;
                List<QueryEvent> batch = new ArrayList<>(WorkloadRepository.EVENT_BATCH_SIZE);
                for (long i = 0; i < count; i++) {
                    batch.add(syntheticEvent(random, i, fingerprints));
                    if (batch.size() == WorkloadRepository.EVENT_BATCH_SIZE || i == count - 1) {
                        appended += repository.appendEvents(batch);
                        batch.clear();
                        long now = System.nanoTime();
                        if (now - reported > 10_000_000_000L) {
                            out.printf(Locale.ROOT, "  %,d events, %,.0f events/s%n", appended, appended / ((now - started) / 1e9));
                            out.flush();
                            reported = now;
                        }
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long size = sizeOf(workspaceDirectory.resolve("autotable.mv.db"));
                out.printf(Locale.ROOT, "bench events: appended %,d events (%,d fingerprints, seed %d) in %.1f s: %,.0f events/s; repository now holds %,d events in %s (%.0f bytes/event)%n",
                        appended, fingerprints, seed, seconds, appended / seconds, before + appended, Formats.bytes(size), (double) size / Math.max(1, before + appended));
                out.printf(Locale.ROOT, "heap used at the end: %s of max %s%n",
                        Formats.bytes(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()), Formats.bytes(Runtime.getRuntime().maxMemory()));
            }
            finally {
                if (directory == null) {
                    deleteRecursively(workspaceDirectory);
                }
            }
            return 0;
        }

        private static QueryEvent syntheticEvent(SplittableRandom random, long i, int fingerprints)
        {
            // a skewed mix of statements, each run with its own literals, as a real log has
            int statement = (int) Math.min(fingerprints - 1, Math.floor(Math.pow(random.nextDouble(), 3) * fingerprints));
            String sql = "select o_orderpriority, count(*) as order_count_" + statement
                    + " from orders join lineitem on l_orderkey = o_orderkey"
                    + " where o_orderdate >= date '199" + random.nextInt(3, 8) + "-0" + random.nextInt(1, 10) + "-01'"
                    + " and l_quantity < " + random.nextInt(1, 50)
                    + " and o_custkey = " + random.nextInt(1, 150_000)
                    + " group by o_orderpriority order by o_orderpriority";
            return QueryEvent.succeeded("bench", Long.toString(i), "user" + random.nextInt(20),
                    Instant.ofEpochSecond(1_760_000_000L + i / 10, random.nextInt(1_000_000) * 1_000L),
                    random.nextLong(1_000, 60_000_000), random.nextLong(0, 10_000), sql, "fp" + statement);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "load", description = "Load a benchmark into a fresh embedded warehouse and report rows/s.")
    static final class Load
            implements java.util.concurrent.Callable<Integer>
    {
        @Option(names = "--benchmark", defaultValue = "tpch", description = "tpch, tpcds or ssb (default: ${DEFAULT-VALUE}).")
        String benchmark;

        @Option(names = "--scale", defaultValue = "1", description = "Scale factor (default: ${DEFAULT-VALUE}).")
        double scale;

        @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace to load into (default: a temporary one, deleted afterwards).")
        Path directory;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call()
        {
            PrintWriter out = spec.commandLine().getOut();
            Path workspaceDirectory = directory != null ? directory : temporaryDirectory();
            try {
                LoadSummary summary = WarehouseSetup.init(new Workspace(workspaceDirectory), benchmark, scale, out, false);
                out.printf(Locale.ROOT, "bench load: %s scale %s: %,d rows in %.1f s = %,.0f rows/s (generation, H2 insert and statistics); warehouse file %s%n",
                        benchmark, Formats.scale(scale), summary.rows(), summary.elapsed().toMillis() / 1000.0, summary.rowsPerSecond(),
                        Formats.bytes(sizeOf(workspaceDirectory.resolve("warehouse.mv.db"))));
            }
            finally {
                if (directory == null) {
                    deleteRecursively(workspaceDirectory);
                }
            }
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "stats", description = "Compare the catalog's distinct counts with exact COUNT(DISTINCT) over the warehouse's data.")
    static final class Stats
            implements java.util.concurrent.Callable<Integer>
    {
        @Mixin
        WorkspaceOptions workspaceOptions;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call()
                throws SQLException
        {
            PrintWriter out = spec.commandLine().getOut();
            Workspace workspace = workspaceOptions.workspace();
            try (WorkloadRepository repository = WorkloadRepository.openExisting(workspace);
                    EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
                double worst = 0;
                String worstColumn = "none";
                int columns = 0;
                int sketched = 0;
                for (Table table : repository.catalog().tables()) {
                    if (repository.catalogEntry(table.name()).orElseThrow().state() != TableState.COMPLETE) {
                        continue;
                    }
                    for (Column column : table.columns()) {
                        ColumnStats stats = column.stats().orElseThrow();
                        long exact = exactDistinct(warehouse, table.name(), column.name());
                        double error = exact == 0 ? (stats.distinct() == 0 ? 0 : 1) : Math.abs(stats.distinct() - exact) / (double) exact;
                        columns++;
                        if (!stats.distinctExact()) {
                            sketched++;
                            out.printf(Locale.ROOT, "  %-40s sketch %,13d  exact %,13d  error %6.3f%%%n", table.name() + "." + column.name(), stats.distinct(), exact, error * 100);
                        }
                        if (error > worst) {
                            worst = error;
                            worstColumn = table.name() + "." + column.name();
                        }
                    }
                }
                out.printf(Locale.ROOT, "bench stats: %d columns, %d estimated by HyperLogLog; worst distinct-count error %.3f%% (%s)%n", columns, sketched, worst * 100, worstColumn);
            }
            return 0;
        }

        private static long exactDistinct(EmbeddedWarehouse warehouse, String table, String column)
                throws SQLException
        {
            try (Statement statement = warehouse.connection().createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COUNT(DISTINCT \"%s\") FROM \"%s\"".formatted(column, table))) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "fingerprint", description = "Fingerprint seeded statements of 300 to 2,000 characters on one thread; reports statements/s.")
    static final class Fingerprint
            implements java.util.concurrent.Callable<Integer>
    {
        @Option(names = "--statements", defaultValue = "2000", description = "Distinct statements (default: ${DEFAULT-VALUE}).")
        int statements;

        @Option(names = "--rounds", defaultValue = "100", description = "Times each is fingerprinted (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call()
        {
            PrintWriter out = spec.commandLine().getOut();
            for (int[] lengths : new int[][] {{300, 700}, {300, 2_000}, {1_500, 2_000}}) {
                List<String> sample = FingerprintBenchmark.sampleStatements(seed, statements, lengths[0], lengths[1]);
                double rate = FingerprintBenchmark.statementsPerSecond(sample, rounds);
                double averageLength = sample.stream().mapToInt(String::length).average().orElse(0);
                out.printf(Locale.ROOT, "bench fingerprint: %,d-%,d chars (average %,.0f): %,.0f statements/s on one thread%n", lengths[0], lengths[1], averageLength, rate);
                out.flush();
            }
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "capture", description = "Run fast queries (SELECT 1 on in-memory H2) through the bare driver and through the capture driver; reports both rates.")
    static final class Capture
            implements java.util.concurrent.Callable<Integer>
    {
        @Option(names = "--queries", defaultValue = "200000", description = "Queries per driver (default: ${DEFAULT-VALUE}).")
        int queries;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call()
                throws SQLException
        {
            PrintWriter out = spec.commandLine().getOut();
            Path workspaceDirectory = temporaryDirectory();
            try {
                CaptureOverhead.Result result = CaptureOverhead.measure(queries, new Workspace(workspaceDirectory));
                out.printf(Locale.ROOT, "bench capture: %,d queries each: bare driver %,.0f queries/s, capture driver %,.0f queries/s (ratio %.2f); recorder %s%n",
                        queries, result.bareQueriesPerSecond(), result.capturedQueriesPerSecond(), result.ratio(), result.stats());
            }
            finally {
                deleteRecursively(workspaceDirectory);
            }
            return 0;
        }
    }

    static Path temporaryDirectory()
    {
        try {
            return Files.createTempDirectory("autotable-bench");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long sizeOf(Path file)
    {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        }
        catch (IOException e) {
            return 0;
        }
    }

    static void deleteRecursively(Path directory)
    {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException ignored) {
            // a temporary directory; the system cleans it eventually
        }
    }
}
