package io.autotable.cli;

import io.autotable.capture.redshift.SvvTableInfoImporter;
import io.autotable.ddl.CatalogImporter;
import io.autotable.ddl.DdlImport;
import io.autotable.ddl.DdlParser;
import io.autotable.ddl.jsqlparser.JSqlParserDdlParser;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.repository.WorkloadRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(mixinStandardHelpOptions = true, name = "import",
        description = {
                "Import a schema: CREATE TABLE statements with Redshift's DISTSTYLE, DISTKEY, SORTKEY and ENCODE clauses (format ddl),",
                "or an SVV_TABLE_INFO export (format redshift-svv-table-info) giving row counts, sizes and the current design of tables the DDL declared.",
                "Tables with data keep their columns and take the declared design; unknown tables are declared without data.",
                "All or nothing: a record that cannot be imported stops the import before anything is written."})
final class CatalogImportCommand
        implements Callable<Integer>
{
    static final List<String> FORMATS = List.of("ddl", "redshift-svv-table-info");

    @Mixin
    WorkspaceOptions workspaceOptions;

    @Parameters(arity = "1..2", paramLabel = "[FORMAT] FILE", description = "The format (default ddl) and the file.")
    List<String> arguments;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        String format = arguments.size() == 2 ? arguments.get(0).toLowerCase(Locale.ROOT) : "ddl";
        Path file = Path.of(arguments.get(arguments.size() - 1));
        if (!FORMATS.contains(format)) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT,
                    "unknown catalog import format '%s': use one of %s".formatted(arguments.get(0), String.join(", ", FORMATS)));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (format.equals("redshift-svv-table-info")) {
            return importTableInfo(file, out, err);
        }
        DdlParser parser = new JSqlParserDdlParser();
        // parse before opening the workspace: a bad file changes nothing
        DdlImport ddl = parser.parse(file);
        try (WorkloadRepository repository = WorkloadRepository.open(workspaceOptions.workspace())) {
            CatalogImporter.Result result = CatalogImporter.apply(repository, ddl, "ddl " + file.getFileName());
            for (String warning : result.warnings()) {
                err.println("autotable: warning: " + warning);
            }
            out.printf(Locale.ROOT, "Imported %s: %d statements, %d tables (%d skipped); design set on %d loaded tables, %d tables declared without data%n",
                    file, ddl.statements(), ddl.catalog().tables().size(), ddl.skipped(), result.designed().size(), result.declared().size());
            out.flush();
            err.flush();
        }
        return 0;
    }

    private int importTableInfo(Path file, PrintWriter out, PrintWriter err)
    {
        if (!Files.isRegularFile(file)) {
            throw new CaptureException(ErrorCode.FILE_NOT_FOUND, "%s does not exist or is not a file: check the path; nothing was imported".formatted(file));
        }
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspaceOptions.workspace())) {
            SvvTableInfoImporter.Result result = SvvTableInfoImporter.apply(repository, file, "redshift-svv-table-info " + file.getFileName());
            for (String warning : result.warnings()) {
                err.println("autotable: warning: " + warning);
            }
            out.printf(Locale.ROOT, "Imported %s: rows, size and design of %d tables%s%n", file, result.updated().size(),
                    result.automatic().isEmpty() ? "" : "; Redshift chooses the design of %d of them (AUTO): %s".formatted(result.automatic().size(), String.join(", ", result.automatic())));
            out.flush();
            err.flush();
        }
        return 0;
    }
}
