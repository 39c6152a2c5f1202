package io.autotable.advisor.apply;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who asked for a change of a table's physical design. */
public enum ChangeOrigin
{
    /** A person, through the {@code apply} command. */
    @JsonProperty("apply")
    APPLY,
    /** The auto-apply daemon. */
    @JsonProperty("daemon")
    DAEMON,
    /** The undoing of an earlier change; the plan names it in {@link ChangePlan#rollsBack()}. */
    @JsonProperty("rollback")
    ROLLBACK
}
