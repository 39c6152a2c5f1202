package io.autotable.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.autotable.AutotableVersion;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.analysis.WorkloadAnalyzer;
import io.autotable.distkey.DistributionAdvice;
import io.autotable.distkey.DistributionAdvisor;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.repository.EventSpan;
import io.autotable.repository.WorkloadRepository;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
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
    private static final Set<AdviceKind> AVAILABLE = EnumSet.of(AdviceKind.DISTRIBUTION, AdviceKind.ENCODINGS);

    @Mixin
    WorkspaceOptions workspaceOptions;

    @Mixin
    DistributionOptions distributionOptions;

    @Mixin
    EncodingsAdvice.Options encodingsOptions;

    @Option(names = "--only", paramLabel = "KIND", description = "Only this kind of advice: distribution, sortkeys, encodings or wlm (default: every kind available).")
    Optional<AdviceKind> only;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--sql-dialect", paramLabel = "DIALECT", defaultValue = "redshift",
            description = "The SQL dialect of the logged statements: redshift, postgresql, spark or ansi (default: ${DEFAULT-VALUE}).")
    SqlDialect sqlDialect;

    @Option(names = "--brief", description = "In text, only the summary and the table of recommendations, without the explanations.")
    boolean brief;

    @Spec
    CommandSpec spec;

    /** What {@code advise --format json} prints; field names are a documented contract. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Report(Provenance provenance, Optional<DistributionReport.Section> distribution, Optional<EncodingsAdvice.Section> encodings) {}

    record Provenance(String autotableVersion, String workspace, String sqlDialect, String workloadFingerprint, long statements, double days, String solver,
            double timeLimitSeconds) {}

    @Override
    public Integer call()
    {
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
                    kinds.contains(AdviceKind.ENCODINGS) ? Optional.of(EncodingsAdvice.advise(repository, encodingsOptions)) : Optional.empty());
            if (format == OutputFormat.JSON) {
                out.println(Json.writePretty(only.equals(Optional.of(AdviceKind.ENCODINGS)) ? encodingsOnly(report) : report));
            }
            else {
                if (analysis.statements() == 0 && distribution.isPresent()) {
                    out.println("The workspace has no query events yet: the advice below rests on no workload. Run 'autotable import FORMAT FILE' or 'autotable workload run' first.");
                    out.println();
                }
                distribution.ifPresent(advice -> DistributionReport.printText(out, advice, brief));
                report.encodings().ifPresent(section -> EncodingsAdvice.printText(out, section, brief));
            }
            out.flush();
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
