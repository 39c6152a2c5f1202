package io.autotable.cli;

import io.autotable.AutotableVersion;
import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.design.DistStyle;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.json.Json;
import io.autotable.repository.CatalogEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.WorkloadRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(mixinStandardHelpOptions = true, name = "catalog",
        description = "Show the tables, their row counts, sizes, column statistics and current physical design.",
        subcommands = CatalogImportCommand.class)
final class CatalogCommand
        implements Callable<Integer>
{
    @Mixin
    WorkspaceOptions workspaceOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspaceOptions.workspace())) {
            List<CatalogEntry> entries = repository.catalogEntries();
            PhysicalDesign design = repository.design();
            CatalogReport report = CatalogReport.of(AutotableVersion.get(), repository.workspace().directory().toString(), entries, design);
            if (format == OutputFormat.JSON) {
                out.println(Json.writePretty(report));
            }
            else {
                printText(out, report.workspace(), entries, design);
            }
            out.flush();
        }
        return 0;
    }

    private static void printText(PrintWriter out, String workspace, List<CatalogEntry> entries, PhysicalDesign physicalDesign)
    {
        if (entries.isEmpty()) {
            out.println("The catalog of " + workspace + " is empty: run 'autotable init' or 'autotable catalog import FILE'.");
            return;
        }
        out.printf(Locale.ROOT, "Catalog of %s: %d tables%n", workspace, entries.size());
        for (CatalogEntry entry : entries) {
            TableDesign design = physicalDesign.table(entry.table().name());
            out.println();
            out.printf(Locale.ROOT, "%s  %,d rows  %s  %s  sortkey %s  [%s, %s]%n",
                    entry.table().name(), entry.table().rows(), Formats.bytes(entry.table().sizeBytes()), distribution(design),
                    design.sortkey().isEmpty() ? "none" : design.sortStyle().name().toLowerCase(Locale.ROOT) + "(" + String.join(", ", design.sortkey()) + ")",
                    entry.state().name().toLowerCase(Locale.ROOT), entry.origin());
            if (entry.state() == TableState.INCOMPLETE) {
                out.println("  ! the load of this table did not finish: its data and statistics are not used; run 'autotable init' again");
            }
            out.printf(Locale.ROOT, "  %-24s %-18s %12s %7s  %-9s %s%n", "column", "type", "distinct", "nulls", "encoding", "range");
            for (Column column : entry.table().columns()) {
                out.printf(Locale.ROOT, "  %-24s %-18s %12s %7s  %-9s %s%n", column.name(), column.type().sql(),
                        column.stats().map(CatalogCommand::distinct).orElse("-"),
                        column.stats().map(stats -> Formats.percent(stats.nullFraction())).orElse("-"),
                        design.encoding(column.name()).name(),
                        column.stats().map(CatalogCommand::range).orElse(""));
            }
        }
    }

    private static String distribution(TableDesign design)
    {
        return design.distribution() == DistStyle.KEY ? "KEY(" + design.distkey().orElseThrow() + ")" : design.distribution().name();
    }

    private static String distinct(ColumnStats stats)
    {
        return (stats.distinctExact() ? "" : "~") + String.format(Locale.ROOT, "%,d", stats.distinct());
    }

    private static String range(ColumnStats stats)
    {
        if (stats.min().isEmpty()) {
            return "all null";
        }
        return abbreviate(stats.min().get()) + " .. " + abbreviate(stats.max().get());
    }

    private static String abbreviate(String value)
    {
        return value.length() <= 24 ? value : value.substring(0, 21) + "...";
    }
}
