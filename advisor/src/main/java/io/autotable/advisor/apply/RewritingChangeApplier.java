package io.autotable.advisor.apply;

import io.autotable.advisor.Recommendation;
import io.autotable.advisor.daemon.AppliedChange;
import io.autotable.advisor.daemon.ChangeApplier;
import io.autotable.design.PhysicalDesign;
import io.autotable.repository.WorkloadRepository;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The daemon's applier on the embedded warehouse: each table change is a journaled, crash-safe
 * {@link TableRewriter rewrite}, its plan carrying the daemon's run and recommendation ids
 * ({@code A4:R2}) so the journal says why the table changed and who decided it.
 *
 * <p>Create it after {@link TableRewriter#recover()} has run, holding the workspace lock.
 */
public final class RewritingChangeApplier
        implements ChangeApplier
{
    private final WorkloadRepository repository;
    private final TableRewriter rewriter;
    private final Clock clock;

    public RewritingChangeApplier(WorkloadRepository repository, TableRewriter rewriter, Clock clock)
    {
        this.repository = requireNonNull(repository, "repository is null");
        this.rewriter = requireNonNull(rewriter, "rewriter is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public PhysicalDesign current()
    {
        return repository.design();
    }

    @Override
    public AppliedChange apply(TableChange change)
    {
        requireNonNull(change, "change is null");
        List<String> ids = change.recommendations().stream().map(recommendation -> change.runId() + ":" + recommendation.id()).toList();
        String reason = change.recommendations().stream()
                .map(recommendation -> "%s %s → %s: %s".formatted(recommendation.kind().label(), recommendation.from(), recommendation.to(), recommendation.reason()))
                .collect(Collectors.joining("; "));
        double benefit = change.recommendations().stream().mapToDouble(Recommendation::benefitPercent).sum();
        // planned from the design the daemon decided on: the rewriter refuses it if the table has changed since
        ChangePlan plan = ChangePlan.next(ChangeLog.read(repository), change.table(), change.from(), change.to(), ChangeOrigin.DAEMON, ids, reason, benefit);
        rewriter.apply(plan);
        return change.appliedAt(clock.instant());
    }
}
