package io.autotable.advisor.daemon.memory;

import io.autotable.advisor.Advice;
import io.autotable.advisor.AdvisorException;
import io.autotable.advisor.daemon.AppliedChange;
import io.autotable.advisor.daemon.DaemonStore;
import io.autotable.advisor.daemon.Decision;
import io.autotable.advisor.daemon.Recommended;
import io.autotable.error.ErrorCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A {@link DaemonStore} in memory, for tests and simulated replays: gone with the process. Run ids
 * are {@code D1}, {@code D2}, ... Not thread-safe.
 */
public final class InMemoryDaemonStore
        implements DaemonStore
{
    private final List<RecordedRun> runs = new ArrayList<>();
    private final Map<String, List<Decision>> decisions = new HashMap<>();
    private final Set<Exclusion> exclusions = new LinkedHashSet<>();
    private final List<AppliedChange> applied = new ArrayList<>();

    @Override
    public RecordedRun startRun(Instant time, Instant from, Advice advice)
    {
        requireNonNull(advice, "advice is null");
        RecordedRun run = new RecordedRun("D" + (runs.size() + 1), time, from, advice.recommendations().stream().map(Recommended::of).toList());
        runs.add(run);
        return run;
    }

    @Override
    public void finishRun(String runId, List<Decision> runDecisions)
    {
        requireNonNull(runId, "runId is null");
        requireNonNull(runDecisions, "runDecisions is null");
        if (runs.stream().noneMatch(run -> run.id().equals(runId))) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT, "daemon store: no run " + runId);
        }
        decisions.put(runId, List.copyOf(runDecisions));
    }

    @Override
    public List<RecordedRun> recentRuns(int count)
    {
        if (count < 0) {
            throw new IllegalArgumentException("count is negative: " + count);
        }
        List<RecordedRun> recent = new ArrayList<>(runs.subList(Math.max(0, runs.size() - count), runs.size()));
        Collections.reverse(recent);
        return List.copyOf(recent);
    }

    @Override
    public List<Decision> decisions(String runId)
    {
        return decisions.getOrDefault(requireNonNull(runId, "runId is null"), List.of());
    }

    @Override
    public void exclude(Exclusion exclusion)
    {
        exclusions.add(requireNonNull(exclusion, "exclusion is null"));
    }

    @Override
    public boolean include(Exclusion exclusion)
    {
        return exclusions.remove(requireNonNull(exclusion, "exclusion is null"));
    }

    @Override
    public Set<Exclusion> exclusions()
    {
        return Set.copyOf(exclusions);
    }

    @Override
    public void recordApplied(AppliedChange change)
    {
        applied.add(requireNonNull(change, "change is null"));
    }

    @Override
    public List<AppliedChange> appliedSince(Instant since)
    {
        requireNonNull(since, "since is null");
        return applied.stream()
                .filter(change -> !change.time().isBefore(since))
                .sorted(Comparator.comparing(AppliedChange::time))
                .toList();
    }
}
