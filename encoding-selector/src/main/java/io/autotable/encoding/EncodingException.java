package io.autotable.encoding;

import io.autotable.error.AutotableException;
import io.autotable.error.ErrorCode;

import java.util.OptionalInt;

/**
 * Errors of the encoding-selector module: values an encoder cannot take, and encoded blocks a
 * decoder rejects as malformed. A malformed block's error names the byte offset where decoding
 * stopped.
 */
public final class EncodingException
        extends AutotableException
{
    private final int offset;

    private EncodingException(ErrorCode errorCode, String message, int offset, Throwable cause)
    {
        super(errorCode, message, cause);
        this.offset = offset;
    }

    /** Values an encoder cannot take: a caller's bug. */
    public static EncodingException invalidInput(String format, Object... args)
    {
        return new EncodingException(ErrorCode.INVALID_ARGUMENT, String.format(format, args), -1, null);
    }

    /** A fault of autotable itself, such as a missing or unreadable shipped model. */
    public static EncodingException internal(Throwable cause, String format, Object... args)
    {
        return new EncodingException(ErrorCode.INTERNAL, String.format(format, args), -1, cause);
    }

    /** An encoded block that is truncated or corrupt, at {@code offset} bytes from its start. */
    public static EncodingException malformed(int offset, String format, Object... args)
    {
        return malformed(offset, null, format, args);
    }

    public static EncodingException malformed(int offset, Throwable cause, String format, Object... args)
    {
        return new EncodingException(
                ErrorCode.INVALID_ARGUMENT,
                "malformed encoded block at byte " + offset + ": " + String.format(format, args),
                offset,
                cause);
    }

    /** The byte offset in the encoded block where decoding failed; absent for errors about an encoder's input. */
    public OptionalInt offset()
    {
        return offset < 0 ? OptionalInt.empty() : OptionalInt.of(offset);
    }
}
