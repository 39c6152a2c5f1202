package io.autotable.cli;

import io.autotable.advisor.Advice;
import io.autotable.advisor.Recommendation;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.repository.AdviceRun;
import io.autotable.repository.EventWindow;
import io.autotable.repository.StoredRecommendation;
import io.autotable.repository.WorkloadRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Advice runs as the repository keeps them, so that {@code apply R1} can find what {@code advise}
 * recommended and {@code status} can list what is pending.
 */
final class AdviceRuns
{
    static final String PENDING = "pending";
    static final String APPLIED = "applied";
    static final String ROLLED_BACK = "rolled-back";

    private AdviceRuns() {}

    /**
     * What the repository stores of one recommendation: the advisor's fields, and the table's whole
     * design before and after it, which {@code apply} composes onto the current design.
     */
    record Body(String table, Recommendation.Kind kind, String from, String to, double benefitPercent, String group, String reason,
            Map<String, List<String>> ddl, List<Recommendation.Evidence> evidence, TableDesign before, TableDesign after)
    {
        Body
        {
            requireNonNull(table, "table is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
            requireNonNull(group, "group is null");
            requireNonNull(reason, "reason is null");
            ddl = Map.copyOf(requireNonNull(ddl, "ddl is null"));
            evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
            requireNonNull(before, "before is null");
            requireNonNull(after, "after is null");
        }

        static Body of(Recommendation recommendation)
        {
            return new Body(recommendation.table(), recommendation.kind(), recommendation.from(), recommendation.to(), recommendation.benefitPercent(),
                    recommendation.group(), recommendation.reason(), recommendation.ddl(), recommendation.evidence(), recommendation.before(), recommendation.after());
        }
    }

    /** A stored recommendation with its body read back. */
    record Stored(AdviceRun run, StoredRecommendation stored, Body body)
    {
        Stored
        {
            requireNonNull(run, "run is null");
            requireNonNull(stored, "stored is null");
            requireNonNull(body, "body is null");
        }

        String id()
        {
            return stored.id();
        }
    }

    static AdviceRun save(WorkloadRepository repository, String origin, EventWindow window, Instant at, Advice advice, String detail)
    {
        List<StoredRecommendation> recommendations = new ArrayList<>();
        for (Recommendation recommendation : advice.recommendations()) {
            recommendations.add(new StoredRecommendation(0, recommendation.id(), recommendation.table(), recommendation.kind().label(), PENDING,
                    Json.write(Body.of(recommendation))));
        }
        AdviceRun run = new AdviceRun(0, at, origin, window, advice.baseline().totalSeconds(), advice.recommended().totalSeconds(), detail);
        return repository.saveAdviceRun(run, recommendations);
    }

    /** The newest run, of any origin. */
    static Optional<AdviceRun> latest(WorkloadRepository repository)
    {
        return repository.adviceRuns(Optional.empty(), 1).stream().findFirst();
    }

    static List<Stored> recommendations(WorkloadRepository repository, AdviceRun run)
    {
        List<Stored> stored = new ArrayList<>();
        for (StoredRecommendation recommendation : repository.recommendations(run.runNo())) {
            stored.add(new Stored(run, recommendation, Json.read(recommendation.body(), Body.class, "recommendation " + recommendation.qualifiedId())));
        }
        return stored;
    }

    /**
     * The run a recommendation id names: {@code A3:R1} names run A3, a bare {@code R1} the newest run.
     *
     * @throws CaptureException naming the id when no such run exists
     */
    static AdviceRun runOf(WorkloadRepository repository, String id)
    {
        int colon = id.indexOf(':');
        if (colon < 0) {
            return latest(repository).orElseThrow(() -> new CaptureException(ErrorCode.INVALID_ARGUMENT,
                    "no advice has been recorded in this workspace yet, so '%s' names nothing: run 'autotable advise' first".formatted(id)));
        }
        String runId = id.substring(0, colon);
        long runNo;
        try {
            runNo = Long.parseLong(runId.startsWith("A") ? runId.substring(1) : runId);
        }
        catch (NumberFormatException e) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "'%s' is not a recommendation id: expected R1, or A3:R1 for run A3".formatted(id));
        }
        return repository.adviceRun(runNo)
                .orElseThrow(() -> new CaptureException(ErrorCode.INVALID_ARGUMENT, "no advice run %s in this workspace: 'autotable status' lists them".formatted(runId)));
    }
}
