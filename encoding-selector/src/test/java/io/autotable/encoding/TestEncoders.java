package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.catalog.ColumnType.Kind;
import io.autotable.design.Encoding;
import io.autotable.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.autotable.design.Encoding.AZ64;
import static io.autotable.design.Encoding.BYTEDICT;
import static io.autotable.design.Encoding.DELTA;
import static io.autotable.design.Encoding.DELTA32K;
import static io.autotable.design.Encoding.LZO;
import static io.autotable.design.Encoding.MOSTLY16;
import static io.autotable.design.Encoding.MOSTLY32;
import static io.autotable.design.Encoding.MOSTLY8;
import static io.autotable.design.Encoding.RAW;
import static io.autotable.design.Encoding.RUNLENGTH;
import static io.autotable.design.Encoding.TEXT255;
import static io.autotable.design.Encoding.TEXT32K;
import static io.autotable.design.Encoding.ZSTD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TestEncoders
{
    @Test
    public void hasOneEncoderPerEncoding()
    {
        for (Encoding encoding : Encoding.values()) {
            assertThat(Encoders.forEncoding(encoding).encoding()).isEqualTo(encoding);
        }
        assertThat(Encoders.all()).extracting(Encoder::encoding).containsExactly(Encoding.values());
    }

    @Test
    public void listsRedshiftsEncodingsForEachType()
    {
        assertApplicable(ColumnType.of(Kind.SMALLINT), RAW, AZ64, BYTEDICT, DELTA, LZO, MOSTLY8, RUNLENGTH, ZSTD);
        assertApplicable(ColumnType.of(Kind.INTEGER), RAW, AZ64, BYTEDICT, DELTA, DELTA32K, LZO, MOSTLY8, MOSTLY16, RUNLENGTH, ZSTD);
        assertApplicable(ColumnType.of(Kind.BIGINT), RAW, AZ64, BYTEDICT, DELTA, DELTA32K, LZO, MOSTLY8, MOSTLY16, MOSTLY32, RUNLENGTH, ZSTD);
        assertApplicable(ColumnType.decimal(12, 2), RAW, AZ64, BYTEDICT, DELTA, DELTA32K, LZO, MOSTLY8, MOSTLY16, MOSTLY32, RUNLENGTH, ZSTD);
        assertApplicable(ColumnType.of(Kind.REAL), RAW, BYTEDICT, RUNLENGTH, ZSTD);
        assertApplicable(ColumnType.of(Kind.DOUBLE), RAW, BYTEDICT, RUNLENGTH, ZSTD);
        assertApplicable(ColumnType.of(Kind.BOOLEAN), RAW, RUNLENGTH, ZSTD);
        assertApplicable(ColumnType.character(3), RAW, BYTEDICT, LZO, RUNLENGTH, ZSTD);
        assertApplicable(ColumnType.varchar(100), RAW, BYTEDICT, LZO, RUNLENGTH, TEXT255, TEXT32K, ZSTD);
        assertApplicable(ColumnType.of(Kind.DATE), RAW, AZ64, BYTEDICT, DELTA, DELTA32K, LZO, RUNLENGTH, ZSTD);
        assertApplicable(ColumnType.of(Kind.TIMESTAMP), RAW, AZ64, BYTEDICT, DELTA, DELTA32K, LZO, RUNLENGTH, ZSTD);
        assertApplicable(ColumnType.of(Kind.TIMESTAMPTZ), RAW, AZ64, BYTEDICT, LZO, RUNLENGTH, ZSTD);
        assertApplicable(ColumnType.of(Kind.TIME), RAW, LZO, RUNLENGTH, ZSTD);
    }

    @Test
    public void agreesWithTheApplicabilityTable()
    {
        for (Encoder encoder : Encoders.all()) {
            for (Kind kind : Kind.values()) {
                ColumnType type = switch (kind) {
                    case CHAR -> ColumnType.character(1);
                    case VARCHAR -> ColumnType.varchar(1);
                    case DECIMAL -> ColumnType.decimal(10, 0);
                    default -> ColumnType.of(kind);
                };
                assertThat(encoder.appliesTo(type)).isEqualTo(EncodingTypes.kinds(encoder.encoding()).contains(kind));
            }
        }
    }

    @Test
    public void namesTheOffsetOfAMalformedBlock()
    {
        ColumnType type = ColumnType.of(Kind.BIGINT);
        Encoder raw = Encoders.forEncoding(RAW);
        byte[] block = raw.encode(type, LongColumn.of(1, 2, 3)).get(0);
        // the values start after the 6-byte header: 24 bytes needed there, 21 left
        byte[] truncated = Arrays.copyOf(block, block.length - 3);
        assertThatThrownBy(() -> raw.decode(type, truncated))
                .isInstanceOfSatisfying(EncodingException.class, e -> {
                    assertThat(e.offset()).hasValue(6);
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                })
                .hasMessageStartingWith("malformed encoded block at byte 6: truncated values");
    }

    @Test
    public void rejectsBytedictIndexBeyondItsDictionary()
    {
        ColumnType type = ColumnType.of(Kind.INTEGER);
        Encoder bytedict = Encoders.forEncoding(BYTEDICT);
        byte[] block = bytedict.encode(type, LongColumn.of(7, 7, 9)).get(0);
        // header 6, entry count, two 4-byte entries, then the indexes 0 0 1
        assertThat(block).hasSize(6 + 1 + 8 + 3);
        block[block.length - 1] = 2;
        assertThatThrownBy(() -> bytedict.decode(type, block))
                .isInstanceOfSatisfying(EncodingException.class, e -> assertThat(e.offset()).hasValue(block.length - 1))
                .hasMessageContaining("dictionary index 2 beyond 2 entries");
    }

    @Test
    public void rejectsDecodedValuesOutsideTheType()
    {
        ColumnType type = ColumnType.of(Kind.SMALLINT);
        // DELTA, 2 rows, no nulls: escape then 32767, then a delta of +1 that leaves SMALLINT's range
        byte[] block = {(byte) DELTA.ordinal(), 2, 0, 0, 0, 0, (byte) 0x80, (byte) 0xFF, 0x7F, 1};
        assertThatThrownBy(() -> Encoders.forEncoding(DELTA).decode(type, block))
                .isInstanceOfSatisfying(EncodingException.class, e -> assertThat(e.offset()).hasValue(6))
                .hasMessageContaining("value 32768 at row 1 is out of range for SMALLINT");
    }

    @Test
    public void cutsRawBlocksWhereTheNextValueNoLongerFits()
    {
        long[] values = new long[300_000];
        List<byte[]> blocks = Encoders.forEncoding(RAW).encode(ColumnType.of(Kind.BIGINT), LongColumn.of(values));
        // 6 header bytes and a bitmap of ceil(rows / 8) bytes are reserved whether or not nulls come
        int rowsPerBlock = 0;
        while (6 + (rowsPerBlock + 1 + 7) / 8 + 8L * (rowsPerBlock + 1) <= Encoder.MAX_BLOCK_BYTES) {
            rowsPerBlock++;
        }
        assertThat(blocks).hasSize((values.length + rowsPerBlock - 1) / rowsPerBlock);
        assertThat(blocks.get(0)).hasSize(6 + 8 * rowsPerBlock);
    }

    private static void assertApplicable(ColumnType type, Encoding... encodings)
    {
        List<Encoding> applicable = Encoders.applicable(type).stream().map(Encoder::encoding).toList();
        assertThat(applicable).as("encodings of %s", type).containsExactly(encodings);
    }
}
