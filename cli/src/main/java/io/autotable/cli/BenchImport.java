package io.autotable.cli;

import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.analysis.WorkloadAnalyzer;
import io.autotable.capture.WorkloadImporter;
import io.autotable.capture.jsonl.JsonlSource;
import io.autotable.catalog.Table;
import io.autotable.design.PhysicalDesign;
import io.autotable.repository.TableState;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.data.tpch.TpchGenerator;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.sql.fingerprint.LexicalFingerprinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * {@code autotable bench import}: a seeded JSONL log of TPC-H-shaped statements, imported and
 * analysed end to end, timed phase by phase, with the heap's peak.
 */
@Command(mixinStandardHelpOptions = true, name = "import", description = "Import and analyse a seeded JSONL log end to end; reports events/s, seconds per phase and the heap's peak.")
final class BenchImport
        implements Callable<Integer>
{
    private static final String[] SEGMENTS = {"AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD", "MACHINERY"};

    @Option(names = "--events", defaultValue = "1000000", description = "Events in the log (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--fingerprints", defaultValue = "5000", description = "Distinct statements (default: ${DEFAULT-VALUE}).")
    int fingerprints;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
            throws IOException
    {
        PrintWriter out = spec.commandLine().getOut();
        Path directory = Files.createTempDirectory("autotable-bench-import");
        try {
            Path log = directory.resolve("workload.jsonl");
            writeLog(log);
            out.printf(Locale.ROOT, "bench import: wrote %,d events over %,d statements (seed %d) to a %s JSONL log%n",
                    events, fingerprints, seed, Formats.bytes(Files.size(log)));
            out.flush();
            Workspace workspace = new Workspace(directory.resolve("workspace"));
            resetPeaks();
            long started = System.nanoTime();
            try (WorkloadRepository repository = WorkloadRepository.open(workspace)) {
                List<Table> schema = new TpchGenerator().schema();
                repository.saveTables(schema, TableState.DECLARED, "bench", PhysicalDesign.empty());
                long[] bad = {0};
                WorkloadImporter.FileResult imported = new WorkloadImporter(repository)
                        .importFiles(new JsonlSource(new LexicalFingerprinter()), List.of(log), record -> bad[0]++).get(0);
                double importSeconds = (System.nanoTime() - started) / 1e9;
                long analyzeStarted = System.nanoTime();
                WorkloadAnalysis analysis = new WorkloadAnalyzer(new CalciteSqlAnalyzer(), SqlDialect.REDSHIFT).analyze(repository);
                double analyzeSeconds = (System.nanoTime() - analyzeStarted) / 1e9;
                double total = (System.nanoTime() - started) / 1e9;
                out.printf(Locale.ROOT, "  import:  %,d events (%,d bad) in %.1f s = %,.0f events/s%n", imported.added(), bad[0], importSeconds, imported.added() / importSeconds);
                out.printf(Locale.ROOT, "  analyze: %,d statements, %,d distinct fingerprints, %,d analysed, %,d not, %,d join edges in %.1f s%n",
                        analysis.statements(), analysis.distinctFingerprints(), analysis.parsed(), analysis.unparsed().size(), analysis.joinEdges().size(), analyzeSeconds);
                out.printf(Locale.ROOT, "bench import: %,d events imported and analysed end to end in %.1f s; heap peak %s of max %s%n",
                        events, total, Formats.bytes(heapPeak()), Formats.bytes(Runtime.getRuntime().maxMemory()));
            }
        }
        finally {
            BenchCommand.deleteRecursively(directory);
        }
        return 0;
    }

    private void writeLog(Path log)
    {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int i = 0; i < events; i++) {
                // a skewed mix: the first statements run far more often than the last
                int statement = (int) Math.min(fingerprints - 1, Math.floor(Math.pow(random.nextDouble(), 3) * fingerprints));
                String sql = statement(statement, random);
                Instant start = Instant.ofEpochSecond(1_767_600_000L + i / 12, random.nextInt(1_000_000) * 1_000L);
                writer.write("{\"id\":\"" + i + "\",\"user\":\"user" + random.nextInt(20) + "\",\"start\":\"" + start
                        + "\",\"durationMicros\":" + random.nextLong(1_000, 30_000_000) + ",\"rows\":" + random.nextInt(10_000)
                        + ",\"sql\":\"" + sql.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}\n");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark log " + log, e);
        }
    }

    // each statement number has its own structure (its aliases and shape), its literals vary per run
    private static String statement(int number, SplittableRandom random)
    {
        String date = "199" + random.nextInt(2, 8) + "-0" + random.nextInt(1, 10) + "-01";
        return switch (number % 5) {
            case 0 -> "select l_returnflag, l_linestatus, sum(l_quantity) as qty_" + number + ", avg(l_extendedprice) as price_" + number
                    + " from lineitem where l_shipdate <= date '" + date + "' - interval '" + random.nextInt(60, 121) + "' day"
                    + " group by l_returnflag, l_linestatus order by l_returnflag, l_linestatus";
            case 1 -> "select o_orderpriority, count(*) as orders_" + number + " from orders join lineitem on l_orderkey = o_orderkey"
                    + " where o_orderdate >= date '" + date + "' and l_commitdate < l_receiptdate group by o_orderpriority";
            case 2 -> "select c_custkey, sum(o_totalprice) as spent_" + number + " from customer, orders where c_custkey = o_custkey"
                    + " and c_mktsegment = '" + SEGMENTS[random.nextInt(SEGMENTS.length)] + "' and o_orderdate < date '" + date + "' group by c_custkey";
            case 3 -> "select n_name, sum(l_extendedprice * (1 - l_discount)) as revenue_" + number
                    + " from customer, orders, lineitem, supplier, nation where c_custkey = o_custkey and l_orderkey = o_orderkey"
                    + " and l_suppkey = s_suppkey and s_nationkey = n_nationkey and o_orderdate between date '" + date + "' and date '1998-12-01'"
                    + " group by n_name";
            default -> "select p_brand, p_type, count(distinct ps_suppkey) as suppliers_" + number + " from partsupp, part where p_partkey = ps_partkey"
                    + " and p_size in (" + random.nextInt(1, 50) + ", " + random.nextInt(1, 50) + ") and p_brand <> 'Brand#" + random.nextInt(10, 56) + "'"
                    + " group by p_brand, p_type";
        };
    }

    private static void resetPeaks()
    {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    // the sum of each heap pool's peak bounds the heap's true peak from above
    static long heapPeak()
    {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
