package io.autotable.simulator.load;

import io.autotable.catalog.ColumnType;
import io.autotable.simulator.stats.Utf8;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Turns a field's text into the Java value a column of a type holds (the values
 * {@link io.autotable.simulator.data.BenchmarkGenerator} documents), or says why it cannot.
 * A value that passes is one the embedded warehouse stores and the statistics take as it is.
 *
 * <p>What each type reads, as Redshift's {@code COPY} does unless said otherwise; surrounding
 * blanks are ignored for every type but text:
 * <ul>
 * <li>SMALLINT, INTEGER, BIGINT: an optional sign and decimal digits, in the type's range;</li>
 * <li>DECIMAL(p,s): a decimal number (exponent allowed), rounded half up to {@code s} places,
 *     at most {@code p - s} digits before the point;</li>
 * <li>REAL, DOUBLE PRECISION: a decimal number with optional exponent, {@code NaN}, {@code Infinity}, {@code inf};</li>
 * <li>BOOLEAN: {@code t true y yes 1} and {@code f false n no 0}, any case;</li>
 * <li>CHAR(n), VARCHAR(n): the text as it is, at most {@code n} UTF-8 bytes (Redshift counts bytes);</li>
 * <li>DATE: {@code yyyy-mm-dd};</li>
 * <li>TIME: {@code hh:mm[:ss[.fraction]]};</li>
 * <li>TIMESTAMP: a date, or a date and a time separated by a blank or {@code T};</li>
 * <li>TIMESTAMPTZ: a timestamp with an optional offset ({@code Z}, {@code +hh}, {@code +hh:mm}); without one it is UTC.</li>
 * </ul>
 * Times and timestamps keep microseconds, as Redshift does; finer digits are dropped.
 */
final class FieldParsers
{
    /** Reads one field's text into a column's value. */
    @FunctionalInterface
    interface FieldParser
    {
        /**
         * @throws IllegalArgumentException saying why the text is not a value of the type
         */
        Object parse(String text);
    }

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').append(DateTimeFormatter.ISO_LOCAL_TIME).optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);
    private static final DateTimeFormatter TIMESTAMP_TZ = new DateTimeFormatterBuilder()
            .append(TIMESTAMP)
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private FieldParsers() {}

    static FieldParser forType(ColumnType type)
    {
        requireNonNull(type, "type is null");
        return switch (type.kind()) {
            case SMALLINT -> text -> integer(text, Short.MIN_VALUE, Short.MAX_VALUE, type);
            case INTEGER -> text -> integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE, type);
            case BIGINT -> text -> integer(text, Long.MIN_VALUE, Long.MAX_VALUE, type);
            case DECIMAL -> text -> decimal(text, type.precision(), type.scale());
            case REAL -> text -> floating(text, true);
            case DOUBLE -> text -> floating(text, false);
            case BOOLEAN -> FieldParsers::bool;
            case CHAR, VARCHAR -> text -> text(text, type);
            case DATE -> FieldParsers::date;
            case TIME -> FieldParsers::time;
            case TIMESTAMP -> FieldParsers::timestamp;
            case TIMESTAMPTZ -> FieldParsers::timestampTz;
        };
    }

    private static Long integer(String text, long min, long max, ColumnType type)
    {
        String number = text.strip();
        long value;
        try {
            value = Long.parseLong(number);
        }
        catch (NumberFormatException e) {
            if (isDigits(number)) {
                throw new IllegalArgumentException("'%s' is out of range for %s".formatted(number, type));
            }
            throw new IllegalArgumentException("'%s' is not an integer".formatted(number));
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("'%s' is out of range for %s".formatted(number, type));
        }
        return value;
    }

    private static BigDecimal decimal(String text, int precision, int scale)
    {
        String number = text.strip();
        BigDecimal value;
        try {
            value = new BigDecimal(number);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("'%s' is not a number".formatted(number));
        }
        // checked before rounding: a huge exponent would make setScale build a huge number
        if (value.signum() != 0 && value.precision() - value.scale() > precision - scale) {
            throw new IllegalArgumentException("'%s' has more than %d digits before the decimal point for DECIMAL(%d,%d)".formatted(number, precision - scale, precision, scale));
        }
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
        if (rounded.precision() > precision) {
            throw new IllegalArgumentException("'%s' has more than %d digits before the decimal point for DECIMAL(%d,%d)".formatted(number, precision - scale, precision, scale));
        }
        return rounded;
    }

    private static Double floating(String text, boolean real)
    {
        String number = text.strip();
        String lower = number.toLowerCase(Locale.ROOT);
        double value = switch (lower) {
            case "nan" -> Double.NaN;
            case "infinity", "inf", "+infinity", "+inf" -> Double.POSITIVE_INFINITY;
            case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                if (!isDecimalSyntax(lower, true)) {
                    throw new IllegalArgumentException("'%s' is not a number".formatted(number));
                }
                yield Double.parseDouble(lower);
            }
        };
        if (real && !Double.isInfinite(value) && Float.isInfinite((float) value)) {
            throw new IllegalArgumentException("'%s' is out of range for REAL".formatted(number));
        }
        if (!real && Double.isInfinite(value) && !lower.contains("inf")) {
            throw new IllegalArgumentException("'%s' is out of range for DOUBLE PRECISION".formatted(number));
        }
        return value;
    }

    private static Boolean bool(String text)
    {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "t", "true", "y", "yes", "1" -> Boolean.TRUE;
            case "f", "false", "n", "no", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'%s' is not a boolean (true/false, t/f, yes/no, y/n, 1/0)".formatted(text.strip()));
        };
    }

    private static String text(String text, ColumnType type)
    {
        int bytes = Utf8.length(text);
        if (bytes > type.length()) {
            throw new IllegalArgumentException("the value is %d bytes, longer than %s".formatted(bytes, type));
        }
        return text;
    }

    static LocalDate date(String text)
    {
        String date = text.strip();
        try {
            return LocalDate.parse(date, DateTimeFormatter.ISO_LOCAL_DATE);
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'%s' is not a date (yyyy-mm-dd)".formatted(date));
        }
    }

    static LocalTime time(String text)
    {
        String time = text.strip();
        try {
            return LocalTime.parse(time, DateTimeFormatter.ISO_LOCAL_TIME).truncatedTo(ChronoUnit.MICROS);
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'%s' is not a time (hh:mm:ss)".formatted(time));
        }
    }

    static LocalDateTime timestamp(String text)
    {
        String timestamp = text.strip();
        try {
            TemporalAccessor parsed = TIMESTAMP.parse(withT(timestamp));
            return localDateTime(parsed);
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'%s' is not a timestamp (yyyy-mm-dd hh:mm:ss)".formatted(timestamp));
        }
    }

    static OffsetDateTime timestampTz(String text)
    {
        String timestamp = text.strip();
        try {
            TemporalAccessor parsed = TIMESTAMP_TZ.parse(withT(timestamp));
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
            return OffsetDateTime.of(localDateTime(parsed), offset);
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'%s' is not a timestamp with time zone (yyyy-mm-dd hh:mm:ss+hh)".formatted(timestamp));
        }
    }

    /** Whether a timestamp's text ends with an offset that {@link #timestampTz} reads. */
    static boolean hasOffset(String text)
    {
        String timestamp = text.strip();
        if (timestamp.length() <= 10) {
            return false;
        }
        char last = timestamp.charAt(timestamp.length() - 1);
        if (last == 'Z' || last == 'z') {
            return true;
        }
        int sign = Math.max(timestamp.lastIndexOf('+'), timestamp.lastIndexOf('-'));
        // the date's own hyphens end at index 7
        return sign > 10;
    }

    private static LocalDateTime localDateTime(TemporalAccessor parsed)
    {
        LocalDate date = LocalDate.from(parsed);
        if (!parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
            return date.atStartOfDay();
        }
        return LocalDateTime.of(date, LocalTime.from(parsed).truncatedTo(ChronoUnit.MICROS));
    }

    /** Redshift writes timestamps with a blank between date and time; ISO-8601 with a T. */
    private static String withT(String timestamp)
    {
        if (timestamp.length() > 10 && timestamp.charAt(10) == ' ') {
            return timestamp.substring(0, 10) + 'T' + timestamp.substring(11).stripLeading();
        }
        return timestamp;
    }

    /** An optional sign, then one or more ASCII digits. */
    static boolean isDigits(String text)
    {
        int start = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * An optional sign, digits with at most one decimal point and at least one digit, and with
     * {@code exponent} an optional {@code e} or {@code E}, optional sign and digits.
     */
    static boolean isDecimalSyntax(String text, boolean exponent)
    {
        int i = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        int digits = 0;
        boolean point = false;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
            else if (c == '.' && !point) {
                point = true;
            }
            else {
                break;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i == text.length()) {
            return true;
        }
        if (!exponent || text.charAt(i) != 'e' && text.charAt(i) != 'E') {
            return false;
        }
        i++;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int exponentDigits = 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            exponentDigits++;
        }
        return exponentDigits > 0;
    }
}
