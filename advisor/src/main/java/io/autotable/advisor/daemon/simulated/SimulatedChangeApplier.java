package io.autotable.advisor.daemon.simulated;

import io.autotable.advisor.AdvisorException;
import io.autotable.advisor.daemon.AppliedChange;
import io.autotable.advisor.daemon.ChangeApplier;
import io.autotable.error.ErrorCode;
import io.autotable.design.PhysicalDesign;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A {@link ChangeApplier} that rewrites nothing: it keeps the design in memory, puts each change in
 * place at the time the run decided it, and remembers every change. For the drift replay and tests.
 * Not thread-safe.
 */
public final class SimulatedChangeApplier
        implements ChangeApplier
{
    private PhysicalDesign design;
    private final List<AppliedChange> applied = new ArrayList<>();

    public SimulatedChangeApplier(PhysicalDesign start)
    {
        this.design = requireNonNull(start, "start is null");
    }

    @Override
    public PhysicalDesign current()
    {
        return design;
    }

    @Override
    public AppliedChange apply(TableChange change)
    {
        requireNonNull(change, "change is null");
        if (!design.table(change.table()).equals(change.from())) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT, "simulated change of %s by run %s starts from a design the table does not have: %s, not %s"
                    .formatted(change.table(), change.runId(), change.from(), design.table(change.table())));
        }
        design = design.with(change.table(), change.to());
        AppliedChange done = change.appliedAt(change.time());
        applied.add(done);
        return done;
    }

    /** Every change applied, in order. */
    public List<AppliedChange> applied()
    {
        return List.copyOf(applied);
    }
}
