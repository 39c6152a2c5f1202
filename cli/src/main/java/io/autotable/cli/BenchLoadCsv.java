package io.autotable.cli;

import io.autotable.catalog.Table;
import io.autotable.repository.TableState;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.data.BenchmarkGenerator;
import io.autotable.simulator.data.BenchmarkGenerators;
import io.autotable.simulator.load.CsvFormat;
import io.autotable.simulator.load.CsvLoadListener;
import io.autotable.simulator.load.CsvLoadRequest;
import io.autotable.simulator.load.CsvLoadResult;
import io.autotable.simulator.load.CsvLoader;
import io.autotable.simulator.load.CsvWriter;
import io.autotable.simulator.stats.StatsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * {@code autotable bench load-csv}: writes TPC-H's lineitem as a CSV file of about the size asked
 * for, then loads it into a fresh embedded warehouse through {@link CsvLoader}, as {@code load}
 * does, and reports rows/s and MB/s of the load (parsing, statistics and H2 inserts together).
 */
@Command(mixinStandardHelpOptions = true, name = "load-csv",
        description = "Write TPC-H lineitem as a CSV file of about --megabytes, load it with 'load' and report rows/s and MB/s.")
final class BenchLoadCsv
        implements Callable<Integer>
{
    /** Bytes of one lineitem row as CSV, measured at scale 0.131: sizes the scale to the file wanted. */
    private static final double LINEITEM_CSV_BYTES_PER_SCALE = 744e6;

    @Option(names = "--megabytes", defaultValue = "1000", description = "The CSV file's approximate size in MB (default: ${DEFAULT-VALUE}).")
    double megabytes;

    @Option(names = "--format", defaultValue = "csv", description = "csv or unload (default: ${DEFAULT-VALUE}).")
    LoadCommand.Format format;

    @Option(names = "--gzip", description = "Write and load the file gzip-compressed.")
    boolean gzip;

    @Option(names = "--infer", description = "Leave the table out of the catalog, so the load infers its types first (timed apart).")
    boolean infer;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Where to write the file and the warehouse, both kept (default: a temporary directory, deleted afterwards).")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        Path workspaceDirectory = directory != null ? directory : BenchCommand.temporaryDirectory();
        try {
            BenchmarkGenerator tpch = BenchmarkGenerators.byName("tpch");
            Table lineitem = tpch.schema().stream().filter(table -> table.name().equals("lineitem")).findFirst().orElseThrow();
            double scale = Math.max(0.01, megabytes * 1e6 / LINEITEM_CSV_BYTES_PER_SCALE);
            CsvFormat csvFormat = format == LoadCommand.Format.UNLOAD ? CsvFormat.unload() : CsvFormat.csv();
            Workspace workspace = new Workspace(workspaceDirectory);
            workspace.createIfMissing();
            Path file = workspaceDirectory.resolve("lineitem." + (format == LoadCommand.Format.UNLOAD ? "txt" : "csv") + (gzip ? ".gz" : ""));

            long writeStarted = System.nanoTime();
            long written = CsvWriter.write(file, lineitem, csvFormat, gzip, sink -> tpch.generate("lineitem", scale, sink));
            double writeSeconds = (System.nanoTime() - writeStarted) / 1e9;
            long fileBytes = BenchCommand.sizeOf(file);
            out.printf(Locale.ROOT, "bench load-csv: wrote TPC-H lineitem at scale %s: %,d rows, %s%s in %.1f s%n",
                    Formats.scale(Math.round(scale * 1000) / 1000.0), written, Formats.bytes(fileBytes), gzip ? " (gzip)" : "", writeSeconds);
            out.flush();

            if (!infer) {
                try (WorkloadRepository repository = WorkloadRepository.open(workspace)) {
                    repository.saveTable(lineitem, TableState.DECLARED, "bench load-csv");
                }
            }
            CsvLoadRequest request = new CsvLoadRequest("lineitem", List.of(file), csvFormat, OptionalLong.empty(), Optional.empty());
            CsvLoadResult result = WarehouseSetup.rewrite(workspace, "bench load-csv", (repository, warehouse, onStop) -> {
                CsvLoader loader = new CsvLoader(repository, warehouse, StatsOptions.defaults(), CsvLoadListener.none());
                onStop.set(loader::cancel);
                return loader.load(request, rejected -> {});
            });
            out.printf(Locale.ROOT, "bench load-csv: loaded %,d rows (%,d rejected) from %s %s file%s in %.1f s = %,.0f rows/s, %.1f MB/s (parsing, statistics and H2 inserts on %d cores)%s; warehouse file %s%n",
                    result.rowsLoaded(), result.rowsRejected(), Formats.bytes(result.bytesRead()), format.name().toLowerCase(Locale.ROOT), gzip ? " (gzip)" : "",
                    result.load().toMillis() / 1000.0, result.rowsPerSecond(), result.megabytesPerSecond(), Runtime.getRuntime().availableProcessors(),
                    infer ? ", after inferring the types in %.1f s".formatted(result.inference().toMillis() / 1000.0) : "",
                    Formats.bytes(BenchCommand.sizeOf(workspaceDirectory.resolve("warehouse.mv.db"))));
        }
        finally {
            if (directory == null) {
                BenchCommand.deleteRecursively(workspaceDirectory);
            }
        }
        return 0;
    }
}
