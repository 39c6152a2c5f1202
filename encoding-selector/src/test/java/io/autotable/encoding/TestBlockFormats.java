package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.catalog.ColumnType.Kind;
import io.autotable.design.Encoding;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The byte formats documented on each encoder, spelled out on tiny columns: the header (encoding
 * ordinal, row count, flags, null bitmap) then the payload, all little-endian.
 */
public class TestBlockFormats
{
    private static final ColumnType INTEGER = ColumnType.of(Kind.INTEGER);
    // 5, null, 5, 7: 4 rows, flags 1, bitmap 0b0010
    private static final LongColumn WITH_NULL = new LongColumn(new long[] {5, 0, 5, 7}, new boolean[] {false, true, false, false});
    private static final String HEADER = "04000000" + "01" + "02";

    @Test
    public void rawWritesEachValueInTheTypesWidth()
    {
        assertBlock(Encoding.RAW, INTEGER, WITH_NULL, "00" + HEADER + "05000000" + "05000000" + "07000000");
        assertBlock(Encoding.RAW, ColumnType.varchar(5), TextColumn.of(utf8("ab"), null), "00" + "02000000" + "01" + "02" + "0200" + "6162");
    }

    @Test
    public void runLengthWritesValueThenVarintRunLength()
    {
        assertBlock(Encoding.RUNLENGTH, INTEGER, WITH_NULL, "09" + HEADER + "05000000" + "02" + "07000000" + "01");
    }

    @Test
    public void byteDictWritesDictionaryThenOneByteIndexes()
    {
        assertBlock(Encoding.BYTEDICT, INTEGER, WITH_NULL, "02" + HEADER + "02" + "05000000" + "07000000" + "000001");
    }

    @Test
    public void deltaWritesDifferencesFromThePreviousValue()
    {
        assertBlock(Encoding.DELTA, INTEGER, WITH_NULL, "03" + HEADER + "05" + "00" + "02");
        assertBlock(Encoding.DELTA32K, INTEGER, WITH_NULL, "04" + HEADER + "0500" + "0000" + "0200");
        // -128 is the escape: 1000 does not fit a byte
        assertBlock(Encoding.DELTA, INTEGER, LongColumn.of(1000, 999), "03" + "02000000" + "00" + "80" + "e8030000" + "ff");
    }

    @Test
    public void mostlyWritesNarrowValuesAndEscapesTheOthers()
    {
        assertBlock(Encoding.MOSTLY8, INTEGER, WITH_NULL, "06" + HEADER + "05" + "05" + "07");
        assertBlock(Encoding.MOSTLY8, ColumnType.of(Kind.BIGINT), LongColumn.of(300, -128, -127), "06" + "03000000" + "00" + "80" + "2c01000000000000" + "80" + "80ffffffffffffff" + "81");
    }

    @Test
    public void az64WritesMinimumBitWidthAndPackedOffsets()
    {
        // offsets 0, 0, 2 in 2 bits each: 0b10_00_00
        assertBlock(Encoding.AZ64, INTEGER, WITH_NULL, "01" + HEADER + "05000000" + "02" + "20");
    }

    @Test
    public void text255WritesWordDictionaryThenWordIndexes()
    {
        TextColumn column = TextColumn.of(utf8("a b"), utf8("b a a"), utf8(""));
        assertBlock(Encoding.TEXT255, ColumnType.varchar(10), column,
                "0a" + "03000000" + "00"
                        + "03" + "0161" + "0162" + "00"
                        + "02" + "0001"
                        + "03" + "010000"
                        + "01" + "02");
    }

    private static void assertBlock(Encoding encoding, ColumnType type, Column column, String hex)
    {
        Encoder encoder = Encoders.forEncoding(encoding);
        List<byte[]> blocks = encoder.encode(type, column);
        assertThat(blocks).hasSize(1);
        assertThat(HexFormat.of().formatHex(blocks.get(0))).isEqualTo(hex);
        TestingColumns.assertSameColumn(encoder.decode(type, blocks.get(0)), column);
    }

    private static byte[] utf8(String value)
    {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
