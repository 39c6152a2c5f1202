package io.autotable.cli;

/**
 * A command stopped by Ctrl-C or SIGTERM that has already told the user so; the exit code is
 * the shell's convention for a process stopped by SIGINT.
 */
final class StoppedException
        extends RuntimeException
{
    static final int EXIT_CODE = 130;

    StoppedException(Throwable cause)
    {
        super(cause.getMessage(), cause);
    }
}
