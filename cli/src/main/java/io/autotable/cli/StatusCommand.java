package io.autotable.cli;

import io.autotable.advisor.daemon.AppliedChange;
import io.autotable.json.Json;
import io.autotable.repository.AdviceRun;
import io.autotable.repository.DaemonState;
import io.autotable.repository.Exclusion;
import io.autotable.repository.JournalEntry;
import io.autotable.repository.WorkloadRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    @Spec
    CommandSpec spec;

    /** What {@code status --format json} prints; field names are a documented contract. */
    record Report(Optional<Daemon> daemon, List<Run> runs, List<Pending> pending, List<AppliedChange> applied, List<Exclusion> exclusions, List<JournalEntry> journal) {}

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
            Report report = report(repository);
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

    static Report report(WorkloadRepository repository)
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
        List<AppliedChange> applied = new RepositoryDaemonStore(repository).applied();
        List<JournalEntry> journal = repository.journal();
        return new Report(daemon, runs, pending, applied, repository.exclusions(), journal.subList(Math.max(0, journal.size() - JOURNAL), journal.size()));
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
        out.println("Applied changes:");
        if (report.applied().isEmpty()) {
            out.println("  none");
        }
        for (AppliedChange change : report.applied()) {
            out.printf(Locale.ROOT, "  %s  %-14s by run %s: %s%n", change.time(), change.table(), change.runId(),
                    String.join("; ", change.recommendations().stream().map(recommended -> recommended.kind().label() + " -> " + Formats.cut(recommended.to(), 50)).toList()));
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
