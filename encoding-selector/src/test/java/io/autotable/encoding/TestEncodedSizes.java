package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.design.Encoding;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each encoding is small on the data it is made for, which is what the selector relies on.
 */
public class TestEncodedSizes
{
    private static final ColumnType BIGINT = ColumnType.of(ColumnType.Kind.BIGINT);
    private static final ColumnType VARCHAR = ColumnType.varchar(200);
    private static final int ROWS = 100_000;

    @Test
    public void rawTakesTheTypesWidth()
    {
        assertThat(size(Encoding.RAW, BIGINT, sortedIds())).isEqualTo(6 + 8L * ROWS);
        assertThat(size(Encoding.RAW, ColumnType.of(ColumnType.Kind.SMALLINT), random(-100, 100))).isEqualTo(6 + 2L * ROWS);
        assertThat(size(Encoding.RAW, ColumnType.of(ColumnType.Kind.BOOLEAN), random(0, 1))).isEqualTo(6 + ROWS);
    }

    @Test
    public void runLengthIsTinyOnLongRuns()
    {
        long[] values = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            values[i] = i / 1000;
        }
        // 100 runs of value and length
        assertThat(size(Encoding.RUNLENGTH, BIGINT, LongColumn.of(values))).isLessThan(1_200);
    }

    @Test
    public void deltaTakesAByteOrTwoPerSortedId()
    {
        assertThat(size(Encoding.DELTA, BIGINT, sortedIds())).isBetween((long) ROWS, ROWS + 100L);
        assertThat(size(Encoding.DELTA32K, BIGINT, sortedIds())).isBetween(2L * ROWS, 2L * ROWS + 100);
        assertThat(size(Encoding.DELTA, BIGINT, random(Long.MIN_VALUE, Long.MAX_VALUE))).isGreaterThan(9L * ROWS);
    }

    @Test
    public void byteDictTakesAByteOnLowCardinality()
    {
        assertThat(size(Encoding.BYTEDICT, BIGINT, random(0, 200))).isBetween((long) ROWS, ROWS + 2_000L);
        // beyond 255 distinct values a block's extra values are escaped and written raw
        assertThat(size(Encoding.BYTEDICT, BIGINT, random(Long.MIN_VALUE, Long.MAX_VALUE))).isGreaterThan(8L * ROWS);
    }

    @Test
    public void mostlyTakesItsNarrowWidthWhenValuesFit()
    {
        assertThat(size(Encoding.MOSTLY8, BIGINT, random(-100, 100))).isEqualTo(6 + ROWS);
        assertThat(size(Encoding.MOSTLY16, BIGINT, random(-30_000, 30_000))).isEqualTo(6 + 2L * ROWS);
        assertThat(size(Encoding.MOSTLY32, BIGINT, random(-1_000_000, 1_000_000))).isEqualTo(6 + 4L * ROWS);
    }

    @Test
    public void az64PacksSmallRangesIntoFewBits()
    {
        // 10 bits a value plus 9 bytes a group of 128
        assertThat(size(Encoding.AZ64, BIGINT, random(5_000_000, 5_001_000))).isLessThan(ROWS * 10L / 8 + ROWS / 128 * 9 + 100);
        assertThat(size(Encoding.AZ64, BIGINT, sortedIds())).isLessThan(ROWS * 7L / 8 + ROWS / 128 * 9 + 100);
    }

    @Test
    public void textAndCompressorsShrinkRepetitiveText()
    {
        SplittableRandom random = new SplittableRandom(7);
        String[] words = {"shipped", "returned", "pending", "by", "air", "truck", "rail", "mail"};
        byte[][] values = new byte[ROWS][];
        for (int i = 0; i < ROWS; i++) {
            // 64 distinct values of two words each
            values[i] = (words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)]).getBytes(StandardCharsets.UTF_8);
        }
        TextColumn column = TextColumn.of(values);
        long raw = size(Encoding.RAW, VARCHAR, column);
        assertThat(size(Encoding.TEXT255, VARCHAR, column)).isLessThan(raw / 4);
        assertThat(size(Encoding.TEXT32K, VARCHAR, column)).isLessThan(raw / 2);
        assertThat(size(Encoding.BYTEDICT, VARCHAR, column)).isLessThan(raw / 10);
        assertThat(size(Encoding.LZO, VARCHAR, column)).isLessThan(raw);
        assertThat(size(Encoding.ZSTD, VARCHAR, column)).isLessThan(raw / 3);
    }

    private static LongColumn sortedIds()
    {
        long[] values = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            values[i] = 1 + i;
        }
        return LongColumn.of(values);
    }

    private static LongColumn random(long min, long max)
    {
        SplittableRandom random = new SplittableRandom(min ^ max);
        long[] values = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            values[i] = min == Long.MIN_VALUE ? random.nextLong() : random.nextLong(min, max + 1);
        }
        return LongColumn.of(values);
    }

    private static long size(Encoding encoding, ColumnType type, Column column)
    {
        long size = 0;
        for (byte[] block : Encoders.forEncoding(encoding).encode(type, column)) {
            size += block.length;
        }
        return size;
    }
}
