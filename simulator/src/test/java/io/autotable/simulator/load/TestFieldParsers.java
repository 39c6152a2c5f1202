package io.autotable.simulator.load;

import io.autotable.catalog.ColumnType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestFieldParsers
{
    @Test
    void integersAreCheckedAgainstTheirTypesRange()
    {
        assertThat(parse("SMALLINT", " 32767 ")).isEqualTo(32767L);
        assertThat(parse("INTEGER", "007")).isEqualTo(7L);
        assertThat(parse("BIGINT", "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertRejected("SMALLINT", "32768", "'32768' is out of range for SMALLINT");
        assertRejected("BIGINT", "9223372036854775808", "out of range for BIGINT");
        assertRejected("INTEGER", "1.5", "'1.5' is not an integer");
        assertRejected("INTEGER", "abc", "'abc' is not an integer");
    }

    @Test
    void decimalsRoundHalfUpToTheirScaleAndKeepTheirPrecision()
    {
        assertThat(parse("DECIMAL(5,2)", "1.005")).isEqualTo(new BigDecimal("1.01"));
        assertThat(parse("DECIMAL(5,2)", "-999.994")).isEqualTo(new BigDecimal("-999.99"));
        assertThat(parse("DECIMAL(5,2)", "1e2")).isEqualTo(new BigDecimal("100.00"));
        assertRejected("DECIMAL(5,2)", "1000", "more than 3 digits before the decimal point");
        assertRejected("DECIMAL(5,2)", "999.996", "more than 3 digits before the decimal point");
        assertRejected("DECIMAL(5,2)", "1e999999999", "more than 3 digits");
        assertRejected("DECIMAL(5,2)", "12,5", "'12,5' is not a number");
    }

    @Test
    void floatingPointTakesExponentsAndSpecialValuesButNoJavaSuffixes()
    {
        assertThat(parse("DOUBLE PRECISION", "1.5e3")).isEqualTo(1500.0);
        assertThat(parse("DOUBLE PRECISION", "-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((Double) parse("REAL", "NaN")).isNaN();
        assertRejected("DOUBLE PRECISION", "1d", "'1d' is not a number");
        assertRejected("DOUBLE PRECISION", "0x1p3", "is not a number");
        assertRejected("REAL", "1e39", "out of range for REAL");
        assertRejected("DOUBLE PRECISION", "1e309", "out of range for DOUBLE PRECISION");
    }

    @Test
    void booleansReadRedshiftsWords()
    {
        for (String yes : new String[] {"t", "TRUE", "y", "Yes", "1"}) {
            assertThat(parse("BOOLEAN", yes)).isEqualTo(true);
        }
        for (String no : new String[] {"f", "false", "N", "no", "0"}) {
            assertThat(parse("BOOLEAN", no)).isEqualTo(false);
        }
        assertRejected("BOOLEAN", "maybe", "'maybe' is not a boolean");
    }

    @Test
    void textIsMeasuredInUtf8BytesAndKeptAsItIs()
    {
        assertThat(parse("VARCHAR(5)", " ab ")).isEqualTo(" ab ");
        assertThat(parse("VARCHAR(6)", "日本")).isEqualTo("日本");
        assertRejected("VARCHAR(5)", "日本", "the value is 6 bytes, longer than VARCHAR(5)");
        assertRejected("CHAR(2)", "abc", "longer than CHAR(2)");
    }

    @Test
    void datesAndTimesReadIsoAndRedshiftsSpellingsToTheMicrosecond()
    {
        assertThat(parse("DATE", "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertRejected("DATE", "2023-02-29", "'2023-02-29' is not a date");
        assertRejected("DATE", "02/28/2023", "is not a date");
        assertThat(parse("TIME", "10:11:12.1234567")).isEqualTo(LocalTime.of(10, 11, 12, 123_456_000));
        assertThat(parse("TIMESTAMP", "2024-01-05 10:11:12.5")).isEqualTo(LocalDateTime.of(2024, 1, 5, 10, 11, 12, 500_000_000));
        assertThat(parse("TIMESTAMP", "2024-01-05")).isEqualTo(LocalDateTime.of(2024, 1, 5, 0, 0));
        assertRejected("TIMESTAMP", "2024-01-05 25:00:00", "is not a timestamp");
        assertThat(parse("TIMESTAMPTZ", "2024-01-05 10:11:12+00")).isEqualTo(OffsetDateTime.of(2024, 1, 5, 10, 11, 12, 0, ZoneOffset.UTC));
        assertThat(parse("TIMESTAMPTZ", "2024-01-05T10:11:12-08:30")).isEqualTo(OffsetDateTime.of(2024, 1, 5, 10, 11, 12, 0, ZoneOffset.ofHoursMinutes(-8, -30)));
        assertThat(parse("TIMESTAMPTZ", "2024-01-05 10:11:12")).isEqualTo(OffsetDateTime.of(2024, 1, 5, 10, 11, 12, 0, ZoneOffset.UTC));
    }

    private static Object parse(String type, String text)
    {
        return FieldParsers.forType(ColumnType.parse(type)).parse(text);
    }

    private static void assertRejected(String type, String text, String reason)
    {
        assertThatThrownBy(() -> parse(type, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }
}
