package io.autotable.cli;

import io.autotable.capture.BadRecord;
import io.autotable.capture.WorkloadImporter;
import io.autotable.capture.WorkloadSource;
import io.autotable.capture.WorkloadSources;
import io.autotable.capture.postgres.PgStatStatementsSource;
import io.autotable.capture.redshift.StlQuerySource;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.sql.Fingerprinter;
import io.autotable.sql.fingerprint.LexicalFingerprinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

@Command(mixinStandardHelpOptions = true, name = "import",
        description = {
                "Import query logs into the workspace: sql, jsonl, redshift-sys-query-history, redshift-stl-query, pg-stat-statements.",
                "Bad records are reported with file, line and reason and skipped; everything else is imported. Importing a file twice adds nothing twice."})
final class ImportCommand
        implements Callable<Integer>
{
    @Mixin
    WorkspaceOptions workspaceOptions;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "The log's format.")
    String format;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE", description = "The files to import.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--jdbc", paramLabel = "URL", description = "pg-stat-statements only: read the view from a live PostgreSQL server instead of a CSV export.")
    String jdbcUrl;

    @Option(names = "--user", paramLabel = "NAME", description = "With --jdbc: the database user.")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "With --jdbc: the environment variable holding the password.")
    String passwordVariable;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Fingerprinter fingerprinter = new LexicalFingerprinter();
        WorkloadSource source = WorkloadSources.byFormat(format, fingerprinter);
        if (jdbcUrl == null && files.isEmpty()) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "import %s needs at least one FILE%s".formatted(format,
                    source instanceof PgStatStatementsSource ? " (or --jdbc URL for a live server)" : ""));
        }
        if (jdbcUrl != null && !(source instanceof PgStatStatementsSource)) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "--jdbc is only for pg-stat-statements, not for " + format);
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new CaptureException(ErrorCode.FILE_NOT_FOUND, "%s does not exist or is not a file: check the path; nothing was imported".formatted(file));
            }
        }
        Workspace workspace = workspaceOptions.workspace();
        try (WorkloadRepository repository = WorkloadRepository.open(workspace);
                RejectsFile rejects = new RejectsFile(workspace, "import-rejects", "skipped", err)) {
            WorkloadImporter importer = new WorkloadImporter(repository);
            List<WorkloadImporter.FileResult> results = new ArrayList<>();
            if (jdbcUrl != null) {
                results.add(importFromServer(importer, (PgStatStatementsSource) source, rejects));
            }
            if (source instanceof StlQuerySource stl && !files.isEmpty()) {
                // STL_QUERY and STL_QUERYTEXT exports are read together: the text is reassembled across them
                String names = files.stream().map(Path::toString).collect(Collectors.joining(" + "));
                results.add(importer.importFrom(source.format(), names, (events, problems) -> stl.read(files, events, problems), rejects));
            }
            else {
                results.addAll(importer.importFiles(source, files, rejects));
            }
            long events = 0;
            long added = 0;
            long bad = 0;
            for (WorkloadImporter.FileResult result : results) {
                out.printf(Locale.ROOT, "  %s: %,d records, %,d events (%,d new, %,d already imported), %,d bad%n",
                        result.file(), result.stats().records(), result.stats().events(), result.added(), result.duplicates(), result.stats().bad());
                events += result.stats().events();
                added += result.added();
                bad += result.stats().bad();
            }
            out.printf(Locale.ROOT, "Imported %,d events (%,d new) from %d %s; %,d bad records skipped%s; the workspace holds %,d events%n",
                    events, added, results.size(), results.size() == 1 ? "source" : "sources", bad,
                    bad == 0 ? "" : " (all listed in " + rejects.path() + ")", repository.eventCount());
            out.flush();
        }
        return 0;
    }

    private WorkloadImporter.FileResult importFromServer(WorkloadImporter importer, PgStatStatementsSource source, Consumer<BadRecord> rejects)
    {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (passwordVariable != null) {
            String password = System.getenv(passwordVariable);
            if (password == null) {
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "environment variable %s (--password-env) is not set".formatted(passwordVariable));
            }
            properties.setProperty("password", password);
        }
        return importer.importFrom(source.format(), jdbcUrl, (events, problems) -> source.readServer(jdbcUrl, properties, events, problems), rejects);
    }
}
