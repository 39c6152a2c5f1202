package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a generated workload changes in its second half, so that a design tuned for the first half
 * goes stale and an advisor (or its daemon) can be seen adapting.
 */
public enum DriftScenario
{
    /** The mix stays the same. */
    NONE("none"),
    /** A join nobody ran becomes hot: lineitem with partsupp on (partkey, suppkey), and customer with supplier on nationkey. */
    NEW_JOIN_PATH("new-join-path"),
    /** Date filters move from the ship date to the receipt and commit dates, and orders are filtered by priority. */
    FILTER_SHIFT("filter-shift"),
    /** partsupp starts receiving heavy writes: inventory updates and new supplier offers. */
    HEAVY_WRITES("heavy-writes");

    private final String cliName;

    DriftScenario(String cliName)
    {
        this.cliName = cliName;
    }

    public String cliName()
    {
        return cliName;
    }

    /**
     * @throws SimulatorException with {@link ErrorCode#INVALID_ARGUMENT} naming the scenarios there are
     */
    public static DriftScenario parse(String name)
    {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (DriftScenario scenario : values()) {
            if (scenario.cliName.equals(wanted)) {
                return scenario;
            }
        }
        throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "unknown drift scenario '%s': expected one of %s"
                .formatted(name, Arrays.stream(values()).map(DriftScenario::cliName).toList()));
    }
}
