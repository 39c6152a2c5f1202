package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a generated workload changes in its second half, so that a design tuned for the first half
 * goes stale and an advisor (or its daemon) can be seen adapting. Each benchmark's
 * {@link DriftStatements} say which scenarios it has and what they run.
 */
public enum DriftScenario
{
    /** The mix stays the same. */
    NONE("none"),
    /** A join nobody ran becomes hot (TPC-H: lineitem with partsupp on (partkey, suppkey), customer with supplier on nationkey). */
    NEW_JOIN_PATH("new-join-path"),
    /** Filters move to other columns (TPC-H: from the ship date to the receipt and commit dates; SSB: from d_year to lo_orderdate ranges and customer regions). */
    FILTER_SHIFT("filter-shift"),
    /** A table starts receiving heavy writes (TPC-H: partsupp's inventory updates and new supplier offers). */
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
