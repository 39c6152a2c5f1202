package io.autotable.simulator.load;

import io.autotable.catalog.ColumnType;
import io.autotable.simulator.stats.Utf8;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Infers each column's type from the text of its fields, for a table the catalog has no DDL for.
 * A type is chosen only when every non-empty field of the column reads as it, so every value
 * seen loads; the most specific such type wins, in this order:
 * <ol>
 * <li>BOOLEAN: only {@code true}, {@code false}, {@code t}, {@code f} (any case); {@code 0} and {@code 1} are numbers;</li>
 * <li>SMALLINT, INTEGER or BIGINT, the narrowest holding the column's range: an optional minus
 *     and digits without leading zeros ({@code 007} is a code, not a number: text);</li>
 * <li>DECIMAL(p,s): integers and decimals, with {@code s} the most digits after the point and
 *     {@code p} that plus the most before it, when {@code p <= 38}; integers beyond BIGINT land here;</li>
 * <li>DOUBLE PRECISION: when some value needs an exponent, {@code NaN} or {@code Infinity};</li>
 * <li>DATE ({@code yyyy-mm-dd}), TIME, TIMESTAMP (dates and date-times mixed), TIMESTAMPTZ
 *     (every value with an offset), in the forms {@link FieldParsers} reads;</li>
 * <li>VARCHAR(n), {@code n} the longest value's UTF-8 bytes (at least 1, at most 65,535): anything
 *     else, including numbers too wide for DECIMAL(38) and dates written in several formats.</li>
 * </ol>
 * NULL fields count for nothing. An empty string counts for text only: in a column of another
 * type it loads as NULL (Redshift's COPY does the same). A column with no values at all is
 * VARCHAR(256), Redshift's default. Inferred columns are nullable.
 *
 * <p>Not thread-safe.
 */
final class TypeInference
{
    private final ColumnGuess[] columns;
    private long rows;

    TypeInference(int columns)
    {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        this.columns = new ColumnGuess[columns];
        for (int i = 0; i < columns; i++) {
            this.columns[i] = new ColumnGuess();
        }
    }

    /** Adds a record's fields in column order; {@code null} is SQL NULL. */
    void add(String[] values)
    {
        if (values.length != columns.length) {
            throw new IllegalArgumentException("a record has %d fields, the columns are %d".formatted(values.length, columns.length));
        }
        for (int i = 0; i < values.length; i++) {
            columns[i].add(values[i]);
        }
        rows++;
    }

    long rows()
    {
        return rows;
    }

    List<ColumnType> types()
    {
        List<ColumnType> types = new ArrayList<>(columns.length);
        for (ColumnGuess column : columns) {
            types.add(column.type());
        }
        return types;
    }

    private static final class ColumnGuess
    {
        private boolean bool = true;
        private boolean integer = true;
        private boolean decimal = true;
        private boolean floating = true;
        private boolean date = true;
        private boolean time = true;
        private boolean timestamp = true;
        private boolean timestampTz = true;

        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;
        private int integerDigits;
        private int scale;
        private int maxBytes;
        private long values;
        private long nonEmpty;

        void add(String value)
        {
            if (value == null) {
                return;
            }
            values++;
            maxBytes = Math.max(maxBytes, Utf8.length(value));
            String text = value.strip();
            if (text.isEmpty()) {
                return;
            }
            nonEmpty++;
            if (bool) {
                bool = isBoolean(text);
            }
            if (integer || decimal) {
                addNumber(text);
            }
            if (floating) {
                floating = isFloating(text);
            }
            if (date) {
                date = text.length() == 10 && reads(() -> FieldParsers.date(text));
            }
            if (time) {
                time = reads(() -> FieldParsers.time(text));
            }
            boolean offset = (timestamp || timestampTz) && FieldParsers.hasOffset(text);
            if (timestamp) {
                timestamp = !offset && reads(() -> FieldParsers.timestamp(text));
            }
            if (timestampTz) {
                timestampTz = offset && reads(() -> FieldParsers.timestampTz(text));
            }
        }

        private void addNumber(String text)
        {
            int start = text.charAt(0) == '-' ? 1 : 0;
            int point = text.indexOf('.');
            int end = point < 0 ? text.length() : point;
            int digitsBefore = end - start;
            boolean leadingZero = digitsBefore > 1 && text.charAt(start) == '0';
            boolean plainDigits = digitsBefore > 0 && allDigits(text, start, end);
            boolean fraction = point >= 0 && allDigits(text, point + 1, text.length());
            int digitsAfter = point < 0 ? 0 : text.length() - point - 1;
            if (leadingZero || !(plainDigits && (point < 0 || fraction) || digitsBefore == 0 && point >= 0 && digitsAfter > 0 && fraction)) {
                integer = false;
                decimal = false;
                return;
            }
            if (point >= 0) {
                integer = false;
            }
            else if (integer) {
                try {
                    long number = Long.parseLong(text);
                    min = Math.min(min, number);
                    max = Math.max(max, number);
                }
                catch (NumberFormatException e) {
                    // more digits than a BIGINT holds: a DECIMAL if at most 38
                    integer = false;
                }
            }
            // a lone zero before the point is no digit of precision: 0.25 is DECIMAL(2,2)
            boolean zero = digitsBefore == 1 && text.charAt(start) == '0';
            integerDigits = Math.max(integerDigits, zero ? 0 : digitsBefore);
            scale = Math.max(scale, digitsAfter);
        }

        ColumnType type()
        {
            if (nonEmpty == 0) {
                return values == 0 ? ColumnType.varchar(ColumnType.DEFAULT_VARCHAR_LENGTH) : ColumnType.varchar(Math.max(1, maxBytes));
            }
            if (bool) {
                return ColumnType.of(ColumnType.Kind.BOOLEAN);
            }
            if (integer) {
                if (min >= Short.MIN_VALUE && max <= Short.MAX_VALUE) {
                    return ColumnType.of(ColumnType.Kind.SMALLINT);
                }
                if (min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE) {
                    return ColumnType.of(ColumnType.Kind.INTEGER);
                }
                return ColumnType.of(ColumnType.Kind.BIGINT);
            }
            if (decimal) {
                int precision = Math.max(1, integerDigits + scale);
                if (precision <= ColumnType.MAX_DECIMAL_PRECISION) {
                    return ColumnType.decimal(precision, scale);
                }
                // too wide for a DECIMAL: text keeps every digit, a DOUBLE would not
                return text();
            }
            if (floating) {
                return ColumnType.of(ColumnType.Kind.DOUBLE);
            }
            if (date) {
                return ColumnType.of(ColumnType.Kind.DATE);
            }
            if (time) {
                return ColumnType.of(ColumnType.Kind.TIME);
            }
            if (timestamp) {
                return ColumnType.of(ColumnType.Kind.TIMESTAMP);
            }
            if (timestampTz) {
                return ColumnType.of(ColumnType.Kind.TIMESTAMPTZ);
            }
            return text();
        }

        private ColumnType text()
        {
            return ColumnType.varchar(Math.min(ColumnType.MAX_VARCHAR_LENGTH, Math.max(1, maxBytes)));
        }

        private static boolean isBoolean(String text)
        {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "false", "t", "f" -> true;
                default -> false;
            };
        }

        /** A decimal without leading zeros, with an optional exponent, or NaN, Infinity, inf. */
        private static boolean isFloating(String text)
        {
            String lower = text.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "nan", "infinity", "-infinity", "inf", "-inf" -> {
                    return true;
                }
                default -> {
                    int start = lower.charAt(0) == '-' ? 1 : 0;
                    if (lower.length() > start + 1 && lower.charAt(start) == '0' && Character.isDigit(lower.charAt(start + 1))) {
                        return false;
                    }
                    return !lower.startsWith("+") && FieldParsers.isDecimalSyntax(lower, true)
                            && !Double.isInfinite(Double.parseDouble(lower));
                }
            }
        }

        private static boolean allDigits(String text, int from, int to)
        {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            return true;
        }

        private static boolean reads(Runnable parse)
        {
            try {
                parse.run();
                return true;
            }
            catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
