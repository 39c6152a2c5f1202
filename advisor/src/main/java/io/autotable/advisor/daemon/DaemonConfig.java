package io.autotable.advisor.daemon;

import io.autotable.advisor.AdvisorException;
import io.autotable.error.ErrorCode;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How the auto-apply daemon decides. {@link #defaults()} gives the documented defaults; each
 * parameter's Javadoc says what it defaults to and why.
 *
 * @param autoApply whether the daemon applies changes at all. Default {@code false}: report-only,
 *        it advises and records what it would do, so that turning it on is a decision a person makes
 *        after reading a few runs' decisions.
 * @param window the daily hours in which changes may be applied, in {@code zone}'s wall-clock time.
 *        Default none: any time of day (foreground load still has to be low).
 * @param interval how often the advisor runs. Default 1 hour: a workload's shape changes over hours
 *        and days, not minutes, and each run re-simulates the whole lookback.
 * @param maxChangesPerDay the most table changes applied in any 24 hours (a rolling day, not a
 *        calendar day; a group of tables counts one per table). Default 4: rewriting a table costs
 *        I/O and invalidates caches, so a day sees a handful at most, and a wrong turn stays small.
 * @param minBenefitPercent the margin a change must beat the current design by: its saving (a
 *        group's together), in percent of the window's simulated workload time, on every one of
 *        the consecutive runs. Default 1.0: below that, the simulation's error and the rewrite's cost
 *        outweigh the gain (the advisor itself recommends from 0.5%, so the daemon is stricter).
 * @param consecutiveRuns K: a change is applied only once it has been recommended, beating the
 *        margin, on K consecutive runs. Default 3: with the hourly interval, three hours in a row,
 *        so a passing burst that tips one run does not change a table.
 * @param lookback the sliding window of recent workload each run advises on. Default 7 days: a
 *        whole week, so daily and weekly cycles (the nightly batch, the Monday reports) all count,
 *        and a burst is a small share of it.
 * @param cooldown no second change to a table within this time of its last one. Default 24 hours:
 *        a table changed once gets a full daily cycle of workload under its new design before the
 *        daemon touches it again.
 * @param flapGuard a change may not set a table's distribution, sort key or encodings back to a
 *        value it left less than this long ago. Default 7 days, the default lookback: while the
 *        workload that made the daemon leave a value is still in the window, going back would be
 *        the same evidence voting both ways, which is flapping.
 * @param zone the time zone the window is read in. Default UTC, so a run is repeatable on any
 *        machine; the command line passes the machine's zone.
 */
public record DaemonConfig(
        boolean autoApply,
        Optional<MaintenanceWindow> window,
        Duration interval,
        int maxChangesPerDay,
        double minBenefitPercent,
        int consecutiveRuns,
        Duration lookback,
        Duration cooldown,
        Duration flapGuard,
        ZoneId zone)
{
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
    public static final int DEFAULT_MAX_CHANGES_PER_DAY = 4;
    public static final double DEFAULT_MIN_BENEFIT_PERCENT = 1.0;
    public static final int DEFAULT_CONSECUTIVE_RUNS = 3;
    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(7);
    public static final Duration DEFAULT_COOLDOWN = Duration.ofHours(24);
    public static final Duration DEFAULT_FLAP_GUARD = DEFAULT_LOOKBACK;

    public DaemonConfig
    {
        requireNonNull(window, "window is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(lookback, "lookback is null");
        requireNonNull(cooldown, "cooldown is null");
        requireNonNull(flapGuard, "flapGuard is null");
        requireNonNull(zone, "zone is null");
        check(!interval.isNegative() && !interval.isZero(), "interval", "positive", interval);
        check(maxChangesPerDay >= 1, "maxChangesPerDay", ">= 1", maxChangesPerDay);
        check(minBenefitPercent >= 0 && minBenefitPercent < 100, "minBenefitPercent", "in [0, 100)", minBenefitPercent);
        check(consecutiveRuns >= 1, "consecutiveRuns", ">= 1", consecutiveRuns);
        check(!lookback.isNegative() && !lookback.isZero(), "lookback", "positive", lookback);
        check(!cooldown.isNegative(), "cooldown", ">= 0", cooldown);
        check(!flapGuard.isNegative(), "flapGuard", ">= 0", flapGuard);
    }

    /** Report-only, any time of day, and the defaults documented on each parameter. */
    public static DaemonConfig defaults()
    {
        return new DaemonConfig(false, Optional.empty(), DEFAULT_INTERVAL, DEFAULT_MAX_CHANGES_PER_DAY, DEFAULT_MIN_BENEFIT_PERCENT,
                DEFAULT_CONSECUTIVE_RUNS, DEFAULT_LOOKBACK, DEFAULT_COOLDOWN, DEFAULT_FLAP_GUARD, ZoneOffset.UTC);
    }

    public DaemonConfig withAutoApply(boolean newAutoApply)
    {
        return new DaemonConfig(newAutoApply, window, interval, maxChangesPerDay, minBenefitPercent, consecutiveRuns, lookback, cooldown, flapGuard, zone);
    }

    public DaemonConfig withWindow(Optional<MaintenanceWindow> newWindow)
    {
        return new DaemonConfig(autoApply, newWindow, interval, maxChangesPerDay, minBenefitPercent, consecutiveRuns, lookback, cooldown, flapGuard, zone);
    }

    public DaemonConfig withInterval(Duration newInterval)
    {
        return new DaemonConfig(autoApply, window, newInterval, maxChangesPerDay, minBenefitPercent, consecutiveRuns, lookback, cooldown, flapGuard, zone);
    }

    public DaemonConfig withMaxChangesPerDay(int newMaxChangesPerDay)
    {
        return new DaemonConfig(autoApply, window, interval, newMaxChangesPerDay, minBenefitPercent, consecutiveRuns, lookback, cooldown, flapGuard, zone);
    }

    public DaemonConfig withMinBenefitPercent(double newMinBenefitPercent)
    {
        return new DaemonConfig(autoApply, window, interval, maxChangesPerDay, newMinBenefitPercent, consecutiveRuns, lookback, cooldown, flapGuard, zone);
    }

    public DaemonConfig withConsecutiveRuns(int newConsecutiveRuns)
    {
        return new DaemonConfig(autoApply, window, interval, maxChangesPerDay, minBenefitPercent, newConsecutiveRuns, lookback, cooldown, flapGuard, zone);
    }

    public DaemonConfig withLookback(Duration newLookback)
    {
        return new DaemonConfig(autoApply, window, interval, maxChangesPerDay, minBenefitPercent, consecutiveRuns, newLookback, cooldown, flapGuard, zone);
    }

    public DaemonConfig withCooldown(Duration newCooldown)
    {
        return new DaemonConfig(autoApply, window, interval, maxChangesPerDay, minBenefitPercent, consecutiveRuns, lookback, newCooldown, flapGuard, zone);
    }

    public DaemonConfig withFlapGuard(Duration newFlapGuard)
    {
        return new DaemonConfig(autoApply, window, interval, maxChangesPerDay, minBenefitPercent, consecutiveRuns, lookback, cooldown, newFlapGuard, zone);
    }

    public DaemonConfig withZone(ZoneId newZone)
    {
        return new DaemonConfig(autoApply, window, interval, maxChangesPerDay, minBenefitPercent, consecutiveRuns, lookback, cooldown, flapGuard, newZone);
    }

    private static void check(boolean valid, String field, String expected, Object value)
    {
        if (!valid) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT, "daemon configuration: %s must be %s, got %s".formatted(field, expected, value));
        }
    }
}
