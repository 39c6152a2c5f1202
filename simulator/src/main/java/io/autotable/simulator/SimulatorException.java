package io.autotable.simulator;

import io.autotable.error.AutotableException;
import io.autotable.error.ErrorCode;

/**
 * Errors of the simulator module: the embedded warehouse, data generation and loading, layouts
 * and replay.
 */
public final class SimulatorException
        extends AutotableException
{
    public SimulatorException(ErrorCode errorCode, String message)
    {
        super(errorCode, message, null);
    }

    public SimulatorException(ErrorCode errorCode, String message, Throwable cause)
    {
        super(errorCode, message, cause);
    }
}
