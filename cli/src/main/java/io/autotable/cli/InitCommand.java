package io.autotable.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(mixinStandardHelpOptions = true, name = "init",
        description = {
                "Create the embedded warehouse with a benchmark's generated data and compute every column's statistics.",
                "Tables of the same names are replaced and get the initial design (EVEN, no sort key, RAW); other tables are kept."})
final class InitCommand
        implements Callable<Integer>
{
    @Mixin
    WorkspaceOptions workspaceOptions;

    @Option(names = "--benchmark", required = true, paramLabel = "NAME", description = "tpch, tpcds or ssb.")
    String benchmark;

    @Option(names = "--scale", paramLabel = "SF", defaultValue = "0.01",
            description = "Scale factor: 1 is about 1 GB of raw data (default: ${DEFAULT-VALUE}, the smallest the generators make).")
    double scale;

    @Option(names = "--no-progress", description = "No progress bars, one line per table.")
    boolean noProgress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        WarehouseSetup.init(workspaceOptions.workspace(), benchmark, scale, spec.commandLine().getOut(), !noProgress);
        return 0;
    }
}
