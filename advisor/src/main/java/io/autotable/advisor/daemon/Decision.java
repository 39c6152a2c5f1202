package io.autotable.advisor.daemon;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * What a run decided about one recommendation, and why.
 *
 * @param reason the verdict in words, with its numbers ({@code waiting 2/3 runs}, {@code outside window 01:00-05:00})
 */
public record Decision(Recommended recommendation, Verdict verdict, String reason)
{
    public Decision
    {
        requireNonNull(recommendation, "recommendation is null");
        requireNonNull(verdict, "verdict is null");
        requireNonNull(reason, "reason is null");
    }

    /** The verdicts, in the order the daemon checks them. */
    public enum Verdict
    {
        /** The table or the kind of change is excluded. */
        EXCLUDED,
        /** It (or its group) saves less than the margin. */
        BELOW_MARGIN,
        /** Not yet recommended on enough consecutive runs. */
        WAITING,
        /** The table was changed less than the cooldown ago. */
        COOLDOWN,
        /** It would set the table back to a value it left less than the flap guard ago. */
        FLAP,
        /** It qualifies, but another change of its group does not, and a group is all or nothing. */
        GROUP_HELD,
        /** It qualifies, but the daemon only reports. */
        REPORT_ONLY,
        /** It qualifies, but the run is outside the maintenance window. */
        OUTSIDE_WINDOW,
        /** The daemon was told to stop before it got to it. */
        STOPPED,
        /** It qualifies, but the changes of the last 24 hours leave no room for it (and its group). */
        DAILY_LIMIT,
        /** It qualifies, but the foreground load is high. */
        LOAD_HIGH,
        /** Applying it failed, or an earlier change of the run failed. */
        FAILED,
        /** Applied. */
        APPLIED;

        public String label()
        {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
