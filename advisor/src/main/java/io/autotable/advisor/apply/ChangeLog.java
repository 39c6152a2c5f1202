package io.autotable.advisor.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.autotable.advisor.AdvisorException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.repository.JournalEntry;
import io.autotable.repository.WorkloadRepository;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * The changes in a workspace's journal, one {@link ChangeRecord} each, in the order they began.
 * A snapshot: read it again after applying.
 */
public final class ChangeLog
{
    static final String DETAIL_CHANGE_ID = "changeId";
    static final String DETAIL_PLAN = "plan";
    static final String DETAIL_ROWS = "rows";
    static final String DETAIL_CHECKSUM = "checksum";
    static final String DETAIL_MESSAGE = "message";

    private final Map<String, ChangeRecord> changes;
    private final long highestNumber;

    private ChangeLog(Map<String, ChangeRecord> changes, long highestNumber)
    {
        this.changes = changes;
        this.highestNumber = highestNumber;
    }

    public static ChangeLog read(WorkloadRepository repository)
    {
        return of(repository.journal());
    }

    /**
     * @throws AdvisorException with {@link ErrorCode#INVALID_JSON} when a change entry's detail is
     *         not what {@link TableRewriter} writes, naming the entry
     */
    public static ChangeLog of(List<JournalEntry> journal)
    {
        Map<String, ChangeRecord> changes = new LinkedHashMap<>();
        long highest = 0;
        for (JournalEntry entry : journal) {
            Optional<ChangeState> state = Arrays.stream(ChangeState.values()).filter(candidate -> candidate.action().equals(entry.action())).findFirst();
            if (state.isEmpty()) {
                continue;
            }
            JsonNode detail = parse(entry);
            String changeId = detail.path(DETAIL_CHANGE_ID).asText();
            highest = Math.max(highest, ChangePlan.number(changeId));
            ChangeRecord previous = changes.get(changeId);
            if (state.get() == ChangeState.BEGUN) {
                ChangePlan plan = plan(entry, detail);
                // the table's rows when the change began (absent from entries of earlier versions)
                OptionalLong rows = detail.has(DETAIL_ROWS) ? OptionalLong.of(detail.get(DETAIL_ROWS).asLong()) : OptionalLong.empty();
                changes.put(changeId, new ChangeRecord(changeId, plan.table(), ChangeState.BEGUN, plan, entry.at(),
                        Optional.empty(), rows, Optional.empty(), Optional.empty()));
                continue;
            }
            if (previous == null) {
                // the begin entry is the first thing a change writes; without it there is nothing to describe
                continue;
            }
            OptionalLong rows = detail.has(DETAIL_ROWS) ? OptionalLong.of(detail.get(DETAIL_ROWS).asLong()) : previous.rows();
            Optional<String> checksum = detail.has(DETAIL_CHECKSUM) ? Optional.of(detail.get(DETAIL_CHECKSUM).asText()) : previous.checksum();
            Optional<String> message = detail.has(DETAIL_MESSAGE) ? Optional.of(detail.get(DETAIL_MESSAGE).asText()) : previous.message();
            Optional<Instant> finished = state.get().isTerminal() ? Optional.of(entry.at()) : Optional.empty();
            changes.put(changeId, new ChangeRecord(changeId, previous.table(), state.get(), previous.plan(), previous.begun(), finished, rows, checksum, message));
        }
        return new ChangeLog(changes, highest);
    }

    private static JsonNode parse(JournalEntry entry)
    {
        try {
            JsonNode detail = Json.mapper().readTree(entry.detail());
            if (detail == null || !detail.path(DETAIL_CHANGE_ID).isTextual()) {
                throw new AdvisorException(ErrorCode.INVALID_JSON, "journal entry %d (%s) has no change id in its detail: %s".formatted(entry.id(), entry.action(), entry.detail()));
            }
            return detail;
        }
        catch (JsonProcessingException e) {
            throw new AdvisorException(ErrorCode.INVALID_JSON, "journal entry %d (%s) is not JSON: %s".formatted(entry.id(), entry.action(), e.getOriginalMessage()), e);
        }
    }

    private static ChangePlan plan(JournalEntry entry, JsonNode detail)
    {
        try {
            return Json.mapper().treeToValue(detail.get(DETAIL_PLAN), ChangePlan.class);
        }
        catch (JsonProcessingException | RuntimeException e) {
            throw new AdvisorException(ErrorCode.INVALID_JSON, "journal entry %d (change-begin) has no valid plan: %s".formatted(entry.id(), e.getMessage()), e);
        }
    }

    /** Every change, in the order they began. */
    public List<ChangeRecord> changes()
    {
        return List.copyOf(changes.values());
    }

    public Optional<ChangeRecord> change(String changeId)
    {
        return Optional.ofNullable(changes.get(changeId));
    }

    /** Changes whose last entry is not terminal: a crash interrupted them, {@link TableRewriter#recover()} finishes them. */
    public List<ChangeRecord> unresolved()
    {
        return changes.values().stream().filter(change -> !change.isResolved()).toList();
    }

    /** The done change that undid this one, if any. */
    public Optional<ChangeRecord> rolledBackBy(String changeId)
    {
        requireNonNull(changeId, "changeId is null");
        return changes.values().stream()
                .filter(change -> change.state() == ChangeState.DONE && change.rollsBack().equals(Optional.of(changeId)))
                .findFirst();
    }

    /** The newest done change that carried out a recommendation ({@code A3:R1}), if any. */
    public Optional<ChangeRecord> carrying(String recommendationId)
    {
        requireNonNull(recommendationId, "recommendationId is null");
        ChangeRecord found = null;
        for (ChangeRecord change : changes.values()) {
            if (change.state() == ChangeState.DONE && change.plan().recommendationIds().contains(recommendationId)) {
                found = change;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The id after the highest one the journal has, {@code C1} in a new workspace. */
    public String nextChangeId()
    {
        return "C" + (highestNumber + 1);
    }

    /**
     * The plan that undoes a change that was done: the same table from its {@code to} design back
     * to its {@code from} design.
     *
     * @throws AdvisorException with {@link ErrorCode#INVALID_ARGUMENT} when there is no such
     *         change or it was not done
     */
    public ChangePlan rollbackPlan(String changeId)
    {
        requireNonNull(changeId, "changeId is null");
        ChangeRecord change = change(changeId).orElseThrow(() -> new AdvisorException(ErrorCode.INVALID_ARGUMENT,
                "the journal has no change %s (it has %s)".formatted(changeId, changes.keySet())));
        if (change.state() != ChangeState.DONE) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT,
                    "change %s of table %s is %s, not done: only a change that was done can be rolled back".formatted(changeId, change.table(), change.state()));
        }
        Optional<ChangeRecord> undone = rolledBackBy(changeId);
        if (undone.isPresent()) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT,
                    "change %s of table %s was rolled back already, by %s".formatted(changeId, change.table(), undone.get().changeId()));
        }
        ChangePlan plan = change.plan();
        return new ChangePlan(nextChangeId(), plan.table(), plan.to(), plan.from(), ChangeOrigin.ROLLBACK, List.of(),
                "roll back " + changeId, 0, Optional.of(changeId));
    }
}
