package io.autotable.cli;

import io.autotable.advisor.AdvisorConfig;
import io.autotable.advisor.apply.RewritingChangeApplier;
import io.autotable.advisor.apply.TableRewriter;
import io.autotable.advisor.apply.Throttle;
import io.autotable.advisor.daemon.AppliedChange;
import io.autotable.advisor.daemon.ChangeApplier;
import io.autotable.advisor.daemon.Daemon;
import io.autotable.advisor.daemon.DaemonConfig;
import io.autotable.advisor.daemon.Decision;
import io.autotable.advisor.daemon.LoadProbe;
import io.autotable.advisor.daemon.MaintenanceWindow;
import io.autotable.advisor.daemon.RunOutcome;
import io.autotable.advisor.daemon.StopSignal;
import io.autotable.advisor.daemon.replay.DriftReplay;
import io.autotable.analysis.WorkloadAnalyzer;
import io.autotable.design.PhysicalDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.repository.DaemonState;
import io.autotable.repository.EventSpan;
import io.autotable.repository.WorkloadRepository;
import io.autotable.repository.WorkspaceLock;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.TableDataReader;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code autotable daemon}: re-runs the advisor on a sliding window of the recent workload at each
 * interval and, with {@code --auto-apply}, applies the changes that pass its hysteresis, inside
 * the maintenance window, one table at a time. {@code --simulate} replays the workspace's log in
 * simulated time instead, changing nothing.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Advise continuously on the recent workload and, with --auto-apply, apply the changes that keep being recommended.",
                "Report-only by default. --simulate replays the workspace's log through the daemon in simulated time."})
final class DaemonCommand
        implements Callable<Integer>
{
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    @Mixin
    WorkspaceOptions workspaceOptions;

    @Mixin
    DistributionOptions distributionOptions;

    @Option(names = "--auto-apply", description = "Apply qualifying changes (default: report only, recording each run's advice and decisions).")
    boolean autoApply;

    @Option(names = "--window", paramLabel = "HH:MM-HH:MM", description = "The maintenance window changes are applied in, in --zone's time (default: any time).")
    Optional<String> window;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1h", description = "Time between runs: 90s, 30m, 6h, 7d or PT1H (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--max-changes-per-day", paramLabel = "N", defaultValue = "" + DaemonConfig.DEFAULT_MAX_CHANGES_PER_DAY,
            description = "Table changes applied in any 24 hours at most (default: ${DEFAULT-VALUE}).")
    int maxChangesPerDay;

    @Option(names = "--min-benefit", paramLabel = "PCT", defaultValue = "" + DaemonConfig.DEFAULT_MIN_BENEFIT_PERCENT,
            description = "The share of the window's simulated time a change (or its group) must save (default: ${DEFAULT-VALUE}).")
    double minBenefit;

    @Option(names = "--consecutive-runs", paramLabel = "K", defaultValue = "" + DaemonConfig.DEFAULT_CONSECUTIVE_RUNS,
            description = "Runs in a row that must recommend a change before it is applied (default: ${DEFAULT-VALUE}).")
    int consecutiveRuns;

    @Option(names = "--lookback", paramLabel = "DURATION", defaultValue = "7d", description = "The sliding window of workload each run advises on (default: ${DEFAULT-VALUE}).")
    String lookback;

    @Option(names = "--cooldown", paramLabel = "DURATION", defaultValue = "24h", description = "No second change to a table within this time (default: ${DEFAULT-VALUE}).")
    String cooldown;

    @Option(names = "--flap-guard", paramLabel = "DURATION", defaultValue = "7d",
            description = "No change sets a table back to a setting it left within this time (default: ${DEFAULT-VALUE}).")
    String flapGuard;

    @Option(names = "--zone", paramLabel = "ZONE", description = "The time zone of --window, e.g. Europe/Berlin (default: this machine's).")
    Optional<String> zone;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + TableDataReader.DEFAULT_MAX_ROWS,
            description = "Tables with more rows are laid out from a systematic sample (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--sql-dialect", paramLabel = "DIALECT", defaultValue = "redshift", description = "The SQL dialect of the logged statements (default: ${DEFAULT-VALUE}).")
    SqlDialect sqlDialect;

    @Option(names = "--batch-size", paramLabel = "ROWS", defaultValue = "10000",
            description = "With --auto-apply: rows a table rewrite copies per committed batch, pausing between batches (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--once", description = "One run now, then exit (for cron, or to see what the daemon would decide).")
    boolean once;

    @Option(names = "--max-load", paramLabel = "N", defaultValue = "2",
            description = "Apply only while at most N other statements run on the embedded warehouse (default: ${DEFAULT-VALUE}).")
    int maxLoad;

    @Option(names = "--simulate", description = "Replay the workspace's event log through the daemon in simulated time, stepping by --interval; changes only a simulated design.")
    boolean simulate;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "With --simulate: chart the simulated workload cost per interval with and without the daemon.")
    Optional<Path> chart;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "With --simulate: text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        DaemonConfig config = config();
        if (!simulate && (chart.isPresent() || format != OutputFormat.TEXT)) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "--chart and --format are for --simulate; 'autotable status --format json' reports a running daemon");
        }
        if (simulate) {
            return simulate(config);
        }
        return watch(config);
    }

    /** The real daemon: runs until SIGTERM (or after one run with --once), recording each run in the repository. */
    private int watch(DaemonConfig config)
    {
        PrintWriter out = spec.commandLine().getOut();
        StopSignal stop = new StopSignal();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.stop();
            try {
                // let the run in progress finish the table it is applying, then record the stop
                finished.await(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "autotable-daemon-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        long pid = ProcessHandle.current().pid();
        Instant started = Instant.now();
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspaceOptions.workspace());
                EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspaceOptions.workspace())) {
            ClusterModel cluster = distributionOptions.cluster();
            String detail = Json.write(DaemonSimulation.configuration(config));
            repository.saveDaemonState(new DaemonState(pid, started, started, "running", detail));
            out.printf(Locale.ROOT, "autotable daemon (pid %d) on %s: %s, every %s on the last %s of workload%s; stop with SIGTERM (Ctrl-C)%n", pid,
                    workspaceOptions.workspace().directory(), config.autoApply() ? "auto-apply" : "report-only", Durations.format(config.interval()),
                    Durations.format(config.lookback()), config.window().map(window -> ", applying in " + window + " " + config.zone().getId()).orElse(""));
            out.flush();
            WorkspaceWindowAdvisor advisor = new WorkspaceWindowAdvisor(repository, warehouse, settings(repository, cluster, config), sqlDialect);
            ChangeApplier applier = config.autoApply() ? rewritingApplier(out, repository, warehouse) : reportOnly(repository);
            Daemon daemon = new Daemon(config, advisor, applier, new RepositoryDaemonStore(repository), loadProbe(warehouse));
            Consumer<RunOutcome> listener = outcome -> {
                printOutcome(out, outcome);
                repository.saveDaemonState(new DaemonState(pid, started, Instant.now(), "running", detail));
            };
            try {
                if (once) {
                    listener.accept(daemon.runOnce(Instant.now()));
                }
                else {
                    daemon.run(Clock.systemUTC(), Daemon.Sleeper.untilStopped(), stop, listener);
                }
                repository.saveDaemonState(new DaemonState(pid, started, Instant.now(), "stopped", detail));
            }
            catch (RuntimeException e) {
                // on SIGTERM, H2's own shutdown hook may close the databases under the run: that is the stop
                if (!stop.isStopped()) {
                    throw e;
                }
            }
            out.println("autotable daemon stopped");
            out.flush();
        }
        finally {
            finished.countDown();
            if (!stop.isStopped()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        return 0;
    }

    /**
     * Auto-apply: finishes what a crash interrupted first, then rewrites each table crash-safely,
     * holding the workspace lock for each change only, so loads and {@code apply} can run between.
     */
    private ChangeApplier rewritingApplier(PrintWriter out, WorkloadRepository repository, EmbeddedWarehouse warehouse)
    {
        TableRewriter rewriter = new TableRewriter(warehouse, repository, Throttle.defaults().withBatchSize(batchSize));
        try (WorkspaceLock ignored = WorkspaceLock.acquire(workspaceOptions.workspace(), "daemon --auto-apply: recovery")) {
            ApplyCommand.printRecovered(out, rewriter.recover());
        }
        out.println("Auto-apply: each change is a journaled, verified table rewrite that a restarted daemon finishes or undoes after a crash; "
                + "the warehouse is backed up before each change and restored if H2 cannot reopen it, the repository is not "
                + "(README, \"When H2 itself cannot reopen the file\"): back the workspace up first, and stop the daemon with SIGTERM (Ctrl-C).");
        RewritingChangeApplier rewriting = new RewritingChangeApplier(repository, rewriter, Clock.systemUTC());
        return new ChangeApplier()
        {
            @Override
            public PhysicalDesign current()
            {
                return rewriting.current();
            }

            @Override
            public AppliedChange apply(TableChange change)
            {
                try (WorkspaceLock ignored = WorkspaceLock.acquire(workspaceOptions.workspace(), "daemon --auto-apply: " + change.table())) {
                    out.printf(Locale.ROOT, "%s applying %s to %s%n", Instant.now(), change.runId(), change.table());
                    out.flush();
                    return rewriting.apply(change);
                }
            }
        };
    }

    /** Report-only: the design is the repository's, and nothing is ever applied. */
    private static ChangeApplier reportOnly(WorkloadRepository repository)
    {
        return new ChangeApplier()
        {
            @Override
            public PhysicalDesign current()
            {
                return repository.design();
            }

            @Override
            public AppliedChange apply(TableChange change)
            {
                throw new CaptureException(ErrorCode.INTERNAL, "a report-only daemon was asked to apply a change to " + change.table());
            }
        };
    }

    /** Foreground load: the statements other sessions are running on the embedded warehouse now. */
    private LoadProbe loadProbe(EmbeddedWarehouse warehouse)
    {
        return () -> {
            try (Statement statement = warehouse.connection().createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE EXECUTING_STATEMENT IS NOT NULL AND SESSION_ID <> SESSION_ID()")) {
                rs.next();
                int running = rs.getInt(1);
                return new LoadProbe.Reading(running <= maxLoad, "%d statement(s) running on the embedded warehouse, at most %d allowed".formatted(running, maxLoad));
            }
            catch (SQLException e) {
                return new LoadProbe.Reading(false, "cannot read the embedded warehouse's sessions: " + e.getMessage());
            }
        };
    }

    private static void printOutcome(PrintWriter out, RunOutcome outcome)
    {
        out.printf(Locale.ROOT, "%s run %s: %d recommendation(s) on the workload since %s, %d applied%n", outcome.time(), outcome.runId(),
                outcome.decisions().size(), outcome.from(), outcome.applied().size());
        for (Decision decision : outcome.decisions()) {
            out.printf(Locale.ROOT, "  %-4s %-14s %-12s %-40s %s%n", decision.recommendation().id(), decision.recommendation().table(), decision.recommendation().kind().label(),
                    Formats.cut(decision.recommendation().to(), 40), decision.reason());
        }
        out.flush();
    }

    DaemonConfig config()
    {
        ZoneId zoneId;
        try {
            zoneId = zone.map(ZoneId::of).orElse(ZoneId.systemDefault());
        }
        catch (RuntimeException e) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "--zone '%s' is not a time zone: write e.g. UTC or Europe/Berlin".formatted(zone.orElseThrow()));
        }
        Optional<MaintenanceWindow> maintenance = window.map(MaintenanceWindow::parse);
        return new DaemonConfig(autoApply, maintenance, Durations.parse(interval, "--interval"), maxChangesPerDay, minBenefit, consecutiveRuns,
                Durations.parse(lookback, "--lookback"), Durations.parse(cooldown, "--cooldown"), Durations.parse(flapGuard, "--flap-guard"), zoneId);
    }

    WorkspaceAdvice.Settings settings(WorkloadRepository repository, ClusterModel cluster, DaemonConfig config)
    {
        AdvisorConfig advisorConfig = AdvisorConfig.defaults().withMinBenefitPercent(config.minBenefitPercent());
        return new WorkspaceAdvice.Settings(cluster, distributionOptions.maxSkew, distributionOptions.solver(), maxRows, advisorConfig,
                SortKeys.shipped(new WorkloadAnalyzer(new CalciteSqlAnalyzer(), sqlDialect).analyze(repository).workload(), cluster));
    }

    private int simulate(DaemonConfig config)
    {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspaceOptions.workspace());
                EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspaceOptions.workspace())) {
            EventSpan span = repository.eventSpan().orElseThrow(() -> new CaptureException(ErrorCode.INVALID_ARGUMENT,
                    "the workspace %s has no workload to replay through the daemon: run 'autotable workload generate --drift new-join-path' or 'autotable import' first"
                            .formatted(workspaceOptions.workspace().directory())));
            ClusterModel cluster = distributionOptions.cluster();
            WorkspaceWindowAdvisor advisor = new WorkspaceWindowAdvisor(repository, warehouse, settings(repository, cluster, config), sqlDialect);
            Instant start = span.first().truncatedTo(ChronoUnit.HOURS);
            Instant end = span.last().plusSeconds(1);
            long periods = (Duration.between(start, end).toSeconds() + config.interval().toSeconds() - 1) / config.interval().toSeconds();
            err.printf(Locale.ROOT, "daemon --simulate: %d periods of %s from %s to %s%n", periods, Durations.format(config.interval()), start, end);
            err.flush();
            AtomicInteger done = new AtomicInteger();
            DriftReplay.Result result = new DriftReplay(advisor, config, LoadProbe.alwaysLow()).replay(start, end, repository.design(), period -> {
                err.printf(Locale.ROOT, "daemon --simulate: period %d/%d to %s: %.3f s with the daemon, %.3f s without, %d change(s) applied%n", done.incrementAndGet(),
                        periods, period.end(), period.secondsWithDaemon(), period.secondsWithout(), period.applied().size());
                err.flush();
            });
            DaemonSimulation report = DaemonSimulation.of(config, result);
            if (format == OutputFormat.JSON) {
                out.println(Json.writePretty(report));
            }
            else {
                DaemonSimulation.printText(out, report);
            }
            if (chart.isPresent()) {
                DaemonSimulation.chart(result, config, chart.get());
                if (format == OutputFormat.TEXT) {
                    out.printf(Locale.ROOT, "%nChart written to %s%n", chart.get());
                }
            }
            out.flush();
        }
        return 0;
    }
}
