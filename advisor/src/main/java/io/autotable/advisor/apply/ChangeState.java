package io.autotable.advisor.apply;

/** Where a change got to, by the last journal entry it has. */
public enum ChangeState
{
    BEGUN("change-begin"),
    COPIED("change-copied"),
    VERIFIED("change-verified"),
    SWAPPED("change-swapped"),
    DONE("change-done"),
    ROLLED_BACK("change-rolled-back"),
    FAILED("change-failed");

    private final String action;

    ChangeState(String action)
    {
        this.action = action;
    }

    /** The journal action that puts a change in this state. */
    public String action()
    {
        return action;
    }

    /** Whether nothing more happens to the change: the table has one design, and it is this state's. */
    public boolean isTerminal()
    {
        return this == DONE || this == ROLLED_BACK || this == FAILED;
    }
}
