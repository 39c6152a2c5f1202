package io.autotable.cli;

import io.autotable.catalog.Table;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.workload.QuerySet;
import io.autotable.simulator.workload.ScheduledQuery;
import io.autotable.simulator.workload.WorkloadRunner;
import io.autotable.simulator.workload.WorkloadSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(mixinStandardHelpOptions = true, name = "workload", description = "Run or generate a benchmark's workload.", subcommands = {WorkloadCommand.Run.class, WorkloadGenerateCommand.class})
final class WorkloadCommand
{
    @Command(mixinStandardHelpOptions = true, name = "run",
            description = {
                    "Run a benchmark's queries for real against the embedded warehouse through the capture driver, on a seeded schedule:",
                    "a few queries far more frequent than the rest, most in business hours, parameters varied per run.",
                    "Every statement is captured into the workspace with its scheduled time, real duration and rows; failures are captured too."})
    static final class Run
            implements Callable<Integer>
    {
        @Mixin
        WorkspaceOptions workspaceOptions;

        @Mixin
        QueryOptions queryOptions;

        @Option(names = "--days", defaultValue = "1", description = "Simulated days (default: ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--runs-per-day", defaultValue = "100", description = "Queries per simulated day (default: ${DEFAULT-VALUE}).")
        int runsPerDay;

        @Option(names = "--seed", defaultValue = "42", description = "Seed of the schedule (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--first-day", defaultValue = "2026-01-05", description = "The first simulated day, yyyy-mm-dd (default: ${DEFAULT-VALUE}).")
        LocalDate firstDay;

        @Option(names = "--timeout-seconds", defaultValue = "20", description = "A statement running longer is cancelled and captured as failed (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Option(names = "--user", defaultValue = "workload-run", description = "The user the statements are captured as (default: ${DEFAULT-VALUE}).")
        String user;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call()
        {
            PrintWriter out = spec.commandLine().getOut();
            QuerySet querySet = queryOptions.querySet();
            String benchmark = querySet.benchmark();
            if (timeoutSeconds < 1) {
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "--timeout-seconds must be at least 1, got " + timeoutSeconds);
            }
            List<ScheduledQuery> schedule = WorkloadSchedule.create(querySet, days, runsPerDay, seed, firstDay);
            Workspace workspace = workspaceOptions.workspace();
            List<Table> tables = requireBenchmarkTables(workspace, benchmark);
            WorkloadRunner runner = new WorkloadRunner(workspace, Duration.ofSeconds(timeoutSeconds));
            runner.prepare(tables);
            QueryOptions.describe(querySet, queryOptions.queries, out, spec.commandLine().getErr());
            out.printf(Locale.ROOT, "Running %,d %s queries (%d days x %d, seed %d) against %s through the capture driver%n",
                    schedule.size(), benchmark, days, runsPerDay, seed, workspace.directory());
            out.flush();
            WorkloadRunner.Result result = runner.run(schedule, user, progress(out, schedule.size()));
            out.printf(Locale.ROOT, "Ran %,d queries (%,d statements) in %.1f s: %,d statements failed%n",
                    result.queries(), result.statements(), result.elapsed().toMillis() / 1000.0, result.failed());
            result.failures().forEach((template, error) -> out.printf(Locale.ROOT, "  %s failed: %s%n", template, error));
            try (WorkloadRepository repository = WorkloadRepository.openExisting(workspace)) {
                out.printf(Locale.ROOT, "The workspace holds %,d captured events: run 'autotable analyze' to see the workload%n", repository.eventCount());
            }
            out.flush();
            return 0;
        }

        private static WorkloadRunner.Listener progress(PrintWriter out, int total)
        {
            int step = Math.max(1, total / 10);
            return (done, all) -> {
                if (done % step == 0 || done == all) {
                    out.printf(Locale.ROOT, "  %,d / %,d queries%n", done, all);
                    out.flush();
                }
            };
        }

        private static List<Table> requireBenchmarkTables(Workspace workspace, String benchmark)
        {
            return WarehouseSetup.completeBenchmarkTables(workspace, benchmark).orElseThrow(() -> new CaptureException(ErrorCode.WORKSPACE_NOT_INITIALIZED,
                    "the embedded warehouse of %s has no complete %s data: run 'autotable init --benchmark %s --workspace %s' first"
                            .formatted(workspace.directory(), benchmark, benchmark, workspace.directory())));
        }
    }
}
