package io.autotable.simulator.stats;

/**
 * UTF-8 byte counts of Java strings, without encoding them: Redshift measures text in bytes.
 */
public final class Utf8
{
    private Utf8() {}

    /** Bytes of the text in UTF-8; an unpaired surrogate counts 2, a pair 4. */
    public static int length(String text)
    {
        int bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // 2 bytes below U+0800, 3 above; a surrogate pair is 4 bytes for 2 chars
                bytes += c < 0x800 || Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return bytes;
    }
}
