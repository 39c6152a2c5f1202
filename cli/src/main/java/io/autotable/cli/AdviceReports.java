package io.autotable.cli;

import io.autotable.AutotableVersion;
import io.autotable.advisor.Advice;
import io.autotable.advisor.Recommendation;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.design.Encoding;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.repository.EventSpan;
import io.autotable.repository.WorkloadRepository;
import io.autotable.workload.QueryGroup;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds {@code advise}'s report and renders it as text, markdown or HTML. */
final class AdviceReports
{
    /** Statements listed under both designs in the report. */
    static final int STATEMENTS = 15;
    /** The timeline's hours at most (the rest fall in the last). */
    private static final int MAX_HOURS = 24 * 90;

    private AdviceReports() {}

    static AdviceReport report(WorkloadRepository repository, WorkloadAnalysis analysis, Advice advice, WorkspaceAdvice.Settings settings, String solver)
    {
        Map<String, String> sql = new HashMap<>();
        for (QueryGroup group : analysis.workload().groups()) {
            sql.put(group.fingerprint(), group.sql());
        }
        List<AdviceReport.StatementSeconds> statements = new ArrayList<>();
        for (Advice.StatementCost cost : advice.statements().subList(0, Math.min(STATEMENTS, advice.statements().size()))) {
            statements.add(new AdviceReport.StatementSeconds(cost.fingerprint(), cost.runs(), cost.baselineSeconds(), cost.recommendedSeconds(),
                    Formats.excerpt(sql.getOrDefault(cost.fingerprint(), ""), 160)));
        }
        Map<String, AdviceReport.Design> design = new TreeMap<>();
        Map<String, TableDesign> tables = advice.design().tables();
        for (Map.Entry<String, TableDesign> entry : tables.entrySet()) {
            TableDesign table = entry.getValue();
            Map<String, String> encodings = new TreeMap<>();
            table.encodings().forEach((column, encoding) -> {
                if (encoding != Encoding.RAW) {
                    encodings.put(column, encoding.name());
                }
            });
            design.put(entry.getKey(), new AdviceReport.Design(table.distribution().name(), table.distkey().orElse(null), table.sortStyle().name(), table.sortkey(), encodings));
        }
        var config = settings.config();
        AdviceReport.Configuration configuration = new AdviceReport.Configuration(settings.cluster().name(), settings.cluster().nodes(), settings.cluster().slicesPerNode(),
                config.kinds().stream().map(Recommendation.Kind::label).sorted().collect(Collectors.joining(",")), solver, settings.maxSkew(), settings.maxRows(),
                config.minBenefitPercent(), config.minStorageSavingPercent(), config.topQueries(),
                settings.sortKeys().isPresent() ? "learned+verify" : "none", "workload-aware (exhaustive on a sample, verified)");
        AdviceReport.Provenance provenance = new AdviceReport.Provenance(AutotableVersion.get(), repository.workspace().directory().toString(),
                analysis.workloadFingerprint(), analysis.statements(), analysis.parsed(), repository.eventSpan().map(EventSpan::days).orElse(1.0),
                settings.sortKeys().isPresent() ? SortKeys.shippedSeed() : null, configuration);
        return new AdviceReport(provenance, advice.baseline(), advice.recommended(), advice.recommendations(), advice.declined(), statements, timeline(repository, advice), design,
                Optional.empty());
    }

    private static List<AdviceReport.Hour> timeline(WorkloadRepository repository, Advice advice)
    {
        Optional<EventSpan> span = repository.eventSpan();
        if (span.isEmpty()) {
            return List.of();
        }
        Map<String, Advice.StatementCost> costs = new HashMap<>();
        for (Advice.StatementCost cost : advice.statements()) {
            costs.put(cost.fingerprint(), cost);
        }
        Instant first = span.get().first();
        int hours = (int) Math.min(MAX_HOURS, span.get().duration().toHours() + 1);
        double[] baseline = new double[hours];
        double[] recommended = new double[hours];
        repository.forEachEvent(event -> {
            Advice.StatementCost cost = costs.get(event.fingerprint());
            if (cost != null) {
                int hour = (int) Math.min(hours - 1, Duration.between(first, event.start()).toHours());
                baseline[hour] += cost.baselineSeconds();
                recommended[hour] += cost.recommendedSeconds();
            }
        });
        List<AdviceReport.Hour> timeline = new ArrayList<>();
        for (int hour = 0; hour < hours; hour++) {
            timeline.add(new AdviceReport.Hour(hour, baseline[hour], recommended[hour]));
        }
        return timeline;
    }

    static String text(AdviceReport report, String dialect, boolean brief)
    {
        StringBuilder out = new StringBuilder();
        AdviceReport.Provenance provenance = report.provenance();
        AdviceReport.Configuration configuration = provenance.configuration();
        out.append(String.format(Locale.ROOT, "Advice for %s: %,d statements (%,d analysed) over %.1f day(s), workload %s%n", provenance.workspace(),
                provenance.statements(), provenance.analysedStatements(), provenance.days(), provenance.workloadFingerprint()));
        out.append(String.format(Locale.ROOT, "Simulated on %s, %d nodes x %d slices; minimum benefit %.2f%% of workload time%n%n",
                configuration.cluster(), configuration.nodes(), configuration.slicesPerNode(), configuration.minBenefitPercent()));
        Advice.Totals a = report.baseline();
        Advice.Totals b = report.recommended();
        out.append(String.format(Locale.ROOT, "  %-18s %14s %14s %9s%n", "simulated workload", "current", "recommended", "change"));
        out.append(String.format(Locale.ROOT, "  %-18s %14.2f %14.2f %9s%n", "time (s)", a.totalSeconds(), b.totalSeconds(), Formats.change(a.totalSeconds(), b.totalSeconds())));
        out.append(String.format(Locale.ROOT, "  %-18s %14s %14s %9s%n", "bytes scanned", Formats.bytes((long) a.bytesScanned()), Formats.bytes((long) b.bytesScanned()),
                Formats.change(a.bytesScanned(), b.bytesScanned())));
        out.append(String.format(Locale.ROOT, "  %-18s %14s %14s %9s%n", "bytes moved", Formats.bytes((long) a.bytesMoved()), Formats.bytes((long) b.bytesMoved()),
                Formats.change(a.bytesMoved(), b.bytesMoved())));
        out.append(String.format(Locale.ROOT, "  %-18s %14s %14s %9s%n", "storage", Formats.bytes((long) a.storageBytes()), Formats.bytes((long) b.storageBytes()),
                Formats.change(a.storageBytes(), b.storageBytes())));
        out.append('\n');
        if (report.recommendations().isEmpty()) {
            out.append("No change is worth making: nothing the advisor tried saves the minimum benefit in the simulation.\n");
        }
        else {
            out.append(String.format(Locale.ROOT, "%d recommendation(s), in the order they apply (benefits add up to the total):%n", report.recommendations().size()));
            out.append(String.format(Locale.ROOT, "  %-4s %-22s %-12s %-44s %8s %-10s %s%n", "id", "table", "kind", "from -> to", "benefit", "confidence", "group"));
            for (Recommendation recommendation : report.recommendations()) {
                out.append(String.format(Locale.ROOT, "  %-4s %-22s %-12s %-44s %7.1f%% %-10s %s%n", recommendation.id(), recommendation.table(), recommendation.kind().label(),
                        Formats.cut(recommendation.from() + " -> " + recommendation.to(), 44), recommendation.benefitPercent(), recommendation.confidence().level(), recommendation.group()));
            }
        }
        if (!brief) {
            for (Recommendation recommendation : report.recommendations()) {
                out.append('\n');
                Recommendation.Benefit benefit = recommendation.benefit();
                out.append(String.format(Locale.ROOT, "%s %s %s: %s -> %s%n", recommendation.id(), recommendation.table(), recommendation.kind().label(), recommendation.from(), recommendation.to()));
                out.append(String.format(Locale.ROOT, "  saves %.1f%% of the workload's simulated time (%.2f s); scanned %s, moved %s, storage %s%n", recommendation.benefitPercent(),
                        benefit.seconds(), signedBytes(-benefit.bytesScanned()), signedBytes(-benefit.bytesMoved()), signedBytes(-benefit.storageBytes())));
                out.append("  why: ").append(recommendation.reason()).append('\n');
                out.append(String.format(Locale.ROOT, "  confidence: %s (statements it alters take %.0f%% of the workload's time; saving in the log's first half %.2f s, second half %.2f s)%n",
                        recommendation.confidence().level(), recommendation.confidence().support() * 100, recommendation.confidence().firstHalfSeconds(),
                        recommendation.confidence().secondHalfSeconds()));
                for (Recommendation.Evidence evidence : recommendation.evidence()) {
                    out.append(String.format(Locale.ROOT, "  evidence: %s %,.0f runs, %.4f -> %.4f s/run  %s%n", evidence.fingerprint(), evidence.runs(), evidence.secondsBefore(),
                            evidence.secondsAfter(), Formats.cut(evidence.sql(), 70)));
                }
                for (Recommendation.Regression regression : recommendation.regressions()) {
                    out.append(String.format(Locale.ROOT, "  SLOWER: %s %,.0f runs, %.4f -> %.4f s/run (+%.1f%%)%n", regression.fingerprint(), regression.runs(),
                            regression.secondsBefore(), regression.secondsAfter(), regression.percent()));
                }
                out.append("  ").append(dialect).append(":\n");
                for (String statement : recommendation.ddl().getOrDefault(dialect, List.of())) {
                    out.append("    ").append(statement).append('\n');
                }
            }
            if (!report.declined().isEmpty()) {
                out.append('\n').append("Considered and not recommended:\n");
                for (Advice.Declined declined : report.declined()) {
                    out.append(String.format(Locale.ROOT, "  %-22s %-12s %s: %s%n", declined.table(), declined.kind().label(), Formats.cut(declined.to(), 40), declined.reason()));
                }
            }
        }
        report.wlm().ifPresent(section -> out.append('\n').append(wlmText(section, brief)));
        return out.toString();
    }

    private static String wlmText(WlmAdviceReport.Section section, boolean brief)
    {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        WlmAdviceReport.printText(out, section, brief);
        out.flush();
        return text.toString();
    }

    static String markdown(AdviceReport report, String dialect)
    {
        StringBuilder out = new StringBuilder();
        AdviceReport.Provenance provenance = report.provenance();
        AdviceReport.Configuration configuration = provenance.configuration();
        out.append("# autotable advice\n\n");
        out.append(String.format(Locale.ROOT, "Workspace `%s`: %,d statements (%,d analysed) over %.1f day(s), workload `%s`. Simulated on %s, %d nodes × %d slices; autotable %s.%n%n",
                provenance.workspace(), provenance.statements(), provenance.analysedStatements(), provenance.days(), provenance.workloadFingerprint(),
                configuration.cluster(), configuration.nodes(), configuration.slicesPerNode(), provenance.autotableVersion()));
        Advice.Totals a = report.baseline();
        Advice.Totals b = report.recommended();
        out.append("| simulated workload | current | recommended | change |\n|---|---:|---:|---:|\n");
        out.append(String.format(Locale.ROOT, "| time (s) | %.2f | %.2f | %s |%n", a.totalSeconds(), b.totalSeconds(), Formats.change(a.totalSeconds(), b.totalSeconds())));
        out.append(String.format(Locale.ROOT, "| bytes scanned | %s | %s | %s |%n", Formats.bytes((long) a.bytesScanned()), Formats.bytes((long) b.bytesScanned()), Formats.change(a.bytesScanned(), b.bytesScanned())));
        out.append(String.format(Locale.ROOT, "| bytes moved | %s | %s | %s |%n", Formats.bytes((long) a.bytesMoved()), Formats.bytes((long) b.bytesMoved()), Formats.change(a.bytesMoved(), b.bytesMoved())));
        out.append(String.format(Locale.ROOT, "| storage | %s | %s | %s |%n%n", Formats.bytes((long) a.storageBytes()), Formats.bytes((long) b.storageBytes()), Formats.change(a.storageBytes(), b.storageBytes())));
        out.append("## Recommendations\n\n");
        if (report.recommendations().isEmpty()) {
            out.append("No change saves the minimum benefit in the simulation.\n");
        }
        else {
            out.append("| id | table | kind | from | to | benefit | confidence | group |\n|---|---|---|---|---|---:|---|---|\n");
            for (Recommendation recommendation : report.recommendations()) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.1f%% | %s | %s |%n", recommendation.id(), recommendation.table(), recommendation.kind().label(),
                        escape(recommendation.from()), escape(recommendation.to()), recommendation.benefitPercent(), recommendation.confidence().level(), recommendation.group()));
            }
            for (Recommendation recommendation : report.recommendations()) {
                out.append(String.format(Locale.ROOT, "%n### %s %s: %s%n%n", recommendation.id(), recommendation.table(), recommendation.kind().label()));
                out.append(String.format(Locale.ROOT, "Saves %.1f%% of the simulated workload time (%.2f s). %s%n%n", recommendation.benefitPercent(), recommendation.benefit().seconds(),
                        recommendation.reason()));
                for (Recommendation.Evidence evidence : recommendation.evidence()) {
                    out.append(String.format(Locale.ROOT, "- `%s` (%,.0f runs): %.4f → %.4f s per run%n", evidence.fingerprint(), evidence.runs(), evidence.secondsBefore(), evidence.secondsAfter()));
                }
                for (Recommendation.Regression regression : recommendation.regressions()) {
                    out.append(String.format(Locale.ROOT, "- **slower**: `%s` (%,.0f runs): %.4f → %.4f s per run (+%.1f%%)%n", regression.fingerprint(), regression.runs(),
                            regression.secondsBefore(), regression.secondsAfter(), regression.percent()));
                }
                out.append("\n```sql\n");
                for (String statement : recommendation.ddl().getOrDefault(dialect, List.of())) {
                    out.append(statement).append('\n');
                }
                out.append("```\n");
            }
        }
        if (!report.declined().isEmpty()) {
            out.append("\n## Considered and not recommended\n\n| table | kind | setting | why not |\n|---|---|---|---|\n");
            for (Advice.Declined declined : report.declined()) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", declined.table(), declined.kind().label(), escape(declined.to()), escape(declined.reason())));
            }
        }
        report.wlm().ifPresent(section -> out.append("\n## Workload management\n\n```\n").append(wlmText(section, false)).append("```\n"));
        return out.toString();
    }

    static String html(AdviceReport report)
    {
        return AdviceHtml.render(report);
    }

    /** Writes a report file, creating its directory; a failure names the file. */
    static void write(Path file, String text)
    {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new CaptureException(ErrorCode.FILE_NOT_READABLE, "cannot write %s: %s".formatted(file, e.getMessage()), e);
        }
    }

    private static String signedBytes(double bytes)
    {
        return (bytes < 0 ? "-" : "+") + Formats.bytes((long) Math.abs(bytes));
    }

    private static String escape(String text)
    {
        return text.replace("|", "\\|");
    }
}
