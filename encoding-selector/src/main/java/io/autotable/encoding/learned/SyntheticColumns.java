package io.autotable.encoding.learned;

import io.autotable.catalog.ColumnType;
import io.autotable.catalog.ColumnType.Kind;
import io.autotable.encoding.Column;
import io.autotable.encoding.DoubleColumn;
import io.autotable.encoding.EncodingException;
import io.autotable.encoding.LongColumn;
import io.autotable.encoding.TextColumn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Synthetic columns drawn from seeded distributions, the part of the learned selector's corpus
 * that covers shapes the benchmarks lack. Each column picks a type and a {@link Shape}, a size
 * between {@code minRows} and {@code maxRows} (log-uniform) and, for one column in three, a null
 * fraction up to 0.9. The same random state gives the same columns.
 */
public final class SyntheticColumns
{
    public static final String DATASET = "synthetic";

    /** How a synthetic column's values are drawn. */
    public enum Shape
    {
        /** Uniform over a range of 1 to 63 bits above a random base. */
        UNIFORM,
        /** Zipf-distributed draws from a palette of 2 to 100,000 values (exponent 0.5 to 2). */
        ZIPF,
        /** Uniform draws, sorted. */
        SORTED,
        /** An increasing sequence with a random step and occasional gaps (surrogate keys). */
        SEQUENCE,
        /** A few values repeated in runs of random length. */
        RUNS,
        /** Increasing event times with random gaps (microseconds, or days for DATE). */
        TIMESTAMPS,
        /** Mostly small values with a share of large exceptions. */
        SMALL_WITH_OUTLIERS,
        /** Prices: cents in a range, as DECIMAL(12,2)-like unscaled values. */
        MONEY,
    }

    /** How a synthetic text column's values are drawn. */
    public enum TextShape
    {
        /** Zipf draws from 2 to 2,000 short phrases. */
        LOW_CARDINALITY,
        /** 1 to 20 words from a Zipf vocabulary of 50 to 20,000 words. */
        FREE_TEXT,
        /** A fixed prefix and a zero-padded increasing number ({@code Customer#000000123}). */
        PADDED_CODES,
        /** Random hexadecimal identifiers. */
        HEX_IDS,
        /** Phrases in runs. */
        RUNS,
        /** Sorted random words. */
        SORTED_WORDS,
    }

    private static final List<ColumnType> NUMERIC_TYPES = List.of(
            ColumnType.of(Kind.SMALLINT),
            ColumnType.of(Kind.INTEGER),
            ColumnType.of(Kind.BIGINT),
            ColumnType.decimal(12, 2),
            ColumnType.decimal(18, 4),
            ColumnType.of(Kind.DATE),
            ColumnType.of(Kind.TIMESTAMP),
            ColumnType.of(Kind.REAL),
            ColumnType.of(Kind.DOUBLE),
            ColumnType.of(Kind.BOOLEAN));

    private SyntheticColumns() {}

    /**
     * @param count how many columns
     * @param minRows fewest values in a column
     * @param maxRows most values in a column
     */
    public static List<TrainingColumn> generate(int count, int minRows, int maxRows, SplittableRandom random)
    {
        requireNonNull(random, "random is null");
        if (count < 0 || minRows < 1 || maxRows < minRows) {
            throw EncodingException.invalidInput("synthetic columns need count >= 0 and 1 <= minRows <= maxRows, got %d, %d, %d", count, minRows, maxRows);
        }
        List<TrainingColumn> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int rows = (int) Math.round(Math.exp(Math.log(minRows) + random.nextDouble() * (Math.log(maxRows) - Math.log(minRows))));
            double nullFraction = random.nextInt(3) == 0 ? random.nextDouble() * 0.9 : 0;
            if (random.nextInt(3) == 0) {
                TextShape shape = TextShape.values()[random.nextInt(TextShape.values().length)];
                ColumnType type = random.nextInt(4) == 0 ? ColumnType.character(24) : ColumnType.varchar(256);
                columns.add(new TrainingColumn(DATASET, "c" + i + "_" + shape.name().toLowerCase(Locale.ROOT), type,
                        text(type, shape, rows, nullFraction, random.split())));
            }
            else {
                Shape shape = Shape.values()[random.nextInt(Shape.values().length)];
                ColumnType type = NUMERIC_TYPES.get(random.nextInt(NUMERIC_TYPES.size()));
                columns.add(new TrainingColumn(DATASET, "c" + i + "_" + shape.name().toLowerCase(Locale.ROOT), type,
                        numeric(type, shape, rows, nullFraction, random.split())));
            }
        }
        return List.copyOf(columns);
    }

    /** One column of the shape, its values fit to the type. */
    public static Column numeric(ColumnType type, Shape shape, int rows, double nullFraction, SplittableRandom random)
    {
        long[] draws = new long[rows];
        switch (shape) {
            case UNIFORM -> {
                int bits = 1 + random.nextInt(63);
                long base = random.nextInt(4) == 0 ? random.nextLong() >> random.nextInt(64) : 0;
                for (int i = 0; i < rows; i++) {
                    draws[i] = base + (random.nextLong() >>> (64 - bits));
                }
            }
            case ZIPF -> {
                long[] palette = palette(2 + (int) Math.round(Math.exp(random.nextDouble() * Math.log(100_000))), random);
                double exponent = 0.5 + random.nextDouble() * 1.5;
                Zipf zipf = new Zipf(palette.length, exponent);
                for (int i = 0; i < rows; i++) {
                    draws[i] = palette[zipf.sample(random)];
                }
            }
            case SORTED -> {
                int bits = 1 + random.nextInt(40);
                for (int i = 0; i < rows; i++) {
                    draws[i] = random.nextLong() >>> (64 - bits);
                }
                Arrays.sort(draws);
            }
            case SEQUENCE -> {
                long value = random.nextLong(1_000_000_000L);
                int step = random.nextInt(4) == 0 ? 1 + random.nextInt(1000) : 1;
                double gaps = random.nextDouble() * 0.2;
                for (int i = 0; i < rows; i++) {
                    value += random.nextDouble() < gaps ? step * (2L + random.nextInt(100)) : step;
                    draws[i] = value;
                }
            }
            case RUNS -> {
                long[] palette = palette(1 + random.nextInt(50), random);
                int meanRun = 2 + random.nextInt(500);
                long value = palette[0];
                for (int i = 0; i < rows; i++) {
                    if (random.nextInt(meanRun) == 0) {
                        value = palette[random.nextInt(palette.length)];
                    }
                    draws[i] = value;
                }
            }
            case TIMESTAMPS -> {
                long value = 946_684_800_000_000L + random.nextLong(700_000_000_000_000L);
                long meanGap = 1L << random.nextInt(36);
                for (int i = 0; i < rows; i++) {
                    value += (long) (-Math.log(1 - random.nextDouble()) * meanGap);
                    draws[i] = value;
                }
            }
            case SMALL_WITH_OUTLIERS -> {
                int smallBits = 1 + random.nextInt(15);
                double outliers = random.nextDouble() * 0.2;
                for (int i = 0; i < rows; i++) {
                    draws[i] = random.nextDouble() < outliers ? random.nextLong() >> random.nextInt(40) : random.nextLong(1L << smallBits) - (1L << (smallBits - 1));
                }
            }
            case MONEY -> {
                long low = random.nextInt(10_000);
                long high = low + 1 + (long) Math.exp(random.nextDouble() * Math.log(100_000_000));
                for (int i = 0; i < rows; i++) {
                    draws[i] = random.nextLong(low, high + 1);
                }
            }
        }
        return column(type, draws, nulls(rows, nullFraction, random));
    }

    private static long[] palette(int size, SplittableRandom random)
    {
        long[] palette = new long[size];
        int bits = 1 + random.nextInt(62);
        for (int i = 0; i < size; i++) {
            palette[i] = random.nextLong() >>> (64 - bits);
        }
        return palette;
    }

    private static boolean[] nulls(int rows, double nullFraction, SplittableRandom random)
    {
        boolean[] nulls = new boolean[rows];
        if (nullFraction > 0) {
            for (int i = 0; i < rows; i++) {
                nulls[i] = random.nextDouble() < nullFraction;
            }
        }
        return nulls;
    }

    /** Fits integer draws to the type: wraps them into its range, scales them for REAL and DOUBLE. */
    private static Column column(ColumnType type, long[] draws, boolean[] nulls)
    {
        int rows = draws.length;
        if (type.kind() == Kind.REAL || type.kind() == Kind.DOUBLE) {
            double[] values = new double[rows];
            for (int i = 0; i < rows; i++) {
                if (!nulls[i]) {
                    double value = (draws[i] % 100_000_000_000L) / 100.0;
                    values[i] = type.kind() == Kind.REAL ? (float) value : value;
                }
            }
            return new DoubleColumn(values, nulls);
        }
        long[] values = new long[rows];
        for (int i = 0; i < rows; i++) {
            if (!nulls[i]) {
                values[i] = fit(type, draws[i]);
            }
        }
        return new LongColumn(values, nulls);
    }

    private static long fit(ColumnType type, long draw)
    {
        return switch (type.kind()) {
            case BOOLEAN -> draw & 1;
            case SMALLINT -> (short) draw;
            case INTEGER -> (int) draw;
            // days within years 1..9999 keep DATE printable
            case DATE -> Math.floorMod(draw, 3_600_000L) - 700_000L;
            case DECIMAL -> type.precision() >= 18 ? draw % 999_999_999_999_999_999L : draw % pow10(type.precision());
            default -> draw;
        };
    }

    private static long pow10(int exponent)
    {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    /** One text column of the shape. */
    public static Column text(ColumnType type, TextShape shape, int rows, double nullFraction, SplittableRandom random)
    {
        boolean[] nulls = nulls(rows, nullFraction, random);
        byte[][] values = new byte[rows][];
        int maxLength = type.length();
        switch (shape) {
            case LOW_CARDINALITY -> {
                String[] vocabulary = vocabulary(20 + random.nextInt(200), random);
                String[] phrases = new String[2 + (int) Math.round(Math.exp(random.nextDouble() * Math.log(2_000)))];
                for (int i = 0; i < phrases.length; i++) {
                    phrases[i] = phrase(vocabulary, 1 + random.nextInt(3), new Zipf(vocabulary.length, 1.0), random);
                }
                Zipf zipf = new Zipf(phrases.length, 0.5 + random.nextDouble() * 1.5);
                for (int i = 0; i < rows; i++) {
                    values[i] = utf8(phrases[zipf.sample(random)], maxLength);
                }
            }
            case FREE_TEXT -> {
                String[] vocabulary = vocabulary(50 + (int) Math.round(Math.exp(random.nextDouble() * Math.log(20_000))), random);
                Zipf zipf = new Zipf(vocabulary.length, 0.8 + random.nextDouble() * 0.6);
                int maxWords = 1 + random.nextInt(20);
                for (int i = 0; i < rows; i++) {
                    values[i] = utf8(phrase(vocabulary, 1 + random.nextInt(maxWords), zipf, random), maxLength);
                }
            }
            case PADDED_CODES -> {
                String prefix = vocabulary(1, random)[0] + "#";
                long value = random.nextInt(1000);
                boolean sorted = random.nextBoolean();
                for (int i = 0; i < rows; i++) {
                    value = sorted ? value + 1 : random.nextInt(10_000_000);
                    values[i] = utf8(prefix + String.format(Locale.ROOT, "%09d", value), maxLength);
                }
            }
            case HEX_IDS -> {
                int digits = 8 + random.nextInt(25);
                for (int i = 0; i < rows; i++) {
                    StringBuilder id = new StringBuilder(digits);
                    for (int j = 0; j < digits; j++) {
                        id.append(Character.forDigit(random.nextInt(16), 16));
                    }
                    values[i] = utf8(id.toString(), maxLength);
                }
            }
            case RUNS -> {
                String[] phrases = vocabulary(1 + random.nextInt(50), random);
                int meanRun = 2 + random.nextInt(500);
                String value = phrases[0];
                for (int i = 0; i < rows; i++) {
                    if (random.nextInt(meanRun) == 0) {
                        value = phrases[random.nextInt(phrases.length)];
                    }
                    values[i] = utf8(value, maxLength);
                }
            }
            case SORTED_WORDS -> {
                String[] vocabulary = vocabulary(10 + random.nextInt(rows), random);
                String[] drawn = new String[rows];
                for (int i = 0; i < rows; i++) {
                    drawn[i] = vocabulary[random.nextInt(vocabulary.length)];
                }
                Arrays.sort(drawn);
                for (int i = 0; i < rows; i++) {
                    values[i] = utf8(drawn[i], maxLength);
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            if (nulls[i]) {
                values[i] = null;
            }
        }
        return new TextColumn(values, nulls);
    }

    /** Pronounceable made-up words of 2 to 12 letters. */
    private static String[] vocabulary(int size, SplittableRandom random)
    {
        String consonants = "bcdfghjklmnprstvwz";
        String vowels = "aeiou";
        String[] words = new String[size];
        for (int i = 0; i < size; i++) {
            int length = 2 + random.nextInt(11);
            StringBuilder word = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                String letters = j % 2 == 0 ? consonants : vowels;
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
            words[i] = word.toString();
        }
        return words;
    }

    private static String phrase(String[] vocabulary, int words, Zipf zipf, SplittableRandom random)
    {
        StringBuilder phrase = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                phrase.append(' ');
            }
            phrase.append(vocabulary[zipf.sample(random)]);
        }
        return phrase.toString();
    }

    private static byte[] utf8(String value, int maxLength)
    {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= maxLength ? bytes : Arrays.copyOf(bytes, maxLength);
    }

    /** Ranks 0..n-1 with probability proportional to {@code 1 / (rank + 1)^exponent}, by inverting the cumulative sum. */
    private static final class Zipf
    {
        private final double[] cumulative;

        Zipf(int n, double exponent)
        {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, exponent);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int sample(SplittableRandom random)
        {
            int index = Arrays.binarySearch(cumulative, random.nextDouble());
            int rank = index >= 0 ? index : -index - 1;
            return Math.min(rank, cumulative.length - 1);
        }
    }
}
