package io.autotable.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.autotable.AutotableVersion;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.analysis.WorkloadAnalyzer;
import io.autotable.json.Json;
import io.autotable.repository.WorkloadRepository;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.workload.QueryGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(mixinStandardHelpOptions = true, name = "analyze",
        description = "What the workload is: statements, how many were understood (and why not), tables by scan weight, the join graph, filtered columns, written tables.")
final class AnalyzeCommand
        implements Callable<Integer>
{
    private static final int SQL_EXCERPT = 160;

    @Mixin
    WorkspaceOptions workspaceOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "redshift",
            description = "The SQL dialect of the statements: redshift, postgresql, spark or ansi (default: ${DEFAULT-VALUE}).")
    SqlDialect dialect;

    @Option(names = "--top", paramLabel = "N", defaultValue = "15", description = "Rows per section in the text report (default: ${DEFAULT-VALUE}).")
    int top;

    @Spec
    CommandSpec spec;

    /** What {@code analyze --format json} prints; field names are a documented contract. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Report(
            Provenance provenance,
            long statements,
            long distinctFingerprints,
            long parsed,
            long unparsed,
            List<WorkloadAnalysis.Unparsed> unparsedStatements,
            List<WorkloadAnalysis.TableScans> tables,
            List<WorkloadAnalysis.JoinEdge> joinEdges,
            List<WorkloadAnalysis.PredicateColumn> predicateColumns,
            List<WorkloadAnalysis.WrittenTable> writtenTables,
            List<Query> queries) {}

    record Provenance(String autotableVersion, String workspace, String dialect, String workloadFingerprint) {}

    record Query(String fingerprint, long runs, double seconds, boolean parsed, String sql) {}

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspaceOptions.workspace())) {
            WorkloadAnalysis analysis = new WorkloadAnalyzer(new CalciteSqlAnalyzer(), dialect).analyze(repository);
            Report report = new Report(
                    new Provenance(AutotableVersion.get(), repository.workspace().directory().toString(), dialect.name().toLowerCase(Locale.ROOT), analysis.workloadFingerprint()),
                    analysis.statements(),
                    analysis.distinctFingerprints(),
                    analysis.parsed(),
                    analysis.unparsed().size(),
                    analysis.unparsed(),
                    analysis.tables(),
                    analysis.joinEdges(),
                    analysis.predicateColumns(),
                    analysis.writtenTables(),
                    analysis.workload().groups().stream().map(AnalyzeCommand::query).toList());
            if (format == OutputFormat.JSON) {
                out.println(Json.writePretty(report));
            }
            else {
                printText(out, report);
            }
            out.flush();
        }
        return 0;
    }

    private static Query query(QueryGroup group)
    {
        return new Query(group.fingerprint(), group.count(), group.totalMicros() / 1e6, group.shape().isPresent(), Formats.excerpt(group.sql(), SQL_EXCERPT));
    }

    private void printText(PrintWriter out, Report report)
    {
        if (report.statements() == 0) {
            out.println("The workspace has no query events yet: run 'autotable import FORMAT FILE' or 'autotable workload run'.");
            return;
        }
        out.printf(Locale.ROOT, "Workload of %s: %,d statements, %,d distinct; %,d analysed, %,d not (%s of runs understood)%n",
                report.provenance().workspace(), report.statements(), report.distinctFingerprints(), report.parsed(), report.unparsed(),
                Formats.percent(1 - report.unparsedStatements().stream().mapToLong(WorkloadAnalysis.Unparsed::runs).sum() / (double) report.statements()));

        section(out, "Tables by scan weight (runs x bytes)", report.tables().size());
        report.tables().stream().limit(top).forEach(table -> out.printf(Locale.ROOT, "  %-28s %,10d runs  %12s  %,14d rows%n",
                table.table(), table.runs(), Formats.bytes(table.sizeBytes()), table.rows()));

        section(out, "Join graph (edges by runs)", report.joinEdges().size());
        report.joinEdges().stream().limit(top).forEach(edge -> out.printf(Locale.ROOT, "  %-34s = %-34s %,10d runs  %,10.1f s  %d queries%n",
                edge.left(), edge.right(), edge.weight(), edge.seconds(), edge.queries().size()));

        section(out, "Filtered columns", report.predicateColumns().size());
        report.predicateColumns().stream().limit(top).forEach(column -> out.printf(Locale.ROOT, "  %-40s %,10d runs  %s%n",
                column.column(), column.runs(), column.operators().stream().map(Enum::name).sorted().toList()));

        if (!report.writtenTables().isEmpty()) {
            section(out, "Written tables", report.writtenTables().size());
            report.writtenTables().stream().limit(top).forEach(table -> out.printf(Locale.ROOT, "  %-28s %,10d runs  %s%n", table.table(), table.runs(), table.byKind()));
        }
        if (!report.unparsedStatements().isEmpty()) {
            section(out, "Not analysed", report.unparsedStatements().size());
            report.unparsedStatements().stream().limit(top).forEach(statement -> out.printf(Locale.ROOT, "  %,8d runs  %s%n            %s%n",
                    statement.runs(), statement.reason(), Formats.excerpt(statement.sql(), SQL_EXCERPT)));
        }
    }

    private void section(PrintWriter out, String title, int size)
    {
        out.println();
        out.println(size > top ? "%s (top %d of %d)".formatted(title, top, size) : title);
    }
}
