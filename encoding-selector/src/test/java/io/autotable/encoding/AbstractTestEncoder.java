package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.encoding.TestingColumns.Shape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static io.autotable.encoding.TestingColumns.assertSameColumn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The contract every {@link Encoder} meets, run against each one: byte-exact round trips of
 * seeded random and adversarial columns of every type it applies to, blocks of at most 1 MiB,
 * and decoders that reject truncated or corrupted blocks with {@link EncodingException} only.
 */
public abstract class AbstractTestEncoder
{
    private static final long SEED = 0x5EED_0001L;

    protected abstract Encoder encoder();

    protected final List<ColumnType> applicableTypes()
    {
        List<ColumnType> types = new ArrayList<>();
        for (ColumnType type : TestingColumns.TYPES) {
            if (encoder().appliesTo(type)) {
                types.add(type);
            }
        }
        return types;
    }

    @Test
    public void appliesToSomeType()
    {
        assertThat(applicableTypes()).isNotEmpty();
        assertThat(Encoders.forEncoding(encoder().encoding())).hasSameClassAs(encoder());
    }

    @Test
    public void roundTripsSeededRandomColumns()
    {
        SplittableRandom random = new SplittableRandom(SEED);
        for (ColumnType type : applicableTypes()) {
            for (Shape shape : Shape.values()) {
                for (double nullFraction : new double[] {0, 0.1, 0.9}) {
                    SplittableRandom split = random.split();
                    Column column = TestingColumns.random(type, shape, 1 + split.nextInt(3000), nullFraction, split);
                    assertRoundTrip(type, column);
                }
            }
        }
    }

    @Test
    public void roundTripsEmptyColumn()
    {
        for (ColumnType type : applicableTypes()) {
            Column empty = TestingColumns.allNulls(type, 0);
            List<byte[]> blocks = encoder().encode(type, empty);
            assertThat(blocks).hasSize(1);
            assertRoundTrip(type, empty);
        }
    }

    @Test
    public void roundTripsAllNulls()
    {
        for (ColumnType type : applicableTypes()) {
            assertRoundTrip(type, TestingColumns.allNulls(type, 1));
            assertRoundTrip(type, TestingColumns.allNulls(type, 1000));
        }
    }

    @Test
    public void roundTripsOneValue()
    {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (ColumnType type : applicableTypes()) {
            assertRoundTrip(type, TestingColumns.random(type, Shape.UNIFORM, 1, 0, random));
        }
    }

    @Test
    public void roundTripsExtremes()
    {
        for (ColumnType type : applicableTypes()) {
            assertRoundTrip(type, TestingColumns.extremes(type));
        }
    }

    @Test
    public void roundTripsConstantAndLongRuns()
    {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (ColumnType type : applicableTypes()) {
            Column constant = TestingColumns.random(type, Shape.LOW_CARDINALITY, 1, 0, random);
            Column repeated = TestingColumns.concat(type, Collections.nCopies(100_000, constant));
            assertRoundTrip(type, repeated);
            assertRoundTrip(type, TestingColumns.random(type, Shape.RUNS, 50_000, 0.05, random));
        }
    }

    @Test
    public void roundTripsManyDistinctValues()
    {
        SplittableRandom random = new SplittableRandom(SEED + 3);
        for (ColumnType type : applicableTypes()) {
            assertRoundTrip(type, TestingColumns.random(type, Shape.UNIFORM, 20_000, 0, random));
            assertRoundTrip(type, TestingColumns.random(type, Shape.SORTED, 20_000, 0, random));
        }
    }

    @Test
    public void cutsLargeColumnsIntoBlocksOfAtMostOneMebibyte()
    {
        SplittableRandom random = new SplittableRandom(SEED + 4);
        ColumnType type = applicableTypes().contains(ColumnType.of(ColumnType.Kind.BIGINT))
                ? ColumnType.of(ColumnType.Kind.BIGINT)
                : ColumnType.varchar(ColumnType.MAX_VARCHAR_LENGTH);
        Column column = type.isText()
                ? randomText(random, 30_000, 120)
                : TestingColumns.random(type, Shape.UNIFORM, 400_000, 0.01, random);
        List<byte[]> blocks = assertRoundTrip(type, column);
        assertThat(blocks).hasSizeGreaterThan(1);
        for (int i = 0; i < blocks.size() - 1; i++) {
            // a block ends only when the next value no longer fits
            assertThat(blocks.get(i).length).isGreaterThan(Encoder.MAX_BLOCK_BYTES / 2);
        }
    }

    @Test
    public void rejectsEveryTruncation()
    {
        SplittableRandom random = new SplittableRandom(SEED + 5);
        for (ColumnType type : applicableTypes()) {
            byte[] block = smallBlock(type, random);
            for (int length = 0; length < block.length; length++) {
                byte[] truncated = Arrays.copyOf(block, length);
                assertThatThrownBy(() -> encoder().decode(type, truncated))
                        .as("%s %s truncated to %d of %d bytes", encoder().encoding(), type, length, block.length)
                        .isInstanceOfSatisfying(EncodingException.class, e -> assertThat(e.offset()).isPresent());
            }
        }
    }

    @Test
    public void survivesRandomByteFlips()
    {
        SplittableRandom random = new SplittableRandom(SEED + 6);
        for (ColumnType type : applicableTypes()) {
            byte[] block = smallBlock(type, random);
            for (int trial = 0; trial < 300; trial++) {
                byte[] corrupt = block.clone();
                int flips = 1 + random.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    corrupt[random.nextInt(corrupt.length)] ^= (byte) (1 + random.nextInt(255));
                }
                assertDecodesOrRejects(type, corrupt);
            }
            for (int trial = 0; trial < 50; trial++) {
                byte[] garbage = new byte[random.nextInt(64)];
                random.nextBytes(garbage);
                assertDecodesOrRejects(type, garbage);
            }
        }
    }

    @Test
    public void rejectsBlocksOfAnotherEncoding()
    {
        for (ColumnType type : applicableTypes()) {
            for (Encoder other : Encoders.applicable(type)) {
                if (other.encoding() == encoder().encoding()) {
                    continue;
                }
                byte[] block = other.encode(type, TestingColumns.extremes(type)).get(0);
                assertThatThrownBy(() -> encoder().decode(type, block))
                        .isInstanceOf(EncodingException.class);
            }
        }
    }

    @Test
    public void rejectsTypesItDoesNotApplyTo()
    {
        for (ColumnType type : TestingColumns.TYPES) {
            if (!encoder().appliesTo(type)) {
                assertThatThrownBy(() -> encoder().encode(type, TestingColumns.allNulls(type, 3)))
                        .isInstanceOf(EncodingException.class)
                        .hasMessageContaining("does not apply");
            }
        }
    }

    @Test
    public void rejectsValuesOutsideTheType()
    {
        for (ColumnType type : applicableTypes()) {
            Column bad = switch (type.kind()) {
                case SMALLINT -> LongColumn.of(1, 40_000);
                case INTEGER, DATE -> LongColumn.of(1L << 40);
                case BOOLEAN -> LongColumn.of(2);
                case DECIMAL -> type.precision() > 18 ? null : LongColumn.of(Long.MAX_VALUE);
                case REAL -> DoubleColumn.of(0.1);
                case CHAR, VARCHAR -> type.length() < ColumnType.MAX_VARCHAR_LENGTH ? TextColumn.of(new byte[type.length() + 1]) : null;
                default -> null;
            };
            if (bad != null) {
                assertThatThrownBy(() -> encoder().encode(type, bad))
                        .isInstanceOfSatisfying(EncodingException.class, e -> assertThat(e.offset()).isEmpty());
            }
            Column wrongClass = type.isText() ? LongColumn.of(1) : TextColumn.of(new byte[1]);
            assertThatThrownBy(() -> encoder().encode(type, wrongClass))
                    .isInstanceOf(EncodingException.class);
        }
    }

    private byte[] smallBlock(ColumnType type, SplittableRandom random)
    {
        Column column = TestingColumns.random(type, Shape.LOW_CARDINALITY, 40, 0.2, random);
        List<byte[]> blocks = encoder().encode(type, column);
        assertThat(blocks).hasSize(1);
        return blocks.get(0);
    }

    private void assertDecodesOrRejects(ColumnType type, byte[] block)
    {
        try {
            encoder().decode(type, block);
        }
        catch (EncodingException e) {
            assertThat(e.offset()).isPresent();
        }
        catch (RuntimeException e) {
            fail("%s decoding a corrupt %s block threw %s instead of EncodingException", encoder().encoding(), type, e);
        }
    }

    private static Column randomText(SplittableRandom random, int rows, int maxLength)
    {
        byte[][] values = new byte[rows][];
        for (int i = 0; i < rows; i++) {
            values[i] = new byte[random.nextInt(maxLength)];
            random.nextBytes(values[i]);
        }
        return TextColumn.of(values);
    }

    protected final List<byte[]> assertRoundTrip(ColumnType type, Column column)
    {
        List<byte[]> blocks = encoder().encode(type, column);
        List<Column> decoded = new ArrayList<>();
        for (byte[] block : blocks) {
            assertThat(block.length).isLessThanOrEqualTo(Encoder.MAX_BLOCK_BYTES);
            decoded.add(encoder().decode(type, block));
        }
        assertSameColumn(TestingColumns.concat(type, decoded), column);
        return blocks;
    }
}
