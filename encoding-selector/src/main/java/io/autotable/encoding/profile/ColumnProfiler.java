package io.autotable.encoding.profile;

import io.autotable.catalog.ColumnType;
import io.autotable.encoding.Column;
import io.autotable.encoding.ColumnProfile;
import io.autotable.encoding.DoubleColumn;
import io.autotable.encoding.EncodingException;
import io.autotable.encoding.LongColumn;
import io.autotable.encoding.TextColumn;
import io.autotable.encoding.block.Values;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Computes a {@link ColumnProfile} in one pass over the values: each value is hashed into a
 * bounded counter (distinct count, most common share, entropy) and compared with the previous
 * non-null value (runs, order, deltas, shared prefix). Text is read byte by byte once, the value's
 * hash built from its words' hashes. O(rows + text bytes) time; O(min(rows, {@link
 * #MAX_TRACKED_DISTINCT})) memory.
 */
public final class ColumnProfiler
{
    /**
     * Distinct values (and words) counted exactly; at the next one counting stops, the count is a
     * lower bound and the most common share and entropy describe the values read until then.
     */
    public static final int MAX_TRACKED_DISTINCT = 1 << 13;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private ColumnProfiler() {}

    public static ColumnProfile profile(ColumnType type, Column column)
    {
        requireNonNull(type, "type is null");
        requireNonNull(column, "column is null");
        return switch (type.kind()) {
            case CHAR, VARCHAR -> {
                if (!(column instanceof TextColumn text)) {
                    throw EncodingException.invalidInput("%s takes a TextColumn, got %s", type, column.getClass().getSimpleName());
                }
                yield text(type, text.values(), text.nulls());
            }
            case REAL, DOUBLE -> {
                if (!(column instanceof DoubleColumn doubles)) {
                    throw EncodingException.invalidInput("%s takes a DoubleColumn, got %s", type, column.getClass().getSimpleName());
                }
                yield doubles(type, doubles.values(), doubles.nulls());
            }
            default -> {
                if (!(column instanceof LongColumn longs)) {
                    throw EncodingException.invalidInput("%s takes a LongColumn, got %s", type, column.getClass().getSimpleName());
                }
                yield longs(type, longs.values(), longs.nulls());
            }
        };
    }

    private static ColumnProfile longs(ColumnType type, long[] values, boolean[] nulls)
    {
        int rows = values.length;
        ValueCounter counter = new ValueCounter(rows, MAX_TRACKED_DISTINCT);
        ContextPredictor context = new ContextPredictor();
        int nonNull = 0;
        int runs = 0;
        int pairs = 0;
        int ascending = 0;
        int fits8 = 0;
        int fits16 = 0;
        int fits32 = 0;
        int deltaFits8 = 0;
        int deltaFits16 = 0;
        long deltaBits = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long previous = 0;
        for (int i = 0; i < rows; i++) {
            if (nulls[i]) {
                continue;
            }
            long value = values[i];
            long hash = ValueCounter.mix(value);
            counter.add(hash);
            context.add(hash);
            min = Math.min(min, value);
            max = Math.max(max, value);
            // MOSTLYn reserves the smallest code as its escape: value + 2^(k-1) - 1 in 0..2^k - 2, compared unsigned, without branches
            fits8 += Long.compareUnsigned(value + 127, 255) < 0 ? 1 : 0;
            fits16 += Long.compareUnsigned(value + 32767, 65535) < 0 ? 1 : 0;
            fits32 += Long.compareUnsigned(value + Integer.MAX_VALUE, 0xFFFF_FFFFL) < 0 ? 1 : 0;
            if (nonNull > 0) {
                pairs++;
                runs += value != previous ? 1 : 0;
                ascending += value >= previous ? 1 : 0;
                long delta = value - previous;
                boolean overflow = ((value ^ previous) & (value ^ delta)) < 0;
                if (overflow) {
                    deltaBits += 64;
                }
                else {
                    deltaFits8 += Long.compareUnsigned(delta + 127, 255) < 0 ? 1 : 0;
                    deltaFits16 += Long.compareUnsigned(delta + 32767, 65535) < 0 ? 1 : 0;
                    deltaBits += 64 - Long.numberOfLeadingZeros((delta << 1) ^ (delta >> 63));
                }
            }
            else {
                runs = 1;
            }
            previous = value;
            nonNull++;
        }
        int width = Values.width(type);
        int rangeBits = nonNull == 0 ? 0 : 64 - Long.numberOfLeadingZeros(max - min);
        return new ColumnProfile(
                type,
                rows,
                nonNull,
                (long) nonNull * width,
                counter.distinct(),
                counter.topFrequency(),
                counter.entropyBits(),
                runs == 0 ? 0 : (double) nonNull / runs,
                context.hitFraction(),
                context.hitFraction2(),
                share(ascending, pairs),
                rangeBits,
                share(fits8, nonNull),
                share(fits16, nonNull),
                share(fits32, nonNull),
                share(deltaFits8, pairs),
                share(deltaFits16, pairs),
                pairs == 0 ? 0 : (double) deltaBits / pairs,
                0,
                0,
                0,
                0,
                0);
    }

    private static ColumnProfile doubles(ColumnType type, double[] values, boolean[] nulls)
    {
        int rows = values.length;
        ValueCounter counter = new ValueCounter(rows, MAX_TRACKED_DISTINCT);
        ContextPredictor context = new ContextPredictor();
        int nonNull = 0;
        int runs = 0;
        int pairs = 0;
        int ascending = 0;
        long previousBits = 0;
        double previous = 0;
        for (int i = 0; i < rows; i++) {
            if (nulls[i]) {
                continue;
            }
            double value = values[i];
            long bits = Double.doubleToRawLongBits(value);
            long hash = ValueCounter.mix(bits);
            counter.add(hash);
            context.add(hash);
            if (nonNull > 0) {
                pairs++;
                if (bits != previousBits) {
                    runs++;
                }
                if (Double.compare(value, previous) >= 0) {
                    ascending++;
                }
            }
            else {
                runs = 1;
            }
            previous = value;
            previousBits = bits;
            nonNull++;
        }
        return new ColumnProfile(
                type,
                rows,
                nonNull,
                (long) nonNull * Values.width(type),
                counter.distinct(),
                counter.topFrequency(),
                counter.entropyBits(),
                runs == 0 ? 0 : (double) nonNull / runs,
                context.hitFraction(),
                context.hitFraction2(),
                share(ascending, pairs),
                nonNull == 0 ? 0 : Values.width(type) * 8,
                0,
                0,
                0,
                0,
                0,
                nonNull == 0 ? 0 : Values.width(type) * 8,
                0,
                0,
                0,
                0,
                0);
    }

    private static ColumnProfile text(ColumnType type, byte[][] values, boolean[] nulls)
    {
        int rows = values.length;
        ValueCounter counter = new ValueCounter(rows, MAX_TRACKED_DISTINCT);
        ValueCounter words = new ValueCounter((int) Math.min(4L * rows, MAX_TRACKED_DISTINCT), MAX_TRACKED_DISTINCT);
        ContextPredictor context = new ContextPredictor();
        int nonNull = 0;
        int runs = 0;
        int pairs = 0;
        int ascending = 0;
        long bytes = 0;
        long wordCount = 0;
        long prefixBytes = 0;
        int maxLength = 0;
        byte[] previous = null;
        for (int i = 0; i < rows; i++) {
            if (nulls[i]) {
                continue;
            }
            byte[] value = values[i];
            int length = value.length;
            long valueHash = length;
            long wordHash = FNV_OFFSET;
            for (int j = 0; j < length; j++) {
                byte b = value[j];
                if (b == ' ') {
                    words.add(ValueCounter.mix(wordHash));
                    valueHash = valueHash * 31 + wordHash;
                    wordHash = FNV_OFFSET;
                    wordCount++;
                }
                else {
                    wordHash = (wordHash ^ (b & 0xFF)) * FNV_PRIME;
                }
            }
            words.add(ValueCounter.mix(wordHash));
            valueHash = valueHash * 31 + wordHash;
            wordCount++;
            long hash = ValueCounter.mix(valueHash);
            counter.add(hash);
            context.add(hash);

            bytes += length;
            maxLength = Math.max(maxLength, length);
            if (previous != null) {
                pairs++;
                int mismatch = Arrays.mismatch(previous, value);
                if (mismatch < 0) {
                    ascending++;
                    prefixBytes += length;
                }
                else {
                    runs++;
                    prefixBytes += mismatch;
                    if (mismatch == previous.length || (mismatch < length && (value[mismatch] & 0xFF) > (previous[mismatch] & 0xFF))) {
                        ascending++;
                    }
                }
            }
            else {
                runs = 1;
            }
            previous = value;
            nonNull++;
        }
        return new ColumnProfile(
                type,
                rows,
                nonNull,
                bytes,
                counter.distinct(),
                counter.topFrequency(),
                counter.entropyBits(),
                runs == 0 ? 0 : (double) nonNull / runs,
                context.hitFraction(),
                context.hitFraction2(),
                share(ascending, pairs),
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                nonNull == 0 ? 0 : (double) bytes / nonNull,
                maxLength,
                pairs == 0 ? 0 : (double) prefixBytes / pairs,
                nonNull == 0 ? 0 : (double) wordCount / nonNull,
                words.distinct());
    }

    private static double share(long part, long whole)
    {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
