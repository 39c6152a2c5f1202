package io.autotable.advisor.daemon;

import static java.util.Objects.requireNonNull;

/** Tells whether the warehouse's foreground load is low enough to rewrite a table now. */
@FunctionalInterface
public interface LoadProbe
{
    Reading read();

    /**
     * A reading of the load.
     *
     * @param low whether the load is below the threshold, so a rewrite may start
     * @param description what was measured against what ({@code 3 queries running, threshold 2}), for the audit trail
     */
    record Reading(boolean low, String description)
    {
        public Reading
        {
            requireNonNull(description, "description is null");
        }
    }

    /** A probe for a warehouse with no foreground load to watch, such as a simulation. */
    static LoadProbe alwaysLow()
    {
        return () -> new Reading(true, "no foreground load watched");
    }
}
