package io.autotable.advisor.daemon;

import io.autotable.advisor.Advice;
import io.autotable.design.PhysicalDesign;

import java.time.Instant;

/**
 * The advisor and the simulator over a span of the captured workload: what the daemon asks each
 * run, and what the drift replay measures each period with. The real implementation reads the
 * workspace's events that arrived in {@code [from, to)}; a test scripts both answers.
 */
public interface WindowAdvisor
{
    /**
     * Advice on the workload that arrived in {@code [from, to)}, starting from the current design.
     * A span with no workload gives advice with no recommendations.
     */
    Advice advise(Instant from, Instant to, PhysicalDesign current);

    /** The simulated seconds of the workload that arrived in {@code [from, to)}, under the design. */
    double simulatedSeconds(Instant from, Instant to, PhysicalDesign design);
}
