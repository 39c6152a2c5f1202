package io.autotable.cli;

import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(mixinStandardHelpOptions = true, name = "demo",
        description = {
                "autotable end to end on the embedded warehouse.",
                "Creates a TPC-H warehouse (unless the workspace has one), runs a simulated day of its workload through the capture driver",
                "(unless the workspace has captured events), analyses it, recommends every table's distribution, sort key and encodings",
                "(verified by the simulator), replays the workload under the current and the recommended designs, and writes the HTML report."})
final class DemoCommand
        implements Callable<Integer>
{
    @Mixin
    WorkspaceOptions workspaceOptions;

    @Option(names = "--scale", paramLabel = "SF", defaultValue = "0.01", description = "TPC-H scale factor (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "200", description = "Queries in the simulated day of workload (default: ${DEFAULT-VALUE}).")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        Workspace workspace = workspaceOptions.workspace();
        if (WarehouseSetup.completeBenchmarkTables(workspace, "tpch").isPresent()) {
            out.println("Using the TPC-H warehouse already in " + workspace.directory());
        }
        else {
            WarehouseSetup.init(workspace, "tpch", scale, out, true);
        }
        out.println();
        String directory = workspace.directory().toString();
        if (capturedEvents(workspace) == 0) {
            int exitCode = autotable("workload", "run", "--runs-per-day", Integer.toString(runs), "--workspace", directory);
            if (exitCode != 0) {
                return exitCode;
            }
        }
        else {
            out.println("Using the workload already captured in " + directory);
        }
        out.println();
        int exitCode = autotable("analyze", "--top", "6", "--workspace", directory);
        if (exitCode != 0) {
            return exitCode;
        }
        out.println();
        Path report = workspace.directory().resolve("report.html");
        Path design = workspace.directory().resolve("recommended-design.json");
        exitCode = autotable("advise", "--brief", "--no-progress", "--html", report.toString(), "--save-design", design.toString(),
                "--json", workspace.directory().resolve("advice.json").toString(), "--workspace", directory);
        if (exitCode != 0) {
            return exitCode;
        }
        AdviceSummary summary = AdviceSummary.read(workspace.directory().resolve("advice.json"));
        out.println();
        out.print(summary.text());
        out.println();
        out.println("The same workload replayed on the simulated cluster, with its arrival times and WLM queues:");
        exitCode = autotable("replay", "--compare", "current", design.toString(), "--top", "5", "--workspace", directory);
        if (exitCode != 0) {
            return exitCode;
        }
        out.println();
        out.printf(Locale.ROOT, "In short: %s%n", summary.oneLine());
        out.println("The report with its charts: " + report);
        out.println();
        out.println("Next: './autotable advise --workspace " + directory + "' explains every recommendation, with its evidence and DDL;");
        out.println("      './autotable replay --workspace " + directory + " --compare current recommended --explain' shows each statement's simulated plan;");
        out.println("      './autotable catalog --workspace " + directory + "' shows every table's statistics and design.");
        out.flush();
        return exitCode;
    }

    /** Runs another autotable command, printing where this one prints. */
    private int autotable(String... args)
    {
        CommandLine commandLine = AutotableCommand.commandLine();
        commandLine.setOut(spec.commandLine().getOut());
        commandLine.setErr(spec.commandLine().getErr());
        return commandLine.execute(args);
    }

    private static long capturedEvents(Workspace workspace)
    {
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspace)) {
            return repository.eventCount();
        }
    }

}
