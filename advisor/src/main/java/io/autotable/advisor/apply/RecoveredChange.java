package io.autotable.advisor.apply;

import static java.util.Objects.requireNonNull;

/**
 * A change that {@link TableRewriter#recover()} finished.
 *
 * @param outcome {@link ChangeState#DONE} when it was rolled forward, {@link ChangeState#ROLLED_BACK} otherwise
 */
public record RecoveredChange(String changeId, String table, ChangeState outcome)
{
    public RecoveredChange
    {
        requireNonNull(changeId, "changeId is null");
        requireNonNull(table, "table is null");
        requireNonNull(outcome, "outcome is null");
    }
}
