package io.autotable.advisor.apply;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * One change as the journal tells it, for {@code status}.
 *
 * @param plan the plan journaled when the change began
 * @param finished when the change reached its terminal state, empty while it is unresolved
 * @param rows the table's rows when the change began, then the rows copied and verified
 * @param checksum the rows' checksum ({@link TableChecksum#hex()}), once verified
 * @param message why a change failed or was rolled back
 */
public record ChangeRecord(
        String changeId,
        String table,
        ChangeState state,
        ChangePlan plan,
        Instant begun,
        Optional<Instant> finished,
        OptionalLong rows,
        Optional<String> checksum,
        Optional<String> message)
{
    public ChangeRecord
    {
        requireNonNull(changeId, "changeId is null");
        requireNonNull(table, "table is null");
        requireNonNull(state, "state is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(begun, "begun is null");
        requireNonNull(finished, "finished is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(checksum, "checksum is null");
        requireNonNull(message, "message is null");
    }

    /** The change this one undoes. */
    public Optional<String> rollsBack()
    {
        return plan.rollsBack();
    }

    public boolean isResolved()
    {
        return state.isTerminal();
    }
}
