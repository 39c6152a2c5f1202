package io.autotable.cli;

import io.autotable.catalog.Identifiers;
import io.autotable.error.ErrorCode;
import io.autotable.repository.Workspace;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.load.CsvFormat;
import io.autotable.simulator.load.CsvLoadRequest;
import io.autotable.simulator.load.CsvLoadResult;
import io.autotable.simulator.load.CsvLoader;
import io.autotable.simulator.load.SampleOf;
import io.autotable.simulator.stats.StatsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

@Command(mixinStandardHelpOptions = true, name = "load",
        description = {
                "Load CSV files, or Redshift UNLOAD output, into a table of the embedded warehouse (gzip files are read as they are), computing its statistics.",
                "Column types come from the catalog (catalog import ddl) or are inferred from the files and shown before loading.",
                "Bad rows are rejected with file, line, column and reason into reports/ and the load goes on; a stopped load leaves the table as it was."})
final class LoadCommand
        implements Callable<Integer>
{
    /** What {@code --sample-of} without a count stands for: take the table's rows from the catalog. */
    private static final long ROWS_FROM_CATALOG = -1;

    enum Format
    {
        CSV,
        UNLOAD
    }

    @Mixin
    WorkspaceOptions workspaceOptions;

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table to load; replaced by the files' rows.")
    String table;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "The files, loaded in order (CSV or UNLOAD text, plain or gzip).")
    List<Path> files;

    @Option(names = "--format", paramLabel = "csv|unload", defaultValue = "csv",
            description = "Preset: csv is RFC 4180 (',', '\"' quotes, a header; an empty field is NULL, \"\" an empty string); "
                    + "unload is Redshift UNLOAD's default ('|', no quotes, no header, an empty field is NULL). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--header", negatable = true, description = "Whether each file starts with a header naming the columns (default: the preset's).")
    Boolean header;

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "Field delimiter: one character, or \\t / tab.")
    String delimiter;

    @Option(names = "--quote", paramLabel = "CHAR", description = "Quote character, or none.")
    String quote;

    @Option(names = "--escape", paramLabel = "CHAR", description = "Escape character (UNLOAD ... ESCAPE writes \\), or none (default).")
    String escape;

    @Option(names = "--null-as", paramLabel = "TEXT", description = "The unquoted field text that is NULL (UNLOAD ... NULL AS); default: an empty field.")
    String nullAs;

    @Option(names = "--max-errors", paramLabel = "N",
            description = "Stop the load, leaving the table as it was, at the (N+1)th rejected row, as COPY ... MAXERROR N does (default: no limit).")
    Long maxErrors;

    @Option(names = "--sample-of", paramLabel = "N", arity = "0..1", fallbackValue = "" + ROWS_FROM_CATALOG,
            description = "The files are a random sample of a table of N rows (without N: the rows SVV_TABLE_INFO gave, 'catalog import redshift-svv-table-info'); "
                    + "statistics and size are scaled to N rows.")
    Long sampleOf;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // everything about the request is checked before the workspace is touched
        CsvLoadRequest request = new CsvLoadRequest(table, files, csvFormat(), optional(maxErrors), sample());
        long bytes = CsvLoader.checkFiles(files);
        Workspace workspace = workspaceOptions.workspace();
        String name = Identifiers.normalize(table, "table");
        out.printf(Locale.ROOT, "Loading %s (%s) into table %s of %s (%s)%n",
                files.size() == 1 ? files.get(0) : files.size() + " files", Formats.bytes(bytes), name, workspace.directory(), request.format().describe());
        out.flush();
        try (RejectsFile rejects = new RejectsFile(workspace, "load-rejects-" + name, "rejected", err)) {
            try {
                CsvLoadResult result = WarehouseSetup.rewrite(workspace, "load " + name, (repository, warehouse, onStop) -> {
                    CsvLoader loader = new CsvLoader(repository, warehouse, StatsOptions.defaults(), ConsoleLoadListener.forConsole(out, !noProgress));
                    onStop.set(loader::cancel);
                    return loader.load(request, rejects);
                });
                report(out, err, result, rejects);
            }
            finally {
                if (rejects.count() > 0) {
                    err.printf(Locale.ROOT, "autotable: %,d rejected %s listed in %s%n", rejects.count(), rejects.count() == 1 ? "row is" : "rows are", rejects.path());
                }
            }
        }
        return 0;
    }

    private void report(PrintWriter out, PrintWriter err, CsvLoadResult result, RejectsFile rejects)
    {
        for (String warning : result.warnings()) {
            err.println("autotable: warning: " + warning);
        }
        err.flush();
        out.printf(Locale.ROOT, "Loaded %,d rows into %s in %.1f s: %,.0f rows/s, %.1f MB/s, statistics included; %,d %s rejected%s%n",
                result.rowsLoaded(), result.table().name(), result.load().toMillis() / 1000.0, result.rowsPerSecond(), result.megabytesPerSecond(),
                result.rowsRejected(), result.rowsRejected() == 1 ? "row" : "rows",
                result.rowsRejected() == 0 ? "" : " (listed in " + rejects.path() + ")");
        if (result.inferred()) {
            out.printf(Locale.ROOT, "Column types were inferred in %.1f s%n", result.inference().toMillis() / 1000.0);
        }
        if (result.sampleOf().isPresent()) {
            out.printf(Locale.ROOT, "The rows are a sample: the catalog's row count, size and distinct counts are scaled to the table's %,d rows (%s estimated)%n",
                    result.sampleOf().getAsLong(), Formats.bytes(result.table().sizeBytes()));
        }
        out.printf(Locale.ROOT, "Next: './autotable catalog --workspace %s' shows the table's statistics and design%n", workspaceOptions.workspace().directory());
        out.flush();
    }

    private CsvFormat csvFormat()
    {
        CsvFormat preset = format == Format.UNLOAD ? CsvFormat.unload() : CsvFormat.csv();
        if (header != null) {
            preset = preset.withHeader(header);
        }
        if (delimiter != null) {
            preset = preset.withDelimiter(character("--delimiter", delimiter).orElseThrow(() -> invalid("--delimiter cannot be none")));
        }
        if (quote != null) {
            preset = preset.withQuote(character("--quote", quote));
        }
        if (escape != null) {
            preset = preset.withEscape(character("--escape", escape));
        }
        if (nullAs != null) {
            preset = preset.withNullAs(nullAs);
        }
        return preset;
    }

    /** One character, {@code \t} or {@code tab} for a tab, or {@code none}. */
    private static Optional<Character> character(String option, String value)
    {
        if (value.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        if (value.equals("\\t") || value.equalsIgnoreCase("tab")) {
            return Optional.of('\t');
        }
        if (value.length() != 1) {
            throw invalid("%s takes one character (or \\t, tab, none), got '%s'".formatted(option, value));
        }
        return Optional.of(value.charAt(0));
    }

    private Optional<SampleOf> sample()
    {
        if (sampleOf == null) {
            return Optional.empty();
        }
        return Optional.of(sampleOf == ROWS_FROM_CATALOG ? SampleOf.rowsFromCatalog() : SampleOf.rows(sampleOf));
    }

    private static OptionalLong optional(Long value)
    {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    private static SimulatorException invalid(String message)
    {
        return new SimulatorException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
