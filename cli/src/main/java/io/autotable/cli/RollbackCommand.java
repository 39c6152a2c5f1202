package io.autotable.cli;

import io.autotable.advisor.apply.ChangeLog;
import io.autotable.advisor.apply.ChangePlan;
import io.autotable.advisor.apply.ChangeRecord;
import io.autotable.advisor.apply.RewriteResult;
import io.autotable.advisor.apply.TableRewriter;
import io.autotable.advisor.apply.Throttle;
import io.autotable.advisor.daemon.AppliedChange;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.repository.AdviceRun;
import io.autotable.repository.WorkloadRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * {@code autotable rollback ID}: gives a changed table its design from before the change back, by
 * the same crash-safe rewrite that changed it.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Undo a change: rewrite the table back to the design it had before, by the same journaled, verified rewrite.",
                "ID is a change (C3, as 'autotable status' lists them) or the recommendation it carried out (A4:R2)."})
final class RollbackCommand
        implements Callable<Integer>
{
    private static final Pattern CHANGE_ID = Pattern.compile("C[1-9][0-9]*");

    @Mixin
    WorkspaceOptions workspaceOptions;

    @Parameters(arity = "1", paramLabel = "ID", description = "The change to undo: C3, or the recommendation it applied, A4:R2.")
    String id;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        ChangeSteps.withLock(workspaceOptions.workspace(), "rollback " + id, (repository, warehouse) -> {
            TableRewriter rewriter = new TableRewriter(warehouse, repository, Throttle.defaults());
            ApplyCommand.printRecovered(out, rewriter.recover());
            ChangeLog log = ChangeLog.read(repository);
            ChangeRecord change = change(repository, log);
            ChangePlan plan = log.rollbackPlan(change.changeId());
            if (!repository.design().table(change.table()).equals(change.plan().to())) {
                ChangeRecord later = log.changes().stream()
                        .filter(other -> other.table().equals(change.table()) && other.begun().isAfter(change.begun()) && other.state().isTerminal())
                        .reduce((first, second) -> second)
                        .orElse(change);
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "table %s has changed since %s (last by %s): roll back %s first"
                        .formatted(change.table(), change.changeId(), later.changeId(), later.changeId()));
            }
            out.printf(Locale.ROOT, "%s: rolling back %s of table %s, %s → %s%n", plan.changeId(), change.changeId(), change.table(),
                    ChangeSteps.describe(change.plan().to()), ChangeSteps.describe(change.plan().from()));
            ChangeSteps.print(out, plan, ChangeSteps.rows(warehouse, plan.table()), Throttle.defaults());
            out.flush();
            RewriteResult result = rewriter.apply(plan);
            markRolledBack(repository, change.plan().recommendationIds());
            new RepositoryDaemonStore(repository).recordApplied(new AppliedChange("rollback " + change.changeId(), Instant.now(), change.table(),
                    change.plan().to(), change.plan().from(), List.of()));
            ChangeSteps.printResult(out, result);
            out.printf(Locale.ROOT, "The advisor and the daemon may recommend this change again; 'autotable exclude %s' (or --kind) keeps them from it.%n", change.table());
            out.flush();
            return null;
        });
        return 0;
    }

    private ChangeRecord change(WorkloadRepository repository, ChangeLog log)
    {
        if (CHANGE_ID.matcher(id).matches()) {
            return log.change(id).orElseThrow(() -> new CaptureException(ErrorCode.INVALID_ARGUMENT,
                    "the journal has no change %s: 'autotable status' lists the applied changes".formatted(id)));
        }
        AdviceRun run = AdviceRuns.runOf(repository, id);
        String qualified = run.id() + ":" + id.substring(id.indexOf(':') + 1);
        return log.carrying(qualified).orElseThrow(() -> new CaptureException(ErrorCode.INVALID_ARGUMENT,
                "no applied change carried out %s: 'autotable status' lists the applied changes and their ids (C1, C2, ...)".formatted(qualified)));
    }

    private static void markRolledBack(WorkloadRepository repository, List<String> recommendationIds)
    {
        for (String recommendationId : recommendationIds) {
            AdviceRun run = AdviceRuns.runOf(repository, recommendationId);
            String local = recommendationId.substring(recommendationId.indexOf(':') + 1);
            AdviceRuns.recommendations(repository, run).stream()
                    .filter(stored -> stored.id().equals(local))
                    .forEach(stored -> repository.setRecommendationStatus(stored.stored(), AdviceRuns.ROLLED_BACK));
        }
    }
}
