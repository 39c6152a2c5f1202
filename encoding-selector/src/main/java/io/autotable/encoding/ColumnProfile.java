package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.encoding.block.Values;
import io.autotable.encoding.profile.ColumnProfiler;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What one cheap pass over a column's sample says about how it would encode: the features the
 * learned selector reads and the sampled selector's pruning rules test. Fractions are of the
 * non-null values (of adjacent non-null pairs for deltas and order); every feature of a column with
 * no non-null value is 0.
 *
 * @param type the column's type
 * @param rows values in the sample, nulls included
 * @param nonNull values that are not null
 * @param valueBytes bytes the non-null values take uncompressed (lane width, or UTF-8 length for text)
 * @param distinct distinct non-null values, exact up to {@link ColumnProfiler#MAX_TRACKED_DISTINCT}, that bound past it
 * @param topFrequency share of the most common value (among the values read until the distinct
 *        count reached its bound, when it did)
 * @param entropyBits Shannon entropy of the values' distribution, in bits per value (idem)
 * @param averageRunLength non-null values per run of equal consecutive values
 * @param repeatFraction share of values (after the first two) equal to what followed the previous
 *        value when it last occurred: repeated sequences, which LZ-style compressors exploit and
 *        per-value statistics miss
 * @param repeatFraction2 the same with the two previous values as context
 * @param ascendingFraction share of adjacent pairs in non-decreasing order
 * @param rangeBits bits that {@code max - min} needs (frame of reference width); 0 for text
 * @param fits8 share of values that fit a signed byte (MOSTLY8); 0 for REAL, DOUBLE and text
 * @param fits16 share of values that fit a signed short (MOSTLY16)
 * @param fits32 share of values that fit a signed int (MOSTLY32)
 * @param deltaFits8 share of deltas between adjacent values in -127..127 (DELTA)
 * @param deltaFits16 share of deltas in -32767..32767 (DELTA32K)
 * @param meanDeltaBits average bits of a zigzag-encoded delta
 * @param averageLength average bytes of a text value; 0 for other types
 * @param maxLength longest text value in bytes
 * @param averagePrefix average bytes a text value shares with the one before it
 * @param wordsPerValue average space-separated words per text value (TEXT255, TEXT32K)
 * @param distinctWords distinct words, exact up to {@link ColumnProfiler#MAX_TRACKED_DISTINCT}
 */
public record ColumnProfile(
        ColumnType type,
        int rows,
        int nonNull,
        long valueBytes,
        int distinct,
        double topFrequency,
        double entropyBits,
        double averageRunLength,
        double repeatFraction,
        double repeatFraction2,
        double ascendingFraction,
        int rangeBits,
        double fits8,
        double fits16,
        double fits32,
        double deltaFits8,
        double deltaFits16,
        double meanDeltaBits,
        double averageLength,
        int maxLength,
        double averagePrefix,
        double wordsPerValue,
        int distinctWords)
{
    /** The names of {@link #features()}, in order. */
    public static final List<String> FEATURE_NAMES = List.of(
            "laneWidth",
            "isText",
            "isFloat",
            "isTemporal",
            "rows",
            "nullFraction",
            "distinct",
            "distinctRatio",
            "topFrequency",
            "entropyBits",
            "averageRunLength",
            "repeatFraction",
            "repeatFraction2",
            "ascendingFraction",
            "rangeBits",
            "fits8",
            "fits16",
            "fits32",
            "deltaFits8",
            "deltaFits16",
            "meanDeltaBits",
            "averageLength",
            "maxLength",
            "averagePrefix",
            "wordsPerValue",
            "distinctWords",
            "distinctWordRatio");

    public ColumnProfile
    {
        requireNonNull(type, "type is null");
        if (rows < 0 || nonNull < 0 || nonNull > rows) {
            throw EncodingException.invalidInput("a profile needs 0 <= nonNull <= rows, got %d and %d", nonNull, rows);
        }
        if (distinct > nonNull) {
            throw EncodingException.invalidInput("a profile cannot have %d distinct values among %d", distinct, nonNull);
        }
    }

    /**
     * Profiles a column in one pass: O(rows) time, and memory for the distinct values it tracks.
     *
     * @throws EncodingException when the column's class does not match the type
     */
    public static ColumnProfile of(ColumnType type, Column column)
    {
        return ColumnProfiler.profile(type, column);
    }

    public double nullFraction()
    {
        return rows == 0 ? 0 : (double) (rows - nonNull) / rows;
    }

    public double distinctRatio()
    {
        return nonNull == 0 ? 0 : (double) distinct / nonNull;
    }

    /** The profile as the learned selector's feature vector, named by {@link #FEATURE_NAMES}. */
    public double[] features()
    {
        ColumnType.Kind kind = type.kind();
        return new double[] {
                Values.width(type),
                type.isText() ? 1 : 0,
                kind == ColumnType.Kind.REAL || kind == ColumnType.Kind.DOUBLE ? 1 : 0,
                type.isTemporal() ? 1 : 0,
                rows,
                nullFraction(),
                distinct,
                distinctRatio(),
                topFrequency,
                entropyBits,
                averageRunLength,
                repeatFraction,
                repeatFraction2,
                ascendingFraction,
                rangeBits,
                fits8,
                fits16,
                fits32,
                deltaFits8,
                deltaFits16,
                meanDeltaBits,
                averageLength,
                maxLength,
                averagePrefix,
                wordsPerValue,
                distinctWords,
                nonNull == 0 ? 0 : (double) distinctWords / Math.max(1, wordsPerValue * nonNull),
        };
    }
}
