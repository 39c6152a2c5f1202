package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A benchmark's statements for its drift scenarios: what becomes hot in the second half of a
 * generated log (see {@link WorkloadGenerator}).
 */
public interface DriftStatements
{
    /** The scenarios this benchmark has statements for, {@link DriftScenario#NONE} first. */
    List<DriftScenario> scenarios();

    /**
     * One statement of a scenario, its parameters drawn from {@code random}.
     *
     * @param scenario one of {@link #scenarios()} other than {@link DriftScenario#NONE}
     */
    String statement(DriftScenario scenario, SplittableRandom random);

    /**
     * @throws SimulatorException with {@link ErrorCode#INVALID_ARGUMENT} naming the scenarios that apply when this one does not
     */
    default void checkApplies(DriftScenario scenario, String benchmark)
    {
        if (!scenarios().contains(scenario)) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "drift scenario '%s' does not apply to benchmark %s: use one of %s"
                    .formatted(scenario.cliName(), benchmark, scenarios().stream().map(DriftScenario::cliName).toList()));
        }
    }

    /** A benchmark without drift statements: only {@link DriftScenario#NONE} applies. */
    static DriftStatements none()
    {
        return new DriftStatements()
        {
            @Override
            public List<DriftScenario> scenarios()
            {
                return List.of(DriftScenario.NONE);
            }

            @Override
            public String statement(DriftScenario scenario, SplittableRandom random)
            {
                throw new SimulatorException(ErrorCode.INTERNAL, "no drift statement for scenario " + scenario.cliName());
            }
        };
    }
}
