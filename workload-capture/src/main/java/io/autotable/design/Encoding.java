package io.autotable.design;

import io.autotable.error.CaptureException;

import java.util.Locale;

/**
 * Column compression encodings, with Redshift's names.
 */
public enum Encoding
{
    RAW,
    AZ64,
    BYTEDICT,
    DELTA,
    DELTA32K,
    LZO,
    MOSTLY8,
    MOSTLY16,
    MOSTLY32,
    RUNLENGTH,
    TEXT255,
    TEXT32K,
    ZSTD;

    /**
     * Parses an ENCODE clause's value, case-insensitively.
     *
     * @throws CaptureException naming the value and the encodings that exist
     */
    public static Encoding parse(String name)
    {
        String normalized = name.strip().toUpperCase(Locale.ROOT);
        if (normalized.equals("NONE")) {
            // Redshift accepts NONE as a synonym of RAW
            return RAW;
        }
        try {
            return valueOf(normalized);
        }
        catch (IllegalArgumentException e) {
            throw CaptureException.invalid("unknown encoding '%s': expected one of %s", name, java.util.Arrays.toString(values()));
        }
    }
}
