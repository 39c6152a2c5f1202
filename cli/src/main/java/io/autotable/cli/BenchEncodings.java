package io.autotable.cli;

import io.autotable.advisor.encoding.EncodingModelTraining;
import io.autotable.advisor.encoding.EncodingModelTraining.Plan;
import io.autotable.encoding.ColumnProfile;
import io.autotable.encoding.evaluation.SelectorComparison;
import io.autotable.encoding.learned.EncodingModel;
import io.autotable.encoding.learned.TrainingColumn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(mixinStandardHelpOptions = true, name = "encodings",
        description = {
                "Compare encoding selectors side by side on benchmark columns the shipped model never saw (default: SSB and TPC-DS):",
                "the exhaustive oracle, the sampled (BtrBlocks) and learned selectors, all RAW, ZSTD everywhere and Redshift's defaults.",
                "Reports total bytes, regret and accuracy against the oracle, and selection time."})
final class BenchEncodings
        implements Callable<Integer>
{
    @Option(names = "--benchmarks", split = ",", defaultValue = "ssb,tpcds", description = "Benchmarks whose columns are compared (default: ${DEFAULT-VALUE}).")
    List<String> benchmarks;

    @Option(names = "--scale", defaultValue = "0.01", description = "Scale the benchmarks are generated at (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--sample-rows", defaultValue = "50000", description = "Rows per sample of consecutive rows (default: ${DEFAULT-VALUE}).")
    int sampleRows;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        Plan plan = new Plan(List.of(), benchmarks, scale, Plan.defaults().maxRowsPerTable(), sampleRows);
        long started = System.nanoTime();
        List<TrainingColumn> columns = EncodingModelTraining.benchmarkColumns(benchmarks, plan, message -> {
            out.printf(Locale.ROOT, "  [%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
            out.flush();
        });
        SelectorComparison.Result result = EncodingModelTraining.evaluate(EncodingModel.shipped(), columns);
        out.printf(Locale.ROOT, "bench encodings: %d samples of %s columns (scale %s, up to %,d consecutive rows each), shipped model, one run side by side%n",
                result.columns(), String.join(", ", benchmarks), Formats.scale(scale), sampleRows);
        EncodingComparisonPrinter.print(out, result.oracleBytes(), EncodingModelTraining.scores(result));
        printProfileRate(out, columns);
        out.flush();
        return 0;
    }

    /**
     * The profile pass over every whole sample, on this thread, rated by the thread's CPU time (what
     * one core does, whatever else the machine runs) and by wall time; the best of five rounds.
     */
    private static void printProfileRate(PrintWriter out, List<TrainingColumn> columns)
    {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long bytes = 0;
        long bestCpu = Long.MAX_VALUE;
        long bestWall = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            long roundBytes = 0;
            for (TrainingColumn column : columns) {
                roundBytes += ColumnProfile.of(column.type(), column.values()).valueBytes();
            }
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu);
            bestWall = Math.min(bestWall, System.nanoTime() - wall);
            bytes = roundBytes;
        }
        out.printf(Locale.ROOT, "profile pass over the %d whole samples (%s of values): %.0f MB/s per core (thread CPU time), %.0f MB/s wall%n",
                columns.size(), Formats.bytes(bytes), bytes / (bestCpu / 1e9) / 1e6, bytes / (bestWall / 1e9) / 1e6);
    }
}
