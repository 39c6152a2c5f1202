package io.autotable.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.autotable.advisor.SortKeyChooser;
import io.autotable.advisor.sortkey.AdvisedSortKeyChooser;
import io.autotable.advisor.sortkey.SortKeyAdvice;
import io.autotable.advisor.sortkey.SortKeyAdvice.Candidate;
import io.autotable.advisor.sortkey.SortKeyAdvisor;
import io.autotable.advisor.sortkey.SortKeyCandidate.Evidence;
import io.autotable.advisor.sortkey.SortKeyRanker;
import io.autotable.advisor.sortkey.TableWorkload;
import io.autotable.advisor.sortkey.heuristic.BlockSkipSortKeyRanker;
import io.autotable.advisor.sortkey.learned.LearnedSortKeyRanker;
import io.autotable.advisor.whatif.WorkloadWhatIf;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.catalog.Table;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.repository.CatalogEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.LayoutBuilder;
import io.autotable.simulator.layout.StorageLayout;
import io.autotable.simulator.layout.TableData;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.workload.Workload;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code sortkeys} section of {@code advise}: its options, the JSON record (field names are a
 * documented contract) and the text printer. Per loaded table: candidates from the workload, the
 * ranker's best simulated on the whole workload with everything else as it is, the fastest
 * recommended when it saves enough.
 */
final class SortKeysAdvice
{
    private SortKeysAdvice() {}

    /** The rankers {@code --sortkey-ranker} names. */
    enum Ranker
    {
        LEARNED, BLOCK_SKIP;
    }

    /** {@code learned} or {@code block-skip}, as the reports print them ({@code block_skip} too). */
    static final class RankerConverter
            implements CommandLine.ITypeConverter<Ranker>
    {
        @Override
        public Ranker convert(String value)
        {
            try {
                return Ranker.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            }
            catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown sort-key ranker '" + value + "': use learned or block-skip");
            }
        }
    }

    /** Options of the sort-key advice. */
    static final class Options
    {
        @Option(names = "--sortkey-ranker", paramLabel = "RANKER", defaultValue = "learned", converter = RankerConverter.class,
                description = "How sort-key candidates are ranked before the best are simulated: learned (the shipped model) or block-skip (the block-skip estimate alone) (default: ${DEFAULT-VALUE}).")
        Ranker ranker;

        @Option(names = "--verify-top", paramLabel = "N", defaultValue = "3",
                description = "Sort-key candidates simulated per table besides the current key and no sort key (default: ${DEFAULT-VALUE}).")
        int verifyTop;

        SortKeyAdvisor advisor(ClusterModel cluster)
        {
            SortKeyRanker chosen = ranker == Ranker.LEARNED ? LearnedSortKeyRanker.shipped(cluster) : new BlockSkipSortKeyRanker();
            return new SortKeyAdvisor(chosen, SortKeyAdvisor.Config.defaults(cluster).withVerifyTop(verifyTop));
        }
    }

    /** The chooser {@code advise} (all kinds) and {@code replay --design recommended} use: the shipped model, three candidates verified. */
    static Optional<SortKeyChooser> shippedChooser(Workload workload, ClusterModel cluster)
    {
        return Optional.of(new AdvisedSortKeyChooser(new SortKeyAdvisor(LearnedSortKeyRanker.shipped(cluster), SortKeyAdvisor.Config.defaults(cluster)), workload));
    }

    /** {@code sortkeys} in {@code advise --format json}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Section(String ranker, int verifyTop, double minSaving, String cluster, int slices, Workloads workload, int changes, List<SortKeyAdvice> tables,
            List<String> tablesWithoutData) {}

    /**
     * @param currentSeconds simulated seconds of every run of the workload with the current design
     * @param recommendedSeconds the same with every recommended sort key applied
     */
    record Workloads(double currentSeconds, double recommendedSeconds) {}

    /** Advice for every loaded table of the workspace, each verified by the simulator on the whole workload. */
    static Section advise(WorkloadRepository repository, WorkloadAnalysis analysis, Options options, ClusterModel cluster, int maxRows)
    {
        SortKeyAdvisor advisor = options.advisor(cluster);
        PhysicalDesign design = repository.design();
        List<String> withoutData = new ArrayList<>();
        List<SortKeyAdvice> tables = new ArrayList<>();
        LayoutBuilder builder = new LayoutBuilder(cluster);
        Workload workload = analysis.workload();
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(repository.workspace())) {
            Set<String> present = new HashSet<>(warehouse.tableNames());
            List<Table> loaded = new ArrayList<>();
            for (CatalogEntry entry : repository.catalogEntries()) {
                if (entry.state() == TableState.COMPLETE && present.contains(entry.table().name())) {
                    loaded.add(entry.table());
                }
                else {
                    withoutData.add(entry.table().name());
                }
            }
            if (loaded.isEmpty()) {
                return new Section(advisor.rankerName(), advisor.config().verifyTop(), advisor.config().minSaving(), cluster.name(), cluster.slices(),
                        new Workloads(0, 0), 0, List.of(), withoutData);
            }
            Function<Table, TableData> reader = SimulatedWarehouse.cachedReader(repository, warehouse, maxRows);
            Map<String, TableData> data = new LinkedHashMap<>();
            Map<String, StorageLayout> layouts = new LinkedHashMap<>();
            for (Table table : loaded) {
                TableData tableData = reader.apply(table);
                data.put(table.name(), tableData);
                layouts.put(table.name(), builder.build(tableData, design.table(table.name())));
            }
            WorkloadWhatIf current = new WorkloadWhatIf(cluster, repository.catalog(), workload, layouts);
            WorkloadWhatIf recommended = current;
            int changes = 0;
            for (Table table : loaded) {
                TableDesign tableDesign = design.table(table.name());
                TableData tableData = data.get(table.name());
                SortKeyAdvice advice = advisor.advise(TableWorkload.of(table.name(), workload), tableData, tableDesign, current.forTable(table.name(), tableData, builder));
                tables.add(advice);
                if (advice.changes()) {
                    changes++;
                    recommended = recommended.with(table.name(), builder.build(tableData, advice.recommended().applyTo(tableDesign)));
                }
            }
            return new Section(advisor.rankerName(), advisor.config().verifyTop(), advisor.config().minSaving(), cluster.name(), cluster.slices(),
                    new Workloads(current.total().seconds(), recommended.total().seconds()), changes, tables, withoutData);
        }
    }

    /** The summary and a line per table, then (unless {@code brief}) each table's reason, candidates and evidence. */
    static void printText(PrintWriter out, Section section, boolean brief)
    {
        if (!section.tablesWithoutData().isEmpty()) {
            out.printf(Locale.ROOT, "Sort keys: no data to lay out for %s: load it ('autotable load TABLE FILE') to get their advice.%n", String.join(", ", section.tablesWithoutData()));
        }
        if (section.tables().isEmpty()) {
            out.println("Sort keys: the workspace has no loaded tables to lay out: run 'autotable init' or 'autotable load' first.");
            return;
        }
        Workloads workload = section.workload();
        out.printf(Locale.ROOT, "Sort keys (%s ranker, up to %d candidates simulated per table on %s, %d slice%s): %d of %d tables change; simulated workload %.3f s -> %.3f s (%s less)%n",
                section.ranker(), section.verifyTop(), section.cluster(), section.slices(), section.slices() == 1 ? "" : "s", section.changes(), section.tables().size(),
                workload.currentSeconds(), workload.recommendedSeconds(),
                Formats.percent(workload.currentSeconds() == 0 ? 0 : 1 - workload.recommendedSeconds() / workload.currentSeconds()));
        out.printf(Locale.ROOT, "  %-20s %-28s %-30s %10s %10s %8s%n", "table", "current", "advised", "now s", "advised s", "saving");
        for (SortKeyAdvice table : section.tables()) {
            out.printf(Locale.ROOT, "  %-20s %-28s %-30s %10.3f %10.3f %8s%n", table.table(), table.current(), (table.changes() ? "* " : "  ") + table.recommended(),
                    table.currentSeconds(), table.recommendedSeconds(), Formats.percent(table.saving()));
        }
        out.println("  Seconds are simulated runs of the statements that touch the table; the saving is against the current key.");
        if (brief) {
            return;
        }
        for (SortKeyAdvice table : section.tables()) {
            out.println();
            out.printf(Locale.ROOT, "  %s: %s%s%n", table.table(), table.recommended(), table.changes() ? " (now " + table.current() + ")" : " (kept)");
            out.printf(Locale.ROOT, "    why: %s%n", table.reason());
            for (Candidate candidate : table.candidates()) {
                out.printf(Locale.ROOT, "    %-36s %-16s predicted %7s  skip est. %6s  %s%s%n", candidate.key(), candidate.source().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        Formats.percent(candidate.predictedBenefit()), Formats.percent(candidate.estimatedSkip()),
                        candidate.simulatedSeconds().map(seconds -> String.format(Locale.ROOT, "simulated %.3f s", seconds)).orElse("not simulated"),
                        candidate.recommended() ? "  <- advised" : candidate.current() ? "  (current)" : "");
            }
            Optional<Candidate> chosen = table.candidates().stream().filter(Candidate::recommended).findFirst();
            if (chosen.isPresent() && !chosen.get().evidence().isEmpty()) {
                List<String> evidence = new ArrayList<>();
                for (Evidence each : chosen.get().evidence()) {
                    evidence.add("%s (%,d runs: %s)".formatted(each.fingerprint().substring(0, Math.min(12, each.fingerprint().length())), each.runs(), each.use()));
                }
                out.printf(Locale.ROOT, "    serves: %s%n", String.join("; ", evidence));
            }
        }
    }
}
