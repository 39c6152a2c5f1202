package io.autotable.error;

/**
 * Every error autotable reports, with a stable code. User errors (bad input, a wrong flag, a
 * locked workspace) exit the command line with 1; internal errors exit with 2.
 */
public enum ErrorCode
{
    INVALID_ARGUMENT(Kind.USER),
    FILE_NOT_FOUND(Kind.USER),
    FILE_NOT_READABLE(Kind.USER),
    INVALID_DDL(Kind.USER),
    UNKNOWN_BENCHMARK(Kind.USER),
    INVALID_SCALE(Kind.USER),
    WORKSPACE_NOT_WRITABLE(Kind.USER),
    WORKSPACE_LOCKED(Kind.USER),
    WORKSPACE_TOO_NEW(Kind.USER),
    WORKSPACE_NOT_INITIALIZED(Kind.USER),
    UNKNOWN_TABLE(Kind.USER),
    UNKNOWN_COLUMN(Kind.USER),
    INVALID_JSON(Kind.USER),
    TOO_MANY_REJECTED_ROWS(Kind.USER),
    INTERRUPTED(Kind.USER),
    DATABASE_CORRUPT(Kind.INTERNAL),
    REPOSITORY_FAILURE(Kind.INTERNAL),
    WAREHOUSE_FAILURE(Kind.INTERNAL),
    GENERATOR_FAILURE(Kind.INTERNAL),
    INTERNAL(Kind.INTERNAL);

    /** Whose fault an error is: decides the exit code and whether a stack trace helps. */
    public enum Kind
    {
        USER,
        INTERNAL
    }

    private final Kind kind;

    ErrorCode(Kind kind)
    {
        this.kind = kind;
    }

    public Kind kind()
    {
        return kind;
    }

    public boolean isUserError()
    {
        return kind == Kind.USER;
    }
}
