package io.autotable.cli;

import io.autotable.advisor.apply.ChangeLog;
import io.autotable.advisor.apply.ChangePlan;
import io.autotable.advisor.apply.ChangeRecord;
import io.autotable.advisor.daemon.AppliedChange;
import io.autotable.json.Json;
import io.autotable.repository.AdviceRun;
import io.autotable.repository.DaemonState;
import io.autotable.repository.Exclusion;
import io.autotable.repository.JournalEntry;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.TableDataReader;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.sql.SqlDialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * {@code autotable status}: the daemon's state, the last advice runs, the recommendations still
 * pending, the changes applied, the exclusions and the end of the journal (the audit trail).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "The daemon's state, recent advice runs, pending recommendations, applied changes, exclusions and the audit trail.")
final class StatusCommand
        implements Callable<Integer>
{
    private static final int RUNS = 5;
    private static final int JOURNAL = 20;

    @Mixin
    WorkspaceOptions workspaceOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--no-measure", description = "Show the measurements made so far without measuring the changes again on new workload.")
    boolean noMeasure;

    @Option(names = "--lookback", paramLabel = "DURATION", defaultValue = "7d",
            description = "A change's effect is measured on the workload since it, at most this much of the newest (default: ${DEFAULT-VALUE}).")
    String lookback;

    @Option(names = "--cluster", paramLabel = "PRESET", defaultValue = "ra3.4xlarge", description = "The simulated cluster measurements replay on (default: ${DEFAULT-VALUE}).")
    String cluster;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + TableDataReader.DEFAULT_MAX_ROWS,
            description = "Tables with more rows are laid out from a systematic sample when measuring (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--sql-dialect", paramLabel = "DIALECT", defaultValue = "redshift", description = "The SQL dialect of the logged statements (default: ${DEFAULT-VALUE}).")
    SqlDialect sqlDialect;

    @Spec
    CommandSpec spec;

    /** What {@code status --format json} prints; field names are a documented contract. */
    record Report(Optional<Daemon> daemon, List<Run> runs, List<Pending> pending, List<Change> changes, List<AppliedChange> applied, List<Exclusion> exclusions,
            List<JournalEntry> journal) {}

    /**
     * A change of a table's design, as the journal tells it.
     *
     * @param state {@code done}, {@code rolled-back} (done, then undone by {@code rolledBackBy}),
     *        {@code failed} (verification or the warehouse failed; the table kept its design),
     *        {@code recovered} (a crash interrupted it and recovery undid it) or {@code in-progress}
     * @param recommendations the recommendations it carried out ({@code A3:R1}), none for a rollback
     * @param measured its effect on the workload since it, once measured
     */
    record Change(String id, String table, String origin, String state, List<String> recommendations, String reason, double predictedBenefitPercent,
            Instant begun, Optional<Instant> finished, OptionalLong rows, Optional<String> checksum, Optional<String> rollsBack, Optional<String> rolledBackBy,
            Optional<String> message, Optional<ChangeMeasurements.Measured> measured) {}

    /**
     * @param alive whether the process is still running on this machine
     */
    record Daemon(long pid, String state, boolean alive, Instant startedAt, Instant heartbeatAt, Object configuration) {}

    record Run(String id, String origin, Instant at, Optional<Instant> windowFrom, Optional<Instant> windowTo, double baselineSeconds, double recommendedSeconds,
            int recommendations) {}

    record Pending(String id, String table, String kind, String from, String to, double benefitPercent, String group, String status) {}

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspaceOptions.workspace())) {
            Map<String, ChangeMeasurements.Measured> measured = noMeasure ? ChangeMeasurements.stored(repository) : measure(repository);
            Report report = report(repository, measured);
            if (format == OutputFormat.JSON) {
                out.println(Json.writePretty(report));
            }
            else {
                printText(out, report);
            }
            out.flush();
        }
        return 0;
    }

    private Map<String, ChangeMeasurements.Measured> measure(WorkloadRepository repository)
    {
        Duration window = Durations.parse(lookback, "--lookback");
        ClusterModel model = DecodeRates.apply(ClusterModel.preset(cluster), "assumed");
        List<EmbeddedWarehouse> opened = new ArrayList<>();
        try {
            return ChangeMeasurements.measure(repository, () -> {
                EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspaceOptions.workspace());
                opened.add(warehouse);
                spec.commandLine().getErr().println("Measuring the applied changes on the workload since them...");
                spec.commandLine().getErr().flush();
                return new WindowCost(repository, warehouse, model, maxRows, sqlDialect);
            }, window);
        }
        finally {
            opened.forEach(EmbeddedWarehouse::close);
        }
    }

    static Report report(WorkloadRepository repository, Map<String, ChangeMeasurements.Measured> measured)
    {
        Optional<Daemon> daemon = repository.daemonState().map(StatusCommand::daemon);
        List<Run> runs = new ArrayList<>();
        List<AdviceRun> adviceRuns = repository.adviceRuns(Optional.empty(), RUNS);
        for (AdviceRun run : adviceRuns) {
            runs.add(new Run(run.id(), run.origin(), run.at(), run.window().from(), run.window().to(), run.baselineSeconds(), run.recommendedSeconds(),
                    repository.recommendations(run.runNo()).size()));
        }
        List<Pending> pending = new ArrayList<>();
        if (!adviceRuns.isEmpty()) {
            for (AdviceRuns.Stored stored : AdviceRuns.recommendations(repository, adviceRuns.get(0))) {
                AdviceRuns.Body body = stored.body();
                if (stored.stored().status().equals(AdviceRuns.PENDING)) {
                    pending.add(new Pending(stored.stored().qualifiedId(), body.table(), body.kind().label(), body.from(), body.to(), body.benefitPercent(), body.group(),
                            stored.stored().status()));
                }
            }
        }
        List<Change> changes = new ArrayList<>();
        ChangeLog log = ChangeLog.read(repository);
        for (ChangeRecord change : log.changes()) {
            Optional<String> rolledBackBy = log.rolledBackBy(change.changeId()).map(ChangeRecord::changeId);
            String state = switch (change.state()) {
                case DONE -> rolledBackBy.isPresent() ? "rolled-back" : "done";
                case FAILED -> "failed";
                case ROLLED_BACK -> "recovered";
                default -> "in-progress";
            };
            ChangePlan plan = change.plan();
            changes.add(new Change(change.changeId(), change.table(), plan.origin().name().toLowerCase(Locale.ROOT), state, plan.recommendationIds(), plan.reason(),
                    plan.predictedBenefitPercent(), change.begun(), change.finished(), change.rows(), change.checksum(), plan.rollsBack(), rolledBackBy, change.message(),
                    Optional.ofNullable(measured.get(change.changeId()))));
        }
        List<AppliedChange> applied = new RepositoryDaemonStore(repository).applied();
        List<JournalEntry> journal = repository.journal();
        return new Report(daemon, runs, pending, changes, applied, repository.exclusions(), journal.subList(Math.max(0, journal.size() - JOURNAL), journal.size()));
    }

    private static Daemon daemon(DaemonState state)
    {
        boolean alive = !state.state().equals("stopped") && ProcessHandle.of(state.pid()).map(ProcessHandle::isAlive).orElse(false);
        return new Daemon(state.pid(), alive || state.state().equals("stopped") ? state.state() : "died", alive, state.startedAt(), state.heartbeatAt(),
                Json.read(state.detail(), Object.class, "the daemon's state"));
    }

    private static void printText(PrintWriter out, Report report)
    {
        if (report.daemon().isEmpty()) {
            out.println("Daemon: never started in this workspace ('autotable daemon' starts it, report-only by default)");
        }
        else {
            Daemon daemon = report.daemon().get();
            out.printf(Locale.ROOT, "Daemon: %s (pid %d), started %s, last heard of %s%n", daemon.state(), daemon.pid(), daemon.startedAt(), daemon.heartbeatAt());
        }
        out.println();
        out.println("Recent advice runs:");
        if (report.runs().isEmpty()) {
            out.println("  none yet: run 'autotable advise' or 'autotable daemon'");
        }
        for (Run run : report.runs()) {
            out.printf(Locale.ROOT, "  %-5s %-7s %s  %d recommendation(s), simulated %.3f s -> %.3f s%s%n", run.id(), run.origin(), run.at(), run.recommendations(),
                    run.baselineSeconds(), run.recommendedSeconds(), run.windowFrom().map(from -> ", on the workload since " + from).orElse(""));
        }
        out.println();
        out.println("Pending recommendations of the newest run:");
        if (report.pending().isEmpty()) {
            out.println("  none");
        }
        for (Pending pending : report.pending()) {
            out.printf(Locale.ROOT, "  %-8s %-14s %-12s %s -> %s  (predicted %.2f%%, group %s)%n", pending.id(), pending.table(), pending.kind(),
                    Formats.cut(pending.from(), 30), Formats.cut(pending.to(), 50), pending.benefitPercent(), pending.group());
        }
        out.println();
        out.println("Changes (oldest first; 'autotable rollback ID' undoes one):");
        if (report.changes().isEmpty()) {
            out.println("  none: 'autotable apply' or 'autotable daemon --auto-apply' makes them");
        }
        for (Change change : report.changes()) {
            String what = change.rollsBack().map(undone -> "rollback of " + undone)
                    .orElse(change.origin() + " " + String.join(", ", change.recommendations()));
            out.printf(Locale.ROOT, "  %-5s %-14s %-12s %-28s %s  predicted %.2f%%%s%n", change.id(), change.table(), change.state(), Formats.cut(what, 28),
                    change.finished().orElse(change.begun()), change.predictedBenefitPercent(), change.rolledBackBy().map(by -> ", undone by " + by).orElse(""));
            if (change.measured().isPresent()) {
                ChangeMeasurements.Measured measured = change.measured().get();
                out.printf(Locale.ROOT, "        measured: %+.2f%% simulated time (%.3f s before -> %.3f s now) on the %,d statement run(s) from %s to %s%n",
                        measured.changePercent(), measured.oldSeconds(), measured.newSeconds(), measured.statements(), measured.from(), measured.to());
            }
            else if (change.state().equals("done")) {
                out.println("        measured: not yet, no workload has arrived since the change");
            }
            change.message().ifPresent(message -> out.println("        " + message));
        }
        out.println();
        out.println("Exclusions:");
        ExcludeCommand.printExclusions(out, report.exclusions());
        out.println();
        out.println("Journal (newest last):");
        for (JournalEntry entry : report.journal()) {
            out.printf(Locale.ROOT, "  %5d %s %-16s %-14s %s%n", entry.id(), entry.at(), entry.action(), entry.table().orElse(""), Formats.cut(entry.detail(), 80));
        }
    }
}
