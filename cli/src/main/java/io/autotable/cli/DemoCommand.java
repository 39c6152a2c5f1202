package io.autotable.cli;

import io.autotable.repository.CatalogEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "demo",
        description = {
                "autotable end to end on the embedded warehouse: creates a TPC-H warehouse (unless the workspace has one) and shows its catalog.",
                "Later stages (captured workload, advice, replay, HTML report) join as they are built."})
final class DemoCommand
        implements Callable<Integer>
{
    private static final Set<String> TPCH_TABLES = Set.of("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier");

    @Mixin
    WorkspaceOptions workspaceOptions;

    @Option(names = "--scale", paramLabel = "SF", defaultValue = "0.01", description = "TPC-H scale factor (default: ${DEFAULT-VALUE}).")
    double scale;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        Workspace workspace = workspaceOptions.workspace();
        if (hasCompleteTpch(workspace)) {
            out.println("Using the TPC-H warehouse already in " + workspace.directory());
        }
        else {
            WarehouseSetup.init(workspace, "tpch", scale, out, true);
        }
        out.println();
        CommandLine catalog = spec.root().commandLine().getSubcommands().get("catalog");
        return catalog.execute("--workspace", workspace.directory().toString());
    }

    private static boolean hasCompleteTpch(Workspace workspace)
    {
        if (!Files.exists(workspace.repositoryFile())) {
            return false;
        }
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspace)) {
            List<CatalogEntry> entries = repository.catalogEntries();
            Set<String> complete = entries.stream()
                    .filter(entry -> entry.state() == TableState.COMPLETE)
                    .map(entry -> entry.table().name())
                    .collect(Collectors.toSet());
            return complete.containsAll(TPCH_TABLES);
        }
    }
}
