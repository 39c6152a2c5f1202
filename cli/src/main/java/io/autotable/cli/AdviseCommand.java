package io.autotable.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.autotable.AutotableVersion;
import io.autotable.advisor.Advice;
import io.autotable.advisor.AdvisorConfig;
import io.autotable.advisor.Recommendation;
import io.autotable.advisor.plan.DesignAdvisor;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.analysis.WorkloadAnalyzer;
import io.autotable.distkey.DistributionAdvice;
import io.autotable.distkey.DistributionAdvisor;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.repository.AdviceRun;
import io.autotable.repository.EventSpan;
import io.autotable.repository.EventWindow;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.TableDataReader;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(mixinStandardHelpOptions = true, name = "advise",
        description = "Recommends each table's distribution style and key from the workload's join graph, and each column's compression encoding from a sample of its data; explains every choice.")
final class AdviseCommand
        implements Callable<Integer>
{
    /** The kinds of advice built so far; the others are refused with a clear message. */
    private static final Set<AdviceKind> AVAILABLE = EnumSet.of(AdviceKind.DISTRIBUTION, AdviceKind.SORTKEYS, AdviceKind.ENCODINGS, AdviceKind.WLM);

    @Mixin
    WorkspaceOptions workspaceOptions;

    @Mixin
    DistributionOptions distributionOptions;

    @Mixin
    EncodingsAdvice.Options encodingsOptions;

    @Mixin
    SortKeysAdvice.Options sortKeysOptions;

    @Mixin
    WlmAdviceReport.Options wlmOptions;

    @Option(names = "--only", paramLabel = "KIND", description = "Only this kind of advice: distribution, sortkeys, encodings or wlm (default: every kind available).")
    Optional<AdviceKind> only;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown or html (markdown and html for the whole advice, without --only) (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of the terminal.")
    Optional<Path> output;

    @Option(names = "--min-benefit", paramLabel = "PERCENT", defaultValue = "0.5",
            description = "Recommend a change only if it saves at least this share of the simulated workload time (default: ${DEFAULT-VALUE}).")
    double minBenefitPercent;

    @Option(names = "--min-storage-saving", paramLabel = "PERCENT", defaultValue = "10",
            description = "Also recommend an encoding change that saves no time if it shrinks the table by this much without slowing the workload (default: ${DEFAULT-VALUE}).")
    double minStorageSavingPercent;

    @Option(names = "--top-queries", paramLabel = "N", defaultValue = "10",
            description = "The workload's heaviest statements checked for regressions (default: ${DEFAULT-VALUE}).")
    int topQueries;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + TableDataReader.DEFAULT_MAX_ROWS,
            description = "Tables with more rows are laid out from a systematic sample (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--ddl-dialect", paramLabel = "DIALECT", defaultValue = "redshift",
            description = "The DDL shown in text and markdown: redshift or embedded (JSON and HTML have both) (default: ${DEFAULT-VALUE}).")
    String ddlDialect;

    @Option(names = "--no-progress", description = "Do not report progress on standard error.")
    boolean noProgress;

    @Option(names = "--html", paramLabel = "FILE.html", description = "Also write the HTML report (self-contained, with charts) to this file.")
    Optional<Path> html;

    @Option(names = "--json", paramLabel = "FILE.json", description = "Also write the JSON report to this file.")
    Optional<Path> json;

    @Option(names = "--save-design", paramLabel = "FILE.json",
            description = "Also write the recommended physical design as JSON (what 'replay --design FILE' and 'catalog import' read).")
    Optional<Path> saveDesign;

    @Option(names = "--sql-dialect", paramLabel = "DIALECT", defaultValue = "redshift",
            description = "The SQL dialect of the logged statements: redshift, postgresql, spark or ansi (default: ${DEFAULT-VALUE}).")
    SqlDialect sqlDialect;

    @Option(names = "--brief", description = "In text, only the summary and the table of recommendations, without the explanations.")
    boolean brief;

    @Spec
    CommandSpec spec;

    /** What {@code advise --format json} prints; field names are a documented contract. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Report(Provenance provenance, Optional<DistributionReport.Section> distribution, Optional<EncodingsAdvice.Section> encodings, Optional<SortKeysAdvice.Section> sortkeys,
            Optional<WlmAdviceReport.Section> wlm) {}

    record Provenance(String autotableVersion, String workspace, String sqlDialect, String workloadFingerprint, long statements, double days, String solver,
            double timeLimitSeconds) {}

    @Override
    public Integer call()
    {
        if (only.isEmpty()) {
            return adviseAll();
        }
        if (format == ReportFormat.MARKDOWN || format == ReportFormat.HTML) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "--format %s is for the whole advice: drop --only, or use --format text or json with it"
                    .formatted(format.name().toLowerCase(Locale.ROOT)));
        }
        Set<AdviceKind> kinds = only.map(EnumSet::of).orElse(EnumSet.copyOf(AVAILABLE));
        for (AdviceKind kind : kinds) {
            if (!AVAILABLE.contains(kind)) {
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "advise --only %s is not available yet: autotable advises on %s so far".formatted(
                        kind.name().toLowerCase(Locale.ROOT), AVAILABLE.stream().map(available -> available.name().toLowerCase(Locale.ROOT)).toList()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspaceOptions.workspace())) {
            WorkloadAnalysis analysis = new WorkloadAnalyzer(new CalciteSqlAnalyzer(), sqlDialect).analyze(repository);
            double days = repository.eventSpan().map(EventSpan::days).orElse(1.0);
            Optional<DistributionAdvice> distribution = Optional.empty();
            if (kinds.contains(AdviceKind.DISTRIBUTION)) {
                DistributionAdvisor advisor = new DistributionAdvisor(distributionOptions.costModel(), distributionOptions.solver());
                distribution = Optional.of(advisor.advise(analysis.workload(), repository.catalog(), repository.design(), days));
            }
            Report report = new Report(
                    new Provenance(AutotableVersion.get(), repository.workspace().directory().toString(), sqlDialect.name().toLowerCase(Locale.ROOT),
                            analysis.workloadFingerprint(), analysis.statements(), days, distributionOptions.solver.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            distributionOptions.timeLimitSeconds),
                    distribution.map(DistributionReport::section),
                    kinds.contains(AdviceKind.ENCODINGS) ? Optional.of(EncodingsAdvice.advise(repository, encodingsOptions)) : Optional.empty(),
                    kinds.contains(AdviceKind.SORTKEYS) ? Optional.of(SortKeysAdvice.advise(repository, analysis, sortKeysOptions, distributionOptions.cluster(), maxRows)) : Optional.empty(),
                    kinds.contains(AdviceKind.WLM) ? Optional.of(wlmOnly(repository, analysis)) : Optional.empty());
            if (format == ReportFormat.JSON) {
                out.println(Json.writePretty(only.equals(Optional.of(AdviceKind.ENCODINGS)) ? encodingsOnly(report) : report));
            }
            else {
                if (analysis.statements() == 0 && distribution.isPresent()) {
                    out.println("The workspace has no query events yet: the advice below rests on no workload. Run 'autotable import FORMAT FILE' or 'autotable workload run' first.");
                    out.println();
                }
                distribution.ifPresent(advice -> DistributionReport.printText(out, advice, brief));
                report.encodings().ifPresent(section -> EncodingsAdvice.printText(out, section, brief));
                report.sortkeys().ifPresent(section -> SortKeysAdvice.printText(out, section, brief));
                report.wlm().ifPresent(section -> WlmAdviceReport.printText(out, section, brief));
            }
            out.flush();
        }
        return 0;
    }

    private WlmAdviceReport.Section wlmOnly(WorkloadRepository repository, WorkloadAnalysis analysis)
    {
        return WlmAdviceReport.advise(repository, analysis, wlmOptions).orElseThrow(() -> new CaptureException(ErrorCode.INVALID_ARGUMENT,
                ("advise --only wlm: the workspace %s has no run with a logged runtime to replay through WLM queues (generated logs of the zipf mix record none): "
                        + "capture one with 'workload run', import a log with durations, or generate one with 'workload generate --mix bursty-dashboards'")
                        .formatted(workspaceOptions.workspace().directory())));
    }

    /** {@code advise} without {@code --only}: every kind, verified by the simulator, as one ranked list. */
    private int adviseAll()
    {
        ClusterModel cluster = distributionOptions.cluster();
        AdvisorConfig config = new AdvisorConfig(EnumSet.allOf(Recommendation.Kind.class), minBenefitPercent, minStorageSavingPercent, topQueries, 3);
        if (!ddlDialect.equals("redshift") && !ddlDialect.equals("embedded")) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "--ddl-dialect '%s': expected redshift or embedded".formatted(ddlDialect));
        }
        PrintWriter err = spec.commandLine().getErr();
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspaceOptions.workspace());
                EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspaceOptions.workspace())) {
            WorkloadAnalysis analysis = new WorkloadAnalyzer(new CalciteSqlAnalyzer(), sqlDialect).analyze(repository);
            if (analysis.parsed() == 0) {
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "the workspace %s has no analysed statement to advise on: run 'autotable workload run', 'autotable workload generate' or 'autotable import' first"
                        .formatted(workspaceOptions.workspace().directory()));
            }
            WorkspaceAdvice.Settings settings = new WorkspaceAdvice.Settings(cluster, distributionOptions.maxSkew, distributionOptions.solver(), maxRows, config, SortKeys.shipped(analysis.workload(), cluster));
            DesignAdvisor.Listener listener = noProgress ? DesignAdvisor.Listener.none() : (phase, table, done, total) -> {
                if (!table.isEmpty()) {
                    err.printf(Locale.ROOT, "advise: %s %s (%d/%d)%n", phase, table, done + 1, total);
                    err.flush();
                }
            };
            Advice advice = WorkspaceAdvice.advise(repository, warehouse, analysis, settings, listener);
            AdviceReport report = AdviceReports.report(repository, analysis, advice, settings, distributionOptions.solver.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .withWlm(WlmAdviceReport.advise(repository, analysis, wlmOptions));
            AdviceRun run = AdviceRuns.save(repository, "advise", EventWindow.all(), Instant.now(), advice, Json.write(report.provenance()));
            if (!noProgress) {
                err.printf(Locale.ROOT, "advise: recorded as run %s: 'autotable apply --dry-run' shows how its %d recommendations would be applied%n",
                        run.id(), advice.recommendations().size());
                err.flush();
            }
            String text = switch (format) {
                case JSON -> Json.writePretty(report);
                case TEXT -> AdviceReports.text(report, ddlDialect, brief);
                case MARKDOWN -> AdviceReports.markdown(report, ddlDialect);
                case HTML -> AdviceReports.html(report);
            };
            if (html.isPresent()) {
                AdviceReports.write(html.get(), AdviceReports.html(report));
            }
            if (json.isPresent()) {
                AdviceReports.write(json.get(), Json.writePretty(report));
            }
            if (saveDesign.isPresent()) {
                AdviceReports.write(saveDesign.get(), Json.writePretty(advice.design()));
            }
            if (output.isPresent()) {
                AdviceReports.write(output.get(), text);
                spec.commandLine().getOut().printf(Locale.ROOT, "Report written to %s%n", output.get());
            }
            else {
                spec.commandLine().getOut().println(text);
            }
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /**
     * {@code advise --only encodings} prints the encodings section's fields at the top level beside
     * {@code provenance}, like {@code ANALYZE COMPRESSION}'s one result; the full report nests them under {@code encodings}.
     */
    private static Map<String, Object> encodingsOnly(Report report)
    {
        EncodingsAdvice.Section section = report.encodings().orElseThrow();
        Map<String, Object> flat = new LinkedHashMap<>();
        flat.put("provenance", report.provenance());
        flat.put("selector", section.selector());
        flat.put("sample", section.sample());
        flat.put("columns", section.columns());
        flat.put("totals", section.totals());
        flat.put("tablesWithoutData", section.tablesWithoutData());
        return flat;
    }
}
