package io.autotable.sql.calcite;

import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIntervalLiteral;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.type.SqlTypeName;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Folds constant expressions to values: numbers ({@link BigDecimal}), strings, booleans, dates
 * ({@link LocalDate}), timestamps ({@link LocalDateTime}) and {@link Interval}s. Covers literals,
 * {@code CAST}, unary minus, {@code + - * /} on numbers, date/timestamp plus or minus an interval
 * (or a number of days), {@code DATEADD(unit, n, date)} and Spark's {@code date_add}/{@code date_sub}.
 * Anything else is not a constant.
 */
final class ConstantFolder
{
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]", Locale.ROOT);

    private ConstantFolder() {}

    /** A calendar interval: months and days are kept apart, as adding them to dates differs. */
    record Interval(long months, long days, long seconds)
    {
        Interval negate()
        {
            return new Interval(-months, -days, -seconds);
        }

        Interval plus(Interval other)
        {
            return new Interval(months + other.months, days + other.days, seconds + other.seconds);
        }
    }

    static Optional<Object> fold(SqlNode node)
    {
        try {
            return Optional.ofNullable(evaluate(node));
        }
        catch (RuntimeException e) {
            // a malformed literal (bad date, overflow) is simply not a constant we can use
            return Optional.empty();
        }
    }

    /** The canonical text of a folded value: numbers plain without trailing zeros, dates ISO. */
    static String canonical(Object value)
    {
        if (value instanceof BigDecimal number) {
            BigDecimal stripped = number.stripTrailingZeros();
            return stripped.signum() == 0 ? "0" : stripped.toPlainString();
        }
        if (value instanceof LocalDateTime timestamp) {
            String text = timestamp.toLocalDate() + " " + timestamp.toLocalTime();
            // LocalTime drops ":00" seconds; keep the full HH:mm:ss form
            return timestamp.getSecond() == 0 && timestamp.getNano() == 0 ? text + ":00" : text;
        }
        if (value instanceof Interval interval) {
            return "interval %d months %d days %d seconds".formatted(interval.months(), interval.days(), interval.seconds());
        }
        return String.valueOf(value);
    }

    private static Object evaluate(SqlNode node)
    {
        if (node instanceof SqlLiteral literal) {
            return literal(literal);
        }
        if (!(node instanceof SqlCall call)) {
            return null;
        }
        return switch (call.getKind()) {
            case CAST -> cast(call);
            case MINUS_PREFIX -> negate(evaluate(call.operand(0)));
            case PLUS_PREFIX -> evaluate(call.operand(0));
            case PLUS -> add(evaluate(call.operand(0)), evaluate(call.operand(1)));
            case MINUS -> add(evaluate(call.operand(0)), negate(evaluate(call.operand(1))));
            case TIMES -> multiply(evaluate(call.operand(0)), evaluate(call.operand(1)));
            case DIVIDE -> divide(evaluate(call.operand(0)), evaluate(call.operand(1)));
            case INTERVAL -> interval(call.operand(0), call.operand(1));
            case TIMESTAMP_ADD -> timestampAdd(call);
            case OTHER_FUNCTION -> function(call);
            default -> null;
        };
    }

    private static Object literal(SqlLiteral literal)
    {
        if (literal instanceof SqlNumericLiteral numeric) {
            return numeric.getValueAs(BigDecimal.class);
        }
        if (literal instanceof SqlCharStringLiteral string) {
            return string.getValueAs(String.class);
        }
        if (literal instanceof SqlIntervalLiteral interval) {
            SqlIntervalLiteral.IntervalValue value = interval.getValueAs(SqlIntervalLiteral.IntervalValue.class);
            Interval parsed = interval(new BigDecimal(value.getIntervalLiteral().strip()), value.getIntervalQualifier());
            return parsed != null && value.getSign() < 0 ? parsed.negate() : parsed;
        }
        if (literal instanceof SqlUnknownLiteral unknown) {
            return typed(unknown.tag, unknown.getValue());
        }
        return switch (literal.getTypeName()) {
            case BOOLEAN -> literal.booleanValue();
            case DATE, TIMESTAMP, TIME -> typed(literal.getTypeName().getName(), literal.toValue());
            default -> null;
        };
    }

    private static Object typed(String type, String text)
    {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "DATE" -> parseDate(value);
            case "TIMESTAMP" -> parseTimestamp(value);
            default -> null;
        };
    }

    private static Object parseDate(String text)
    {
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException e) {
            // '1998-12-01 00:00:00' cast to a date keeps the day
            LocalDateTime timestamp = (LocalDateTime) parseTimestamp(text);
            return timestamp == null ? null : timestamp.toLocalDate();
        }
    }

    private static Object parseTimestamp(String text)
    {
        try {
            return LocalDateTime.parse(text.replace('T', ' '), TIMESTAMP);
        }
        catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay();
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Object cast(SqlCall call)
    {
        Object value = evaluate(call.operand(0));
        if (value == null || !(call.operand(1) instanceof SqlDataTypeSpec spec)) {
            return null;
        }
        String type = spec.getTypeNameSpec().getTypeName().getSimple().toUpperCase(Locale.ROOT);
        SqlTypeName typeName = SqlTypeName.get(type);
        if (typeName == null) {
            return null;
        }
        return switch (typeName) {
            case DATE -> value instanceof LocalDate ? value
                    : value instanceof LocalDateTime timestamp ? timestamp.toLocalDate()
                    : value instanceof String text ? parseDate(text.strip()) : null;
            case TIMESTAMP -> value instanceof LocalDateTime ? value
                    : value instanceof LocalDate date ? date.atStartOfDay()
                    : value instanceof String text ? parseTimestamp(text.strip()) : null;
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL, FLOAT, REAL, DOUBLE -> value instanceof BigDecimal ? value
                    : value instanceof String text ? new BigDecimal(text.strip()) : null;
            case CHAR, VARCHAR -> value instanceof String ? value : canonical(value);
            default -> null;
        };
    }

    private static Object negate(Object value)
    {
        if (value instanceof BigDecimal number) {
            return number.negate();
        }
        if (value instanceof Interval interval) {
            return interval.negate();
        }
        return null;
    }

    private static Object add(Object left, Object right)
    {
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.add(b);
        }
        if (left instanceof Interval a && right instanceof Interval b) {
            return a.plus(b);
        }
        if (left instanceof Interval || left instanceof BigDecimal && (right instanceof LocalDate || right instanceof LocalDateTime)) {
            return add(right, left);
        }
        if (left instanceof LocalDate date) {
            if (right instanceof BigDecimal days) {
                // PostgreSQL and Redshift: date + integer adds days
                return date.plusDays(days.longValueExact());
            }
            if (right instanceof Interval interval) {
                if (interval.seconds() != 0) {
                    return add(date.atStartOfDay(), interval);
                }
                return date.plusMonths(interval.months()).plusDays(interval.days());
            }
        }
        if (left instanceof LocalDateTime timestamp && right instanceof Interval interval) {
            return timestamp.plusMonths(interval.months()).plusDays(interval.days()).plusSeconds(interval.seconds());
        }
        return null;
    }

    private static Object multiply(Object left, Object right)
    {
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            return a.multiply(b);
        }
        return null;
    }

    private static Object divide(Object left, Object right)
    {
        if (left instanceof BigDecimal a && right instanceof BigDecimal b && b.signum() != 0) {
            return a.divide(b, MathContext.DECIMAL64);
        }
        return null;
    }

    private static Object interval(SqlNode amount, SqlNode qualifier)
    {
        Object value = evaluate(amount);
        if (qualifier instanceof SqlIntervalQualifier unit) {
            if (value instanceof BigDecimal number) {
                return interval(number, unit);
            }
            if (value instanceof String text) {
                return interval(new BigDecimal(text.strip()), unit);
            }
        }
        return null;
    }

    private static Interval interval(BigDecimal amount, SqlIntervalQualifier qualifier)
    {
        if (qualifier.timeUnitRange.endUnit != null) {
            // 'YEAR TO MONTH' and similar ranges are rare in workloads; not folded
            return null;
        }
        return interval(amount, qualifier.timeUnitRange.startUnit);
    }

    private static Interval interval(BigDecimal amount, TimeUnit unit)
    {
        return switch (unit) {
            case YEAR -> new Interval(amount.longValueExact() * 12, 0, 0);
            case QUARTER -> new Interval(amount.longValueExact() * 3, 0, 0);
            case MONTH -> new Interval(amount.longValueExact(), 0, 0);
            case WEEK -> new Interval(0, amount.longValueExact() * 7, 0);
            case DAY -> new Interval(0, amount.longValueExact(), 0);
            case HOUR -> new Interval(0, 0, amount.longValueExact() * 3600);
            case MINUTE -> new Interval(0, 0, amount.longValueExact() * 60);
            case SECOND -> new Interval(0, 0, amount.longValueExact());
            default -> null;
        };
    }

    private static Object timestampAdd(SqlCall call)
    {
        if (!(call.operand(0) instanceof SqlIntervalQualifier unit) || !(evaluate(call.operand(1)) instanceof BigDecimal amount)) {
            return null;
        }
        Interval interval = interval(amount, unit.timeUnitRange.startUnit);
        return interval == null ? null : add(evaluate(call.operand(2)), interval);
    }

    private static Object function(SqlCall call)
    {
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        if ((name.equals("date_add") || name.equals("date_sub")) && call.operandCount() == 2 && call instanceof SqlBasicCall) {
            Object days = evaluate(call.operand(1));
            if (!(days instanceof BigDecimal amount)) {
                return null;
            }
            return add(evaluate(call.operand(0)), new Interval(0, name.equals("date_add") ? amount.longValueExact() : -amount.longValueExact(), 0));
        }
        return null;
    }
}
