package io.autotable.cli;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.replay.ReplayResult;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

import javax.imageio.ImageIO;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The replay's charts, drawn with XChart into one PNG: simulated cost over time (seconds per hour
 * of the log, one line per design) above the heaviest statements' seconds per design side by side.
 */
final class ReplayCharts
{
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 500;
    private static final int TOP_QUERIES = 15;

    private ReplayCharts() {}

    static void write(ReplayResult result, Path file)
    {
        BufferedImage overTime = BitmapEncoder.getBufferedImage(costOverTime(result));
        BufferedImage perQuery = BitmapEncoder.getBufferedImage(perQuery(result));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT * 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, WIDTH, HEIGHT * 2);
        graphics.drawImage(overTime, 0, 0, null);
        graphics.drawImage(perQuery, 0, HEIGHT, null);
        graphics.dispose();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(image, "png", file.toFile());
        }
        catch (IOException e) {
            throw new CaptureException(ErrorCode.FILE_NOT_READABLE, "cannot write the chart to %s: %s".formatted(file, e.getMessage()), e);
        }
    }

    static XYChart costOverTime(ReplayResult result)
    {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Simulated execution time per hour of the log")
                .xAxisTitle("hours since " + result.firstArrival())
                .yAxisTitle("seconds")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(3);
        Set<String> names = new HashSet<>();
        for (ReplayResult.DesignTotals design : result.designs()) {
            double[] hours = new double[Math.max(1, design.hourlySeconds().length)];
            double[] seconds = new double[hours.length];
            for (int i = 0; i < design.hourlySeconds().length; i++) {
                hours[i] = i;
                seconds[i] = design.hourlySeconds()[i];
            }
            chart.addSeries(uniqueName(names, design.name()), hours, seconds);
        }
        return chart;
    }

    static CategoryChart perQuery(ReplayResult result)
    {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Simulated seconds of the most frequent statements (all runs)")
                .xAxisTitle("statement (fingerprint)")
                .yAxisTitle("seconds")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLabelRotation(45);
        List<ReplayResult.QueryTotals> top = result.queries().subList(0, Math.min(TOP_QUERIES, result.queries().size()));
        List<String> labels = new ArrayList<>();
        for (ReplayResult.QueryTotals query : top) {
            labels.add(query.fingerprint().substring(0, Math.min(8, query.fingerprint().length())));
        }
        if (labels.isEmpty()) {
            labels.add("(none)");
        }
        Set<String> names = new HashSet<>();
        for (int d = 0; d < result.designs().size(); d++) {
            List<Double> seconds = new ArrayList<>();
            for (ReplayResult.QueryTotals query : top) {
                seconds.add(query.costs().get(d).seconds() * query.count());
            }
            if (seconds.isEmpty()) {
                seconds.add(0.0);
            }
            chart.addSeries(uniqueName(names, result.designs().get(d).name()), labels, seconds);
        }
        return chart;
    }

    private static String uniqueName(Set<String> taken, String name)
    {
        String unique = name;
        for (int i = 2; taken.contains(unique); i++) {
            unique = name + " (" + i + ")";
        }
        taken.add(unique);
        return unique;
    }
}
