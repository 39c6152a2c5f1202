package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.Arrays;
import java.util.Locale;

/** Which runs a generated log holds, and when they arrive. */
public enum WorkloadMix
{
    /** {@link WorkloadSchedule}'s: a Zipf mix around a daily peak, nothing ran (duration 0). */
    ZIPF("zipf"),
    /** {@link BurstyDashboards}: short dashboard queries in bursts next to long reports, each run with a logged runtime. */
    BURSTY_DASHBOARDS("bursty-dashboards");

    private final String cliName;

    WorkloadMix(String cliName)
    {
        this.cliName = cliName;
    }

    public String cliName()
    {
        return cliName;
    }

    /**
     * @throws SimulatorException with {@link ErrorCode#INVALID_ARGUMENT} naming the mixes there are
     */
    public static WorkloadMix parse(String name)
    {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (WorkloadMix mix : values()) {
            if (mix.cliName.equals(wanted)) {
                return mix;
            }
        }
        throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "unknown workload mix '%s': expected one of %s"
                .formatted(name, Arrays.stream(values()).map(WorkloadMix::cliName).toList()));
    }
}
