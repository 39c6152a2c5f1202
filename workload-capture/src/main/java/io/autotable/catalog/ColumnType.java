package io.autotable.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.autotable.error.CaptureException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A column's SQL type, in Redshift's vocabulary. Written as its SQL spelling in JSON
 * ({@code "DECIMAL(15,2)"}, {@code "VARCHAR(25)"}) and parsed back from any common alias
 * ({@code int4}, {@code numeric}, {@code character varying}, Spark's {@code string}, ...).
 *
 * @param kind the base type
 * @param length declared length of CHAR and VARCHAR, 0 for other kinds
 * @param precision declared precision of DECIMAL, 0 for other kinds
 * @param scale declared scale of DECIMAL, 0 for other kinds
 */
public record ColumnType(Kind kind, int length, int precision, int scale)
{
    /** Redshift's default VARCHAR length when none is declared. */
    public static final int DEFAULT_VARCHAR_LENGTH = 256;
    /** Redshift's maximum VARCHAR length in bytes. */
    public static final int MAX_VARCHAR_LENGTH = 65535;
    /** Redshift's default DECIMAL precision when none is declared. */
    public static final int DEFAULT_DECIMAL_PRECISION = 18;
    public static final int MAX_DECIMAL_PRECISION = 38;

    public enum Kind
    {
        SMALLINT(2),
        INTEGER(4),
        BIGINT(8),
        DECIMAL(8),
        REAL(4),
        DOUBLE(8),
        BOOLEAN(1),
        CHAR(0),
        VARCHAR(0),
        DATE(4),
        TIME(8),
        TIMESTAMP(8),
        TIMESTAMPTZ(8);

        private final int fixedWidth;

        Kind(int fixedWidth)
        {
            this.fixedWidth = fixedWidth;
        }

        /** Bytes a value takes uncompressed, 0 for variable-width kinds. */
        public int fixedWidth()
        {
            return fixedWidth;
        }
    }

    private static final Pattern TYPE = Pattern.compile(
            "\\s*([a-z][a-z0-9 _]*?)\\s*(?:\\(\\s*(\\d+|max)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*", Pattern.CASE_INSENSITIVE);

    public ColumnType
    {
        requireNonNull(kind, "kind is null");
        switch (kind) {
            case CHAR, VARCHAR -> {
                if (length < 1 || length > MAX_VARCHAR_LENGTH) {
                    throw CaptureException.invalid("%s length must be in 1..%d, got %d", kind, MAX_VARCHAR_LENGTH, length);
                }
                if (precision != 0 || scale != 0) {
                    throw CaptureException.invalid("%s takes no precision or scale", kind);
                }
            }
            case DECIMAL -> {
                if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
                    throw CaptureException.invalid("DECIMAL precision must be in 1..%d, got %d", MAX_DECIMAL_PRECISION, precision);
                }
                if (scale < 0 || scale > precision) {
                    throw CaptureException.invalid("DECIMAL scale must be in 0..%d, got %d", precision, scale);
                }
                if (length != 0) {
                    throw CaptureException.invalid("DECIMAL takes no length");
                }
            }
            default -> {
                if (length != 0 || precision != 0 || scale != 0) {
                    throw CaptureException.invalid("%s takes no length, precision or scale", kind);
                }
            }
        }
    }

    public static ColumnType of(Kind kind)
    {
        return new ColumnType(kind, 0, 0, 0);
    }

    public static ColumnType varchar(int length)
    {
        return new ColumnType(Kind.VARCHAR, length, 0, 0);
    }

    public static ColumnType character(int length)
    {
        return new ColumnType(Kind.CHAR, length, 0, 0);
    }

    public static ColumnType decimal(int precision, int scale)
    {
        return new ColumnType(Kind.DECIMAL, 0, precision, scale);
    }

    /**
     * Parses a type as written in DDL, in any of the spellings Redshift, PostgreSQL, ANSI SQL and
     * Spark SQL accept.
     *
     * @throws CaptureException when the type is not one autotable knows
     */
    @JsonCreator
    public static ColumnType parse(String text)
    {
        requireNonNull(text, "text is null");
        Matcher matcher = TYPE.matcher(text);
        if (!matcher.matches()) {
            throw CaptureException.invalid("unknown column type '%s'", text);
        }
        String name = matcher.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        String first = matcher.group(2);
        String second = matcher.group(3);
        Integer a = first == null ? null : first.equalsIgnoreCase("max") ? MAX_VARCHAR_LENGTH : Integer.parseInt(first);
        int b = second == null ? 0 : Integer.parseInt(second);
        try {
            return parse(text, name, a, b);
        }
        catch (CaptureException e) {
            if (e.getMessage().startsWith("unknown column type")) {
                throw e;
            }
            throw CaptureException.invalid("invalid column type '%s': %s", text.strip(), e.getMessage());
        }
    }

    private static ColumnType parse(String text, String name, Integer a, int b)
    {
        return switch (name) {
            case "smallint", "int2", "short", "tinyint", "byte" -> of(Kind.SMALLINT);
            case "integer", "int", "int4", "mediumint" -> of(Kind.INTEGER);
            case "bigint", "int8", "long" -> of(Kind.BIGINT);
            case "decimal", "numeric", "number", "dec" -> decimal(a == null ? DEFAULT_DECIMAL_PRECISION : a, b);
            case "real", "float4" -> of(Kind.REAL);
            // PostgreSQL and Redshift: FLOAT(p) is REAL up to 24 bits of precision, DOUBLE otherwise
            case "float" -> a != null && a <= 24 ? of(Kind.REAL) : of(Kind.DOUBLE);
            case "double precision", "double", "float8" -> of(Kind.DOUBLE);
            case "boolean", "bool" -> of(Kind.BOOLEAN);
            case "char", "character", "nchar", "bpchar" -> character(a == null ? 1 : a);
            case "varchar", "character varying", "nvarchar", "text", "string", "varchar2" ->
                    varchar(a == null ? DEFAULT_VARCHAR_LENGTH : a);
            case "date" -> of(Kind.DATE);
            case "time", "time without time zone" -> of(Kind.TIME);
            case "timestamp", "timestamp without time zone", "datetime" -> of(Kind.TIMESTAMP);
            case "timestamptz", "timestamp with time zone" -> of(Kind.TIMESTAMPTZ);
            default -> throw CaptureException.invalid("unknown column type '%s'", text);
        };
    }

    public boolean isNumeric()
    {
        return switch (kind) {
            case SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> true;
            default -> false;
        };
    }

    public boolean isText()
    {
        return kind == Kind.CHAR || kind == Kind.VARCHAR;
    }

    public boolean isTemporal()
    {
        return switch (kind) {
            case DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> true;
            default -> false;
        };
    }

    /** Bytes a value takes uncompressed at most (declared length for text). */
    public int maxWidth()
    {
        return switch (kind) {
            case CHAR, VARCHAR -> length;
            case DECIMAL -> precision <= 18 ? 8 : 16;
            default -> kind.fixedWidth();
        };
    }

    /** The type as SQL, in the spelling Redshift prints. */
    @JsonValue
    public String sql()
    {
        return switch (kind) {
            case CHAR, VARCHAR -> kind.name() + "(" + length + ")";
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case DOUBLE -> "DOUBLE PRECISION";
            default -> kind.name();
        };
    }

    @Override
    public String toString()
    {
        return sql();
    }
}
