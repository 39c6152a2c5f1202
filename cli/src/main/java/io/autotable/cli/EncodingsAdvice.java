package io.autotable.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.autotable.advisor.encoding.EncodingAdvisor;
import io.autotable.advisor.encoding.EncodingAdvisor.ColumnAdvice;
import io.autotable.advisor.encoding.EncodingAdvisor.TableAdvice;
import io.autotable.advisor.encoding.SampleReader.SampleSpec;
import io.autotable.encoding.EncodingSelector;
import io.autotable.encoding.exhaustive.ExhaustiveEncodingSelector;
import io.autotable.encoding.learned.LearnedEncodingSelector;
import io.autotable.encoding.sampled.SampledEncodingSelector;
import io.autotable.repository.CatalogEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.WorkloadRepository;
import io.autotable.design.PhysicalDesign;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code encodings} section of {@code advise}: its options, the JSON record (field names are a
 * documented contract) and the text printer. Like Redshift's ANALYZE COMPRESSION: per column the
 * current encoding, the recommended one and the sizes of both measured on a sample.
 */
final class EncodingsAdvice
{
    private EncodingsAdvice() {}

    /** The encoding selectors {@code --encoding-selector} names. */
    enum Selector
    {
        LEARNED, EXHAUSTIVE, SAMPLED;
    }

    /** Options of the encodings advice. */
    static final class Options
    {
        @Option(names = "--encoding-selector", paramLabel = "SELECTOR", defaultValue = "learned",
                description = "How encodings are chosen: learned (the shipped model, unsure predictions verified on the sample), exhaustive (every encoding tried on the whole sample) or sampled (BtrBlocks-style trials on runs of it) (default: ${DEFAULT-VALUE}).")
        Selector selector;

        @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "100000",
                description = "Rows sampled per table, in 10 chunks of consecutive rows evenly spaced through it; smaller tables are read whole (default: ${DEFAULT-VALUE}).")
        int sampleRows;

        /** The options as the command line defaults them, for callers that run the advice without flags. */
        static Options defaults()
        {
            Options options = new Options();
            picocli.CommandLine commandLine = new picocli.CommandLine(options);
            commandLine.setCaseInsensitiveEnumValuesAllowed(true);
            commandLine.parseArgs();
            return options;
        }

        EncodingSelector encodingSelector()
        {
            return switch (selector) {
                case LEARNED -> LearnedEncodingSelector.shipped(true);
                case EXHAUSTIVE -> new ExhaustiveEncodingSelector();
                case SAMPLED -> new SampledEncodingSelector(SampledEncodingSelector.Config.defaults());
            };
        }
    }

    /** {@code encodings} in {@code advise --format json}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Section(String selector, Sample sample, List<ColumnEntry> columns, Totals totals, List<String> tablesWithoutData) {}

    record Sample(int rows, int chunks, String method) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ColumnEntry(
            String table,
            String column,
            String type,
            long rows,
            int sampleRows,
            String current,
            String recommended,
            String oracle,
            long currentBytes,
            long recommendedBytes,
            long oracleBytes,
            double reduction,
            String reason) {}

    record Totals(String selector, int tables, int columns, int changes, long currentBytes, long recommendedBytes, long oracleBytes, double reduction) {}

    /** Advice for every complete table of the workspace, from its embedded warehouse's data. */
    static Section advise(WorkloadRepository repository, Options options)
    {
        EncodingAdvisor advisor = new EncodingAdvisor(options.encodingSelector(), new SampleSpec(options.sampleRows, Math.min(10, options.sampleRows)));
        PhysicalDesign design = repository.design();
        List<ColumnEntry> columns = new ArrayList<>();
        List<String> withoutData = new ArrayList<>();
        int tables = 0;
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(repository.workspace())) {
            for (CatalogEntry entry : repository.catalogEntries()) {
                if (entry.state() != TableState.COMPLETE) {
                    withoutData.add(entry.table().name());
                    continue;
                }
                TableAdvice advice = advisor.advise(warehouse.connection(), entry.table(), warehouse.rowCount(entry.table().name()), design.table(entry.table().name()));
                tables++;
                for (ColumnAdvice column : advice.columns()) {
                    columns.add(new ColumnEntry(column.table(), column.column(), column.type(), advice.rows(), advice.sampleRows(),
                            column.current().name(), column.recommended().name(), column.oracle().name(),
                            column.currentBytes(), column.recommendedBytes(), column.oracleBytes(),
                            reduction(column.currentBytes(), column.recommendedBytes()), column.reason().orElse(null)));
                }
            }
        }
        long current = 0;
        long recommended = 0;
        long oracle = 0;
        int changes = 0;
        for (ColumnEntry column : columns) {
            current += column.currentBytes();
            recommended += column.recommendedBytes();
            oracle += column.oracleBytes();
            changes += column.current().equals(column.recommended()) ? 0 : 1;
        }
        SampleSpec sample = advisor.sample();
        return new Section(advisor.selectorName(),
                new Sample(sample.rows(), sample.chunks(), "whole table up to rows, else chunks of consecutive rows (in stored order) starting at evenly spaced positions"),
                columns,
                new Totals(advisor.selectorName(), tables, columns.size(), changes, current, recommended, oracle, reduction(current, recommended)),
                withoutData);
    }

    private static void printTables(PrintWriter out, List<ColumnEntry> columns)
    {
        out.printf(Locale.ROOT, "  %-20s %8s %12s %12s %8s%n", "table", "changes", "current", "advised", "saving");
        int start = 0;
        while (start < columns.size()) {
            String table = columns.get(start).table();
            long current = 0;
            long recommended = 0;
            int changes = 0;
            int end = start;
            while (end < columns.size() && columns.get(end).table().equals(table)) {
                current += columns.get(end).currentBytes();
                recommended += columns.get(end).recommendedBytes();
                changes += columns.get(end).current().equals(columns.get(end).recommended()) ? 0 : 1;
                end++;
            }
            out.printf(Locale.ROOT, "  %-20s %3d of %-2d %12s %12s %8s%n", table, changes, end - start,
                    Formats.bytes(current), Formats.bytes(recommended), Formats.percent(reduction(current, recommended)));
            start = end;
        }
    }

    private static double reduction(long current, long recommended)
    {
        return current == 0 ? 0 : 1 - (double) recommended / current;
    }

    /** The summary, then each column; with {@code brief}, each table's totals instead of its columns. */
    static void printText(PrintWriter out, Section section, boolean brief)
    {
        Totals totals = section.totals();
        if (!section.tablesWithoutData().isEmpty()) {
            out.printf(Locale.ROOT, "Encodings: no data to sample for %s: load it ('autotable load TABLE FILE') to get their advice.%n", String.join(", ", section.tablesWithoutData()));
        }
        if (section.columns().isEmpty()) {
            out.println("Encodings: the workspace has no loaded tables to sample: run 'autotable init' or 'autotable load' first.");
            return;
        }
        out.printf(Locale.ROOT, "Encodings (%s selector, samples of up to %,d rows per table): %d of %d columns change; %s -> %s (%s smaller), the oracle reaches %s%n",
                section.selector(), section.sample().rows(), totals.changes(), totals.columns(),
                Formats.bytes(totals.currentBytes()), Formats.bytes(totals.recommendedBytes()), Formats.percent(totals.reduction()), Formats.bytes(totals.oracleBytes()));
        if (brief) {
            printTables(out, section.columns());
            return;
        }
        out.printf(Locale.ROOT, "  %-20s %-24s %-16s %-9s %-9s %12s %12s %8s%n", "table", "column", "type", "current", "advised", "current", "advised", "saving");
        for (ColumnEntry column : section.columns()) {
            out.printf(Locale.ROOT, "  %-20s %-24s %-16s %-9s %-9s %12s %12s %8s%s%n", column.table(), column.column(), column.type(),
                    column.current(), column.recommended(), Formats.bytes(column.currentBytes()), Formats.bytes(column.recommendedBytes()),
                    Formats.percent(column.reduction()), column.reason() == null ? "" : "  (" + column.reason() + ")");
        }
        out.println("  Sizes are measured by encoding the sample for real, scaled to the table's rows.");
    }
}
