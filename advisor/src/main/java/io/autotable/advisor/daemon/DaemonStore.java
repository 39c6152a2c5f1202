package io.autotable.advisor.daemon;

import io.autotable.advisor.Advice;
import io.autotable.advisor.Recommendation.Kind;
import io.autotable.catalog.Identifiers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The daemon's memory and audit trail: every run and what it recommended and decided (the history
 * hysteresis reads), the exclusions a person set, and every change applied (what cooldown, the
 * daily limit and the flap guard read). Implementations: in memory for tests and simulations, the
 * workspace's repository for the command line. Every implementation passes
 * {@code AbstractTestDaemonStore}.
 */
public interface DaemonStore
{
    /**
     * Records a run and its recommendations, and gives it an id no other run of this store has.
     *
     * @param time when the run ran
     * @param from the start of the window of workload it advised on (the window ends at {@code time})
     * @param advice what the advisor said: its recommendations, and the simulated totals they rest on
     */
    RecordedRun startRun(Instant time, Instant from, Advice advice);

    /**
     * Records what a started run decided.
     *
     * @throws io.autotable.advisor.AdvisorException with {@code INVALID_ARGUMENT} when no run has that id
     */
    void finishRun(String runId, List<Decision> decisions);

    /** The last {@code count} runs started, newest first (fewer when fewer were). */
    List<RecordedRun> recentRuns(int count);

    /** What a run decided: empty until it is finished. */
    List<Decision> decisions(String runId);

    void exclude(Exclusion exclusion);

    /** Removes an exclusion; whether there was one. */
    boolean include(Exclusion exclusion);

    Set<Exclusion> exclusions();

    void recordApplied(AppliedChange change);

    /** The changes applied at {@code since} or later, oldest first. */
    List<AppliedChange> appliedSince(Instant since);

    /**
     * A run as the store keeps it.
     *
     * @param id the id the store gave it
     * @param recommended its recommendations, in the advice's order
     */
    record RecordedRun(String id, Instant time, Instant from, List<Recommended> recommended)
    {
        public RecordedRun
        {
            requireNonNull(id, "id is null");
            requireNonNull(time, "time is null");
            requireNonNull(from, "from is null");
            recommended = List.copyOf(requireNonNull(recommended, "recommended is null"));
        }
    }

    /**
     * A table the daemon must not change: every kind of change, or just one.
     *
     * @param table the table's name (normalized as the catalog does)
     * @param kind the one kind of change excluded, or empty for all
     */
    record Exclusion(String table, Optional<Kind> kind)
    {
        public Exclusion
        {
            table = Identifiers.normalize(requireNonNull(table, "table is null"), "table");
            requireNonNull(kind, "kind is null");
        }

        public static Exclusion table(String table)
        {
            return new Exclusion(table, Optional.empty());
        }

        public static Exclusion kind(String table, Kind kind)
        {
            return new Exclusion(table, Optional.of(kind));
        }

        public boolean covers(String otherTable, Kind otherKind)
        {
            return table.equals(Identifiers.normalize(otherTable, "table")) && kind.map(otherKind::equals).orElse(true);
        }
    }
}
