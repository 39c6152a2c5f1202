package io.autotable.capture.redshift;

/** Why one row is bad; caught in a source's read loop, never leaves this package. */
final class BadRowException
        extends RuntimeException
{
    BadRowException(String message)
    {
        super(message, null, false, false);
    }
}
