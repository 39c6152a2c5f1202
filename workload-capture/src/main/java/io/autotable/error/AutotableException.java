package io.autotable.error;

import static java.util.Objects.requireNonNull;

/**
 * The root of every module's exception. The message is one line a user can act on: what went
 * wrong, where (file, line, statement, table), and what to do about it.
 */
public abstract class AutotableException
        extends RuntimeException
{
    private final ErrorCode errorCode;

    protected AutotableException(ErrorCode errorCode, String message, Throwable cause)
    {
        super(requireNonNull(message, "message is null"), cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public ErrorCode errorCode()
    {
        return errorCode;
    }
}
