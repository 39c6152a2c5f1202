package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.design.Encoding;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What encoding a column costs: its encoded bytes, measured by encoding it for real, and how fast
 * each encoding decodes, for breaking ties.
 */
public final class EncodedSizes
{
    /**
     * Encodings from least to most work per value to decode: a copy, run lengths, fixed-width
     * codes, a one-byte dictionary, delta sums, frame-of-reference bit unpacking, word
     * dictionaries, and the general-purpose decompressors last. Only exact ties of encoded size
     * consult it; {@code EncoderBenchmark} (JMH) measures the actual rates.
     */
    private static final List<Encoding> DECODE_ORDER = List.of(
            Encoding.RAW,
            Encoding.RUNLENGTH,
            Encoding.MOSTLY32,
            Encoding.MOSTLY16,
            Encoding.MOSTLY8,
            Encoding.BYTEDICT,
            Encoding.DELTA32K,
            Encoding.DELTA,
            Encoding.AZ64,
            Encoding.TEXT32K,
            Encoding.TEXT255,
            Encoding.LZO,
            Encoding.ZSTD);

    private EncodedSizes() {}

    /** Bytes of the column encoded with the encoding, all blocks together. */
    public static long encodedBytes(ColumnType type, Column column, Encoding encoding)
    {
        requireNonNull(encoding, "encoding is null");
        long bytes = 0;
        for (byte[] block : Encoders.forEncoding(encoding).encode(type, column)) {
            bytes += block.length;
        }
        return bytes;
    }

    /** Bytes of the column under every encoding that applies to its type, in {@link Encoding} order. */
    public static Map<Encoding, Long> allApplicable(ColumnType type, Column column)
    {
        Map<Encoding, Long> sizes = new EnumMap<>(Encoding.class);
        for (Encoder encoder : Encoders.applicable(type)) {
            sizes.put(encoder.encoding(), encodedBytes(type, column, encoder.encoding()));
        }
        return Collections.unmodifiableMap(sizes);
    }

    /** 0 for the fastest encoding to decode, increasing with decode cost. */
    public static int decodeRank(Encoding encoding)
    {
        requireNonNull(encoding, "encoding is null");
        return DECODE_ORDER.indexOf(encoding);
    }

    /**
     * The smallest of the sizes, the one that decodes fastest among equals.
     *
     * @throws EncodingException when there are no sizes
     */
    public static Encoding smallest(Map<Encoding, Long> sizes)
    {
        Encoding best = null;
        long bestBytes = Long.MAX_VALUE;
        for (Map.Entry<Encoding, Long> entry : sizes.entrySet()) {
            long bytes = entry.getValue();
            if (bytes < bestBytes || (bytes == bestBytes && decodeRank(entry.getKey()) < decodeRank(best))) {
                best = entry.getKey();
                bestBytes = bytes;
            }
        }
        if (best == null) {
            throw EncodingException.invalidInput("no encoding sizes to choose from");
        }
        return best;
    }
}
