package io.autotable.cli;

import io.autotable.advisor.Advice;
import io.autotable.advisor.Recommendation;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code advise --format html}: one self-contained page (styles inline, charts as PNG data URIs drawn
 * with XChart, no script but one that records whether the charts loaded) that a browser opens
 * offline: the summary, the charts (simulated time over the log, the heaviest statements under both
 * designs, each recommendation's saving), the recommendations with their evidence and DDL in both
 * dialects, and what was declined.
 */
final class AdviceHtml
{
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 420;

    private AdviceHtml() {}

    static String render(AdviceReport report)
    {
        StringBuilder html = new StringBuilder();
        AdviceReport.Provenance provenance = report.provenance();
        AdviceReport.Configuration configuration = provenance.configuration();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>autotable advice</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}\n")
                .append("td.n{text-align:right}pre{background:#f5f5f5;padding:8px;overflow-x:auto}.slower{color:#b00}\n")
                .append("img{max-width:100%;border:1px solid #eee;margin:0.5em 0}\n</style>\n</head>\n<body>\n");
        html.append("<h1>autotable advice</h1>\n<p>Workspace <code>").append(escape(provenance.workspace())).append("</code>: ")
                .append(String.format(Locale.ROOT, "%,d statements (%,d analysed) over %.1f day(s), workload <code>%s</code>. Simulated on %s, %d nodes × %d slices; autotable %s.",
                        provenance.statements(), provenance.analysedStatements(), provenance.days(), escape(provenance.workloadFingerprint()), escape(configuration.cluster()),
                        configuration.nodes(), configuration.slicesPerNode(), escape(provenance.autotableVersion())))
                .append("</p>\n");

        Advice.Totals a = report.baseline();
        Advice.Totals b = report.recommended();
        html.append("<table>\n<tr><th>simulated workload</th><th>current</th><th>recommended</th><th>change</th></tr>\n");
        row(html, "time (s)", String.format(Locale.ROOT, "%.2f", a.totalSeconds()), String.format(Locale.ROOT, "%.2f", b.totalSeconds()), Formats.change(a.totalSeconds(), b.totalSeconds()));
        row(html, "bytes scanned", Formats.bytes((long) a.bytesScanned()), Formats.bytes((long) b.bytesScanned()), Formats.change(a.bytesScanned(), b.bytesScanned()));
        row(html, "bytes moved", Formats.bytes((long) a.bytesMoved()), Formats.bytes((long) b.bytesMoved()), Formats.change(a.bytesMoved(), b.bytesMoved()));
        row(html, "storage", Formats.bytes((long) a.storageBytes()), Formats.bytes((long) b.storageBytes()), Formats.change(a.storageBytes(), b.storageBytes()));
        html.append("</table>\n");

        html.append("<h2>Charts</h2>\n");
        image(html, "Simulated time over the log", overTime(report));
        image(html, "The heaviest statements under both designs", perStatement(report));
        image(html, "What each recommendation saves", savings(report));

        html.append("<h2>Recommendations</h2>\n");
        if (report.recommendations().isEmpty()) {
            html.append("<p>No change saves the minimum benefit in the simulation.</p>\n");
        }
        else {
            html.append("<table>\n<tr><th>id</th><th>table</th><th>kind</th><th>from</th><th>to</th><th>benefit</th><th>confidence</th><th>group</th></tr>\n");
            for (Recommendation recommendation : report.recommendations()) {
                html.append("<tr><td><a href=\"#").append(recommendation.id()).append("\">").append(recommendation.id()).append("</a></td><td>").append(escape(recommendation.table()))
                        .append("</td><td>").append(recommendation.kind().label()).append("</td><td>").append(escape(recommendation.from())).append("</td><td>")
                        .append(escape(recommendation.to())).append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "%.1f%%", recommendation.benefitPercent()))
                        .append("</td><td>").append(recommendation.confidence().level()).append("</td><td>").append(recommendation.group()).append("</td></tr>\n");
            }
            html.append("</table>\n");
            for (Recommendation recommendation : report.recommendations()) {
                html.append("<h3 id=\"").append(recommendation.id()).append("\">").append(recommendation.id()).append(' ').append(escape(recommendation.table())).append(": ")
                        .append(recommendation.kind().label()).append("</h3>\n<p>")
                        .append(String.format(Locale.ROOT, "Saves %.1f%% of the simulated workload time (%.2f s). ", recommendation.benefitPercent(), recommendation.benefit().seconds()))
                        .append(escape(recommendation.reason())).append("</p>\n<ul>\n");
                for (Recommendation.Evidence evidence : recommendation.evidence()) {
                    html.append(String.format(Locale.ROOT, "<li><code>%s</code> (%,.0f runs): %.4f → %.4f s per run — <code>%s</code></li>%n", escape(evidence.fingerprint()), evidence.runs(),
                            evidence.secondsBefore(), evidence.secondsAfter(), escape(Formats.cut(evidence.sql(), 100))));
                }
                for (Recommendation.Regression regression : recommendation.regressions()) {
                    html.append(String.format(Locale.ROOT, "<li class=\"slower\">slower: <code>%s</code> (%,.0f runs): %.4f → %.4f s per run (+%.1f%%)</li>%n", escape(regression.fingerprint()),
                            regression.runs(), regression.secondsBefore(), regression.secondsAfter(), regression.percent()));
                }
                html.append("</ul>\n");
                for (Map.Entry<String, List<String>> ddl : recommendation.ddl().entrySet()) {
                    html.append("<p>").append(escape(ddl.getKey())).append(":</p>\n<pre>").append(escape(String.join("\n", ddl.getValue()))).append("</pre>\n");
                }
            }
        }
        if (!report.declined().isEmpty()) {
            html.append("<h2>Considered and not recommended</h2>\n<table>\n<tr><th>table</th><th>kind</th><th>setting</th><th>why not</th></tr>\n");
            for (Advice.Declined declined : report.declined()) {
                html.append("<tr><td>").append(escape(declined.table())).append("</td><td>").append(declined.kind().label()).append("</td><td>").append(escape(declined.to()))
                        .append("</td><td>").append(escape(declined.reason())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        // lets a headless browser (and the tests) see that every chart decoded
        html.append("<script>window.addEventListener('load',function(){var n=0;for(var i=0;i<document.images.length;i++){var m=document.images[i];")
                .append("if(m.complete&&m.naturalWidth>0){n++;}}document.body.setAttribute('data-charts-loaded',String(n));});</script>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String label, String current, String recommended, String change)
    {
        html.append("<tr><td>").append(label).append("</td><td class=\"n\">").append(escape(current)).append("</td><td class=\"n\">").append(escape(recommended))
                .append("</td><td class=\"n\">").append(escape(change)).append("</td></tr>\n");
    }

    private static void image(StringBuilder html, String alt, Chart<?, ?> chart)
    {
        byte[] png;
        try {
            png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        html.append("<img class=\"chart\" alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png)).append("\">\n");
    }

    private static XYChart overTime(AdviceReport report)
    {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Simulated execution time per hour of the log")
                .xAxisTitle("hours since the first statement").yAxisTitle("seconds").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(3);
        List<AdviceReport.Hour> hours = report.timeline().isEmpty() ? List.of(new AdviceReport.Hour(0, 0, 0)) : report.timeline();
        double[] x = new double[hours.size()];
        double[] current = new double[hours.size()];
        double[] recommended = new double[hours.size()];
        for (int i = 0; i < hours.size(); i++) {
            x[i] = hours.get(i).hour();
            current[i] = hours.get(i).baselineSeconds();
            recommended[i] = hours.get(i).recommendedSeconds();
        }
        chart.addSeries("current", x, current);
        chart.addSeries("recommended", x, recommended);
        return chart;
    }

    private static CategoryChart perStatement(AdviceReport report)
    {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Simulated seconds of the heaviest statements (all runs)")
                .xAxisTitle("statement (fingerprint)").yAxisTitle("seconds").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(45);
        List<String> labels = new ArrayList<>();
        List<Double> current = new ArrayList<>();
        List<Double> recommended = new ArrayList<>();
        for (AdviceReport.StatementSeconds statement : report.statements()) {
            labels.add(statement.fingerprint().substring(0, Math.min(8, statement.fingerprint().length())));
            current.add(statement.baselineSeconds() * statement.runs());
            recommended.add(statement.recommendedSeconds() * statement.runs());
        }
        if (labels.isEmpty()) {
            labels.add("(none)");
            current.add(0.0);
            recommended.add(0.0);
        }
        chart.addSeries("current", labels, current);
        chart.addSeries("recommended", labels, recommended);
        return chart;
    }

    private static CategoryChart savings(AdviceReport report)
    {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("Simulated workload time each recommendation saves")
                .xAxisTitle("recommendation").yAxisTitle("% of the current design's time").build();
        chart.getStyler().setLegendVisible(false);
        List<String> labels = new ArrayList<>();
        List<Double> percent = new ArrayList<>();
        for (Recommendation recommendation : report.recommendations()) {
            labels.add(recommendation.id() + " " + recommendation.table() + " " + recommendation.kind().label());
            percent.add(recommendation.benefitPercent());
        }
        if (labels.isEmpty()) {
            labels.add("(none)");
            percent.add(0.0);
        }
        chart.getStyler().setXAxisLabelRotation(labels.size() > 6 ? 45 : 0);
        chart.addSeries("benefit", labels, percent);
        return chart;
    }

    static String escape(String text)
    {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
