package io.autotable.cli;

import io.autotable.advisor.daemon.AppliedChange;
import io.autotable.advisor.daemon.DaemonConfig;
import io.autotable.advisor.daemon.Decision;
import io.autotable.advisor.daemon.Decision.Verdict;
import io.autotable.advisor.daemon.Recommended;
import io.autotable.advisor.daemon.TableSettings;
import io.autotable.advisor.daemon.replay.DriftReplay;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What {@code daemon --simulate} reports: the workload's simulated cost per interval with the
 * daemon's changes and without them, each change applied (when, what, why), and the two promises
 * checked (none outside the window, none flapping back).
 */
record DaemonSimulation(Configuration configuration, double secondsWithDaemon, double secondsWithout, boolean respectsWindow, boolean flapFree,
        List<Change> applied, List<Period> timeline)
{
    DaemonSimulation
    {
        requireNonNull(configuration, "configuration is null");
        applied = List.copyOf(requireNonNull(applied, "applied is null"));
        timeline = List.copyOf(requireNonNull(timeline, "timeline is null"));
    }

    record Configuration(boolean autoApply, String window, String interval, int maxChangesPerDay, double minBenefitPercent, int consecutiveRuns,
            String lookback, String cooldown, String flapGuard, String zone) {}

    /** One applied change: the table's settings before and after, and the recommendations it carried. */
    record Change(Instant time, String runId, String table, List<String> kinds, List<String> from, List<String> to, double predictedBenefitPercent, List<String> reasons) {}

    record Period(Instant start, Instant end, double secondsWithDaemon, double secondsWithout, List<String> applied, List<Held> decisions) {}

    /** What the run at a period's end decided about one recommendation, and why (applied ones too). */
    record Held(String id, String table, String kind, String from, String to, double benefitPercent, String verdict, String reason) {}

    static DaemonSimulation of(DaemonConfig config, DriftReplay.Result result)
    {
        List<Change> changes = new ArrayList<>();
        for (AppliedChange change : result.applied()) {
            changes.add(change(change));
        }
        List<Period> timeline = new ArrayList<>();
        for (DriftReplay.Period period : result.timeline()) {
            timeline.add(new Period(period.start(), period.end(), period.secondsWithDaemon(), period.secondsWithout(),
                    period.applied().stream().map(change -> change.table() + " " + Formats.cut(describe(change), 100)).toList(),
                    period.decisions().stream().map(DaemonSimulation::held).toList()));
        }
        return new DaemonSimulation(configuration(config), result.secondsWithDaemon(), result.secondsWithout(), result.respectsWindow(), result.flapFree(), changes, timeline);
    }

    static Configuration configuration(DaemonConfig config)
    {
        return new Configuration(config.autoApply(), config.window().map(Object::toString).orElse("any time"), Durations.format(config.interval()),
                config.maxChangesPerDay(), config.minBenefitPercent(), config.consecutiveRuns(), Durations.format(config.lookback()), Durations.format(config.cooldown()),
                Durations.format(config.flapGuard()), config.zone().getId());
    }

    private static Change change(AppliedChange change)
    {
        List<String> kinds = change.recommendations().stream().map(recommended -> recommended.kind().label()).toList();
        List<String> from = change.recommendations().stream().map(recommended -> TableSettings.setting(change.from(), recommended.kind())).toList();
        List<String> to = change.recommendations().stream().map(recommended -> TableSettings.setting(change.to(), recommended.kind())).toList();
        return new Change(change.time(), change.runId(), change.table(), kinds, from, to,
                change.recommendations().stream().mapToDouble(Recommended::benefitPercent).sum(),
                change.recommendations().stream().map(Recommended::reason).toList());
    }

    private static Held held(Decision decision)
    {
        Recommended recommended = decision.recommendation();
        return new Held(recommended.id(), recommended.table(), recommended.kind().label(), recommended.from(), recommended.to(), recommended.benefitPercent(),
                decision.verdict().label(), decision.reason());
    }

    private static String describe(AppliedChange change)
    {
        return change.recommendations().stream()
                .map(recommended -> recommended.kind().label() + " " + recommended.from() + " -> " + recommended.to())
                .collect(Collectors.joining("; "));
    }

    static void printText(PrintWriter out, DaemonSimulation report)
    {
        Configuration c = report.configuration();
        out.printf(Locale.ROOT, "Daemon replayed in simulated time: %s, every %s on the last %s of workload, window %s (%s), K=%d runs, margin %.2f%%, at most %d changes a day%n",
                c.autoApply() ? "auto-apply" : "report-only", c.interval(), c.lookback(), c.window(), c.zone(), c.consecutiveRuns(), c.minBenefitPercent(), c.maxChangesPerDay());
        out.printf(Locale.ROOT, "Simulated workload time: %.3f s with the daemon, %.3f s without it (%s)%n", report.secondsWithDaemon(), report.secondsWithout(),
                Formats.change(report.secondsWithout(), report.secondsWithDaemon()));
        out.printf(Locale.ROOT, "Changes applied: %d; outside the window: %s; flapping back: %s%n%n", report.applied().size(),
                report.respectsWindow() ? "none" : "SOME", report.flapFree() ? "none" : "SOME");
        for (Change change : report.applied()) {
            out.printf(Locale.ROOT, "  %s  run %-6s %-14s", change.time(), change.runId(), change.table());
            for (int i = 0; i < change.kinds().size(); i++) {
                out.printf(Locale.ROOT, "%s%s %s -> %s", i == 0 ? "" : "; ", change.kinds().get(i), Formats.cut(change.from().get(i), 40), Formats.cut(change.to().get(i), 60));
            }
            out.printf(Locale.ROOT, "  (predicted %.2f%%)%n", change.predictedBenefitPercent());
        }
        out.println();
        out.printf(Locale.ROOT, "%-22s %14s %14s  %s%n", "period start", "with daemon s", "without s", "applied at its end");
        for (Period period : report.timeline()) {
            out.printf(Locale.ROOT, "%-22s %14.3f %14.3f  %s%n", period.start(), period.secondsWithDaemon(), period.secondsWithout(), String.join("; ", period.applied()));
        }
        printHeld(out, report.timeline());
        out.flush();
    }

    /** The last run's recommendations that were not applied, and why: what a user asks when a change never came. */
    private static void printHeld(PrintWriter out, List<Period> timeline)
    {
        if (timeline.isEmpty()) {
            return;
        }
        Period last = timeline.get(timeline.size() - 1);
        List<Held> held = last.decisions().stream().filter(decision -> !decision.verdict().equals(Verdict.APPLIED.label())).toList();
        if (held.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%nNot applied by the last run (%s); 'daemon --simulate --format json' gives every run's decisions:%n", last.end());
        for (Held decision : held) {
            out.printf(Locale.ROOT, "  %-4s %-14s %-12s %s -> %s  (%.2f%%): %s%n", decision.id(), decision.table(), decision.kind(), Formats.cut(decision.from(), 30),
                    Formats.cut(decision.to(), 50), decision.benefitPercent(), decision.reason());
        }
    }

    static void chart(DriftReplay.Result result, DaemonConfig config, Path file)
    {
        List<DriftReplay.Period> timeline = result.timeline();
        Instant first = timeline.isEmpty() ? Instant.EPOCH : timeline.get(0).start();
        double[] hours = new double[Math.max(1, timeline.size())];
        double[] with = new double[hours.length];
        double[] without = new double[hours.length];
        for (int i = 0; i < timeline.size(); i++) {
            hours[i] = Duration.between(first, timeline.get(i).start()).toMinutes() / 60.0;
            with[i] = timeline.get(i).secondsWithDaemon();
            without[i] = timeline.get(i).secondsWithout();
        }
        XYChart chart = new XYChartBuilder().width(1200).height(500)
                .title("Simulated workload time per %s, with and without the daemon".formatted(Durations.format(config.interval())))
                .xAxisTitle("hours since " + first)
                .yAxisTitle("simulated seconds")
                .build();
        // below the plot: inside, it hid the marks of changes applied late in the replay
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(5);
        chart.addSeries("without the daemon", hours, without);
        chart.addSeries("with the daemon", hours, with);
        if (!result.applied().isEmpty()) {
            double[] changeHours = result.applied().stream().mapToDouble(change -> Duration.between(first, change.time()).toMinutes() / 60.0).toArray();
            double top = 0;
            for (double value : without) {
                top = Math.max(top, value);
            }
            double[] marks = new double[changeHours.length];
            Arrays.fill(marks, top);
            chart.addSeries("change applied", changeHours, marks).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        }
        catch (IOException e) {
            throw new CaptureException(ErrorCode.FILE_NOT_READABLE, "cannot write the chart to %s: %s".formatted(file, e.getMessage()), e);
        }
    }
}
