package io.autotable.error;

/**
 * Errors of the workload-capture module: the model's validation, DDL and log import, the
 * workload repository.
 */
public final class CaptureException
        extends AutotableException
{
    public CaptureException(ErrorCode errorCode, String message)
    {
        super(errorCode, message, null);
    }

    public CaptureException(ErrorCode errorCode, String message, Throwable cause)
    {
        super(errorCode, message, cause);
    }

    /** A model value that breaks its own invariants: a caller's bug or a corrupted file. */
    public static CaptureException invalid(String format, Object... args)
    {
        return new CaptureException(ErrorCode.INVALID_ARGUMENT, String.format(format, args));
    }
}
