package io.autotable.advisor;

import io.autotable.error.AutotableException;
import io.autotable.error.ErrorCode;

/** The advisor module's exception. */
public final class AdvisorException
        extends AutotableException
{
    public AdvisorException(ErrorCode errorCode, String message)
    {
        super(errorCode, message, null);
    }

    public AdvisorException(ErrorCode errorCode, String message, Throwable cause)
    {
        super(errorCode, message, cause);
    }
}
