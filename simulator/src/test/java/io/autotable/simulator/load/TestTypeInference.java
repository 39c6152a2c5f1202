package io.autotable.simulator.load;

import io.autotable.catalog.ColumnType;
import org.junit.jupiter.api.Test;

import static io.autotable.catalog.ColumnType.Kind.BIGINT;
import static io.autotable.catalog.ColumnType.Kind.BOOLEAN;
import static io.autotable.catalog.ColumnType.Kind.DATE;
import static io.autotable.catalog.ColumnType.Kind.DOUBLE;
import static io.autotable.catalog.ColumnType.Kind.INTEGER;
import static io.autotable.catalog.ColumnType.Kind.SMALLINT;
import static io.autotable.catalog.ColumnType.Kind.TIME;
import static io.autotable.catalog.ColumnType.Kind.TIMESTAMP;
import static io.autotable.catalog.ColumnType.Kind.TIMESTAMPTZ;
import static org.assertj.core.api.Assertions.assertThat;

class TestTypeInference
{
    @Test
    void choosesTheNarrowestIntegerHoldingTheRange()
    {
        assertThat(infer("1", "-32768", "32767")).isEqualTo(ColumnType.of(SMALLINT));
        assertThat(infer("1", "32768")).isEqualTo(ColumnType.of(INTEGER));
        assertThat(infer("-2147483648", "2147483647")).isEqualTo(ColumnType.of(INTEGER));
        assertThat(infer("2147483648")).isEqualTo(ColumnType.of(BIGINT));
        assertThat(infer("0", "1", "0")).isEqualTo(ColumnType.of(SMALLINT));
    }

    @Test
    void leadingZerosMakeACodeNotANumber()
    {
        assertThat(infer("007", "123", "042")).isEqualTo(ColumnType.varchar(3));
        assertThat(infer("00.5", "1.5")).isEqualTo(ColumnType.varchar(4));
        assertThat(infer("0", "-0", "0.25")).isEqualTo(ColumnType.decimal(2, 2));
    }

    @Test
    void integersBeyondBigintBecomeDecimalsUntilTheyAreTooWide()
    {
        assertThat(infer("1", "9223372036854775808")).isEqualTo(ColumnType.decimal(19, 0));
        assertThat(infer("-123456789012345678901234567890")).isEqualTo(ColumnType.decimal(30, 0));
        assertThat(infer("1".repeat(38))).isEqualTo(ColumnType.decimal(38, 0));
        // 39 digits do not fit DECIMAL(38); a DOUBLE would lose them
        assertThat(infer("1".repeat(39))).isEqualTo(ColumnType.varchar(39));
        assertThat(infer("1".repeat(30) + ".12345678901")).isEqualTo(ColumnType.varchar(42));
    }

    @Test
    void decimalsTakeTheWidestIntegerPartAndScaleSeparately()
    {
        assertThat(infer("1.5", "-123.25", "7")).isEqualTo(ColumnType.decimal(5, 2));
        assertThat(infer("0.001", ".5")).isEqualTo(ColumnType.decimal(3, 3));
        assertThat(infer("1.50", "2.00")).isEqualTo(ColumnType.decimal(3, 2));
    }

    @Test
    void exponentsAndSpecialValuesMakeDoubles()
    {
        assertThat(infer("1.5", "1e10", "-2.5E-3")).isEqualTo(ColumnType.of(DOUBLE));
        assertThat(infer("1.5", "NaN", "Infinity")).isEqualTo(ColumnType.of(DOUBLE));
        assertThat(infer("1e999")).isEqualTo(ColumnType.varchar(5));
    }

    @Test
    void mixedDateFormatsStayText()
    {
        assertThat(infer("2024-01-05", "1999-12-31")).isEqualTo(ColumnType.of(DATE));
        assertThat(infer("2024-01-05", "05/01/2024")).isEqualTo(ColumnType.varchar(10));
        assertThat(infer("2024-02-30")).isEqualTo(ColumnType.varchar(10));
        assertThat(infer("2024-01-05", "2024-01-05 10:11:12")).isEqualTo(ColumnType.of(TIMESTAMP));
        assertThat(infer("2024-01-05 10:11:12.123456", "2024-01-05T00:00:00")).isEqualTo(ColumnType.of(TIMESTAMP));
        assertThat(infer("2024-01-05 10:11:12+00", "2024-01-05T10:11:12+05:30", "2024-01-05 10:11:12Z")).isEqualTo(ColumnType.of(TIMESTAMPTZ));
        assertThat(infer("2024-01-05 10:11:12+00", "2024-01-05 10:11:12")).isEqualTo(ColumnType.varchar(22));
        assertThat(infer("10:11:12", "23:59")).isEqualTo(ColumnType.of(TIME));
    }

    @Test
    void onlyWordsMakeBooleans()
    {
        assertThat(infer("true", "FALSE", "t", "f")).isEqualTo(ColumnType.of(BOOLEAN));
        assertThat(infer("yes", "no")).isEqualTo(ColumnType.varchar(3));
    }

    @Test
    void emptyStringsCountForTextOnlyAndNullsForNothing()
    {
        // an empty string in a number column loads as NULL, as COPY does
        assertThat(infer("1", "", null, "2")).isEqualTo(ColumnType.of(SMALLINT));
        assertThat(infer("", "", null)).isEqualTo(ColumnType.varchar(1));
        assertThat(infer(null, null)).isEqualTo(ColumnType.varchar(ColumnType.DEFAULT_VARCHAR_LENGTH));
        assertThat(infer("abc", "", null)).isEqualTo(ColumnType.varchar(3));
    }

    @Test
    void textIsAsLongAsItsLongestValueInUtf8Bytes()
    {
        assertThat(infer("a", "héllo", "日本")).isEqualTo(ColumnType.varchar(6));
        assertThat(infer("x".repeat(70_000))).isEqualTo(ColumnType.varchar(ColumnType.MAX_VARCHAR_LENGTH));
        assertThat(infer("+5", "6")).isEqualTo(ColumnType.varchar(2));
    }

    @Test
    void inferredTypesReadEveryValueTheyWereInferredFrom()
    {
        String[][] columns = {
                {"1", "-32768"},
                {"12345678901234567890", "1"},
                {"1.5", "-0.25"},
                {"1e10", "2.5"},
                {"2024-01-05", "1900-02-28"},
                {"2024-01-05 10:11:12.123456", "2024-01-05"},
                {"2024-01-05 10:11:12+00", "2024-01-05T10:11:12-08:00"},
                {"true", "F"},
                {"007", "x"},
        };
        for (String[] values : columns) {
            ColumnType type = infer(values);
            FieldParsers.FieldParser parser = FieldParsers.forType(type);
            for (String value : values) {
                assertThat(parser.parse(value)).as("%s as %s", value, type).isNotNull();
            }
        }
    }

    private static ColumnType infer(String... values)
    {
        TypeInference inference = new TypeInference(1);
        for (String value : values) {
            inference.add(new String[] {value});
        }
        return inference.types().get(0);
    }
}
