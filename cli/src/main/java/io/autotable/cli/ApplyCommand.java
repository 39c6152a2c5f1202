package io.autotable.cli;

import io.autotable.advisor.apply.ChangeLog;
import io.autotable.advisor.apply.ChangeOrigin;
import io.autotable.advisor.apply.ChangePlan;
import io.autotable.advisor.apply.RecoveredChange;
import io.autotable.advisor.apply.RewriteResult;
import io.autotable.advisor.apply.TableRewriter;
import io.autotable.advisor.apply.Throttle;
import io.autotable.advisor.daemon.AppliedChange;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code autotable apply [--dry-run] [ID...]}: carries out recommendations now, one table at a
 * time, each a journaled, crash-safe rewrite of the table in the embedded warehouse.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply recommendations to the embedded warehouse now: each table is rewritten in its new order, verified and swapped, every step journaled.",
                "IDs are R1 (newest advice run) or A3:R1; without IDs, every pending recommendation of the newest run. 'autotable rollback C<n>' undoes a change."})
final class ApplyCommand
        implements Callable<Integer>
{
    @Mixin
    WorkspaceOptions workspaceOptions;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Recommendations to apply: R1, or A3:R1 (default: every pending one of the newest advice run).")
    List<String> ids = List.of();

    @Option(names = "--dry-run", description = "Print each table's DDL and the steps of its rewrite, and change nothing.")
    boolean dryRun;

    @Option(names = "--batch-size", paramLabel = "ROWS", defaultValue = "10000", description = "Rows copied per committed batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        Throttle throttle = Throttle.defaults().withBatchSize(batchSize);
        if (dryRun) {
            try (WorkloadRepository repository = WorkloadRepository.openExisting(workspaceOptions.workspace());
                    EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspaceOptions.workspace())) {
                List<ApplySelection.TableChange> changes = ApplySelection.select(repository, ids);
                ChangeLog log = ChangeLog.read(repository);
                out.printf(Locale.ROOT, "Dry run: %d table change(s), nothing is changed%n", changes.size());
                long number = ChangePlan.number(log.nextChangeId());
                for (ApplySelection.TableChange change : changes) {
                    ChangePlan plan = plan("C" + number++, change);
                    printChange(out, plan, change);
                    ChangeSteps.print(out, plan, ChangeSteps.rows(warehouse, plan.table()), throttle);
                }
                out.flush();
            }
            return 0;
        }
        ChangeSteps.withLock(workspaceOptions.workspace(), "apply " + String.join(" ", ids), (repository, warehouse) -> {
            TableRewriter rewriter = new TableRewriter(warehouse, repository, throttle);
            printRecovered(out, rewriter.recover());
            List<ApplySelection.TableChange> changes = ApplySelection.select(repository, ids);
            out.printf(Locale.ROOT, "Applying %d table change(s) to the embedded warehouse, one table at a time%n", changes.size());
            RepositoryDaemonStore store = new RepositoryDaemonStore(repository);
            for (ApplySelection.TableChange change : changes) {
                ChangePlan plan = plan(ChangeLog.read(repository).nextChangeId(), change);
                printChange(out, plan, change);
                out.flush();
                RewriteResult result = rewriter.apply(plan);
                for (AdviceRuns.Stored stored : change.recommendations()) {
                    repository.setRecommendationStatus(stored.stored(), AdviceRuns.APPLIED);
                }
                store.recordApplied(new AppliedChange(change.recommendations().get(0).run().id(), Instant.now(), change.table(), change.from(), change.to(),
                        change.recommendations().stream().map(stored -> RepositoryDaemonStore.recommended(stored.id(), stored.body())).toList()));
                ChangeSteps.printResult(out, result);
            }
            out.println("'autotable status' shows the changes; 'autotable rollback C<n>' undoes one.");
            out.flush();
            return null;
        });
        return 0;
    }

    private static ChangePlan plan(String changeId, ApplySelection.TableChange change)
    {
        List<String> ids = change.recommendations().stream().map(stored -> stored.stored().qualifiedId()).toList();
        String reason = change.recommendations().stream()
                .map(stored -> "%s %s → %s: %s".formatted(stored.body().kind().label(), stored.body().from(), stored.body().to(), stored.body().reason()))
                .collect(Collectors.joining("; "));
        return new ChangePlan(changeId, change.table(), change.from(), change.to(), ChangeOrigin.APPLY, ids, reason, change.predictedBenefitPercent(),
                Optional.empty());
    }

    private static void printChange(PrintWriter out, ChangePlan plan, ApplySelection.TableChange change)
    {
        out.printf(Locale.ROOT, "%n%s %s: %s (predicted saving %.1f%% of the workload's simulated time)%n", plan.changeId(), plan.table(),
                String.join(", ", plan.recommendationIds()), plan.predictedBenefitPercent());
        for (AdviceRuns.Stored stored : change.recommendations()) {
            out.printf(Locale.ROOT, "  %-12s %s → %s%n", stored.body().kind().label(), stored.body().from(), stored.body().to());
        }
        ddl(change).forEach((dialect, statements) -> {
            out.printf(Locale.ROOT, "  DDL (%s):%n", dialect);
            statements.forEach(statement -> out.println("    " + statement));
        });
    }

    private static Map<String, List<String>> ddl(ApplySelection.TableChange change)
    {
        Map<String, List<String>> ddl = new TreeMap<>();
        for (AdviceRuns.Stored stored : change.recommendations()) {
            stored.body().ddl().forEach((dialect, statements) -> ddl.computeIfAbsent(dialect, ignored -> new ArrayList<>()).addAll(statements));
        }
        return ddl;
    }

    static void printRecovered(PrintWriter out, List<RecoveredChange> recovered)
    {
        for (RecoveredChange change : recovered) {
            out.printf(Locale.ROOT, "Recovered %s of table %s, interrupted by a crash: %s%n", change.changeId(), change.table(), change.outcome().action());
        }
    }
}
