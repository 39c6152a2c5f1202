package io.autotable.distkey;

import io.autotable.error.AutotableException;
import io.autotable.error.ErrorCode;

/**
 * An error of the distribution-key module: a join graph, cost model or solver configuration that
 * breaks its invariants.
 */
public final class DistKeyException
        extends AutotableException
{
    public DistKeyException(ErrorCode errorCode, String message)
    {
        super(errorCode, message, null);
    }

    /** A value that breaks its own invariants: a caller's bug or a bad configuration. */
    public static DistKeyException invalid(String format, Object... args)
    {
        return new DistKeyException(ErrorCode.INVALID_ARGUMENT, String.format(format, args));
    }
}
