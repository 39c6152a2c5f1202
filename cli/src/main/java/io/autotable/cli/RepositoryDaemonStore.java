package io.autotable.cli;

import io.autotable.advisor.Advice;
import io.autotable.advisor.AdvisorException;
import io.autotable.advisor.Recommendation;
import io.autotable.advisor.daemon.AppliedChange;
import io.autotable.advisor.daemon.DaemonStore;
import io.autotable.advisor.daemon.Decision;
import io.autotable.advisor.daemon.Recommended;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.repository.AdviceRun;
import io.autotable.repository.EventWindow;
import io.autotable.repository.JournalEntry;
import io.autotable.repository.WorkloadRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The daemon's memory in the workspace's repository, where {@code status}, {@code apply} and
 * {@code rollback} read it: runs are advice runs of origin {@code daemon} (their recommendations
 * stored like {@code advise}'s, so {@code apply A7:R2} works on them), decisions go into the run's
 * detail and each recommendation's status, exclusions are the ones {@code exclude} sets, and
 * applied changes are journal entries ({@value #APPLIED_ACTION}).
 */
final class RepositoryDaemonStore
        implements DaemonStore
{
    static final String ORIGIN = "daemon";
    static final String APPLIED_ACTION = "daemon-applied";

    private final WorkloadRepository repository;

    RepositoryDaemonStore(WorkloadRepository repository)
    {
        this.repository = requireNonNull(repository, "repository is null");
    }

    /** A run's detail: its decisions, once made. */
    record RunDetail(List<Decision> decisions)
    {
        RunDetail
        {
            decisions = List.copyOf(requireNonNull(decisions, "decisions is null"));
        }
    }

    @Override
    public RecordedRun startRun(Instant time, Instant from, Advice advice)
    {
        AdviceRun run = AdviceRuns.save(repository, ORIGIN, EventWindow.between(from, time), time, advice, Json.write(new RunDetail(List.of())));
        return new RecordedRun(run.id(), run.at(), from, advice.recommendations().stream().map(Recommended::of).toList());
    }

    @Override
    public void finishRun(String runId, List<Decision> decisions)
    {
        AdviceRun run = run(runId);
        repository.updateAdviceRunDetail(run.runNo(), Json.write(new RunDetail(decisions)));
        for (AdviceRuns.Stored stored : AdviceRuns.recommendations(repository, run)) {
            decisions.stream()
                    .filter(decision -> decision.recommendation().id().equals(stored.id()))
                    .findFirst()
                    .ifPresent(decision -> repository.setRecommendationStatus(stored.stored(), status(decision.verdict())));
        }
    }

    /** A daemon's recommendation stays pending (for {@code apply}) unless it was applied. */
    static String status(Decision.Verdict verdict)
    {
        return verdict == Decision.Verdict.APPLIED ? AdviceRuns.APPLIED : AdviceRuns.PENDING;
    }

    @Override
    public List<RecordedRun> recentRuns(int count)
    {
        List<RecordedRun> runs = new ArrayList<>();
        if (count <= 0) {
            return runs;
        }
        for (AdviceRun run : repository.adviceRuns(Optional.of(ORIGIN), count)) {
            List<Recommended> recommended = AdviceRuns.recommendations(repository, run).stream()
                    .map(stored -> recommended(stored.id(), stored.body()))
                    .toList();
            runs.add(new RecordedRun(run.id(), run.at(), run.window().from().orElse(run.at()), recommended));
        }
        return runs;
    }

    static Recommended recommended(String id, AdviceRuns.Body body)
    {
        return new Recommended(id, body.table(), body.kind(), body.from(), body.to(), body.benefitPercent(), body.group(), body.reason(), body.evidence());
    }

    @Override
    public List<Decision> decisions(String runId)
    {
        return Json.read(run(runId).detail(), RunDetail.class, "the decisions of daemon run " + runId).decisions();
    }

    @Override
    public void exclude(Exclusion exclusion)
    {
        repository.exclude(new io.autotable.repository.Exclusion(exclusion.table(), exclusion.kind().map(Recommendation.Kind::label), Instant.now()));
    }

    @Override
    public boolean include(Exclusion exclusion)
    {
        return repository.include(exclusion.table(), exclusion.kind().map(Recommendation.Kind::label)) > 0;
    }

    @Override
    public Set<Exclusion> exclusions()
    {
        Set<Exclusion> exclusions = new LinkedHashSet<>();
        for (io.autotable.repository.Exclusion exclusion : repository.exclusions()) {
            exclusions.add(new Exclusion(exclusion.table(), exclusion.kind().map(kind -> Recommendation.Kind.valueOf(kind.toUpperCase(Locale.ROOT)))));
        }
        return exclusions;
    }

    @Override
    public void recordApplied(AppliedChange change)
    {
        repository.appendJournal(new JournalEntry(0, change.time(), APPLIED_ACTION, Optional.of(change.table()), Json.write(change)));
    }

    @Override
    public List<AppliedChange> appliedSince(Instant since)
    {
        return applied().stream().filter(change -> !change.time().isBefore(since)).toList();
    }

    /** Every change the daemon (or {@code apply}, {@code rollback}) recorded, oldest first. */
    List<AppliedChange> applied()
    {
        List<AppliedChange> changes = new ArrayList<>();
        for (JournalEntry entry : repository.journal()) {
            if (entry.action().equals(APPLIED_ACTION)) {
                changes.add(Json.read(entry.detail(), AppliedChange.class, "journal entry " + entry.id()));
            }
        }
        changes.sort((left, right) -> left.time().compareTo(right.time()));
        return changes;
    }

    private AdviceRun run(String runId)
    {
        Optional<AdviceRun> run = Optional.empty();
        if (runId.startsWith("A")) {
            try {
                run = repository.adviceRun(Long.parseLong(runId.substring(1))).filter(found -> found.origin().equals(ORIGIN));
            }
            catch (NumberFormatException ignored) {
                // not an id this store gave
            }
        }
        return run.orElseThrow(() -> new AdvisorException(ErrorCode.INVALID_ARGUMENT, "daemon store: no run " + runId));
    }
}
