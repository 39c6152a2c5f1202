package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.catalog.ColumnType.Kind;
import io.autotable.design.Encoding;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.autotable.catalog.ColumnType.Kind.BIGINT;
import static io.autotable.catalog.ColumnType.Kind.BOOLEAN;
import static io.autotable.catalog.ColumnType.Kind.CHAR;
import static io.autotable.catalog.ColumnType.Kind.DATE;
import static io.autotable.catalog.ColumnType.Kind.DECIMAL;
import static io.autotable.catalog.ColumnType.Kind.DOUBLE;
import static io.autotable.catalog.ColumnType.Kind.INTEGER;
import static io.autotable.catalog.ColumnType.Kind.REAL;
import static io.autotable.catalog.ColumnType.Kind.SMALLINT;
import static io.autotable.catalog.ColumnType.Kind.TIMESTAMP;
import static io.autotable.catalog.ColumnType.Kind.TIMESTAMPTZ;
import static io.autotable.catalog.ColumnType.Kind.VARCHAR;
import static java.util.Objects.requireNonNull;

/**
 * Which encoding Redshift allows on which type (AWS, "Compression encodings", the table of
 * supported data types):
 *
 * <table>
 * <tr><th>Encoding</th><th>Types</th></tr>
 * <tr><td>RAW</td><td>all</td></tr>
 * <tr><td>AZ64</td><td>SMALLINT, INTEGER, BIGINT, DECIMAL, DATE, TIMESTAMP, TIMESTAMPTZ</td></tr>
 * <tr><td>BYTEDICT</td><td>SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE, CHAR, VARCHAR, DATE, TIMESTAMP, TIMESTAMPTZ</td></tr>
 * <tr><td>DELTA</td><td>SMALLINT, INTEGER, BIGINT, DATE, TIMESTAMP, DECIMAL</td></tr>
 * <tr><td>DELTA32K</td><td>INTEGER, BIGINT, DATE, TIMESTAMP, DECIMAL</td></tr>
 * <tr><td>LZO</td><td>all except BOOLEAN, REAL, DOUBLE</td></tr>
 * <tr><td>MOSTLY8</td><td>SMALLINT, INTEGER, BIGINT, DECIMAL</td></tr>
 * <tr><td>MOSTLY16</td><td>INTEGER, BIGINT, DECIMAL</td></tr>
 * <tr><td>MOSTLY32</td><td>BIGINT, DECIMAL</td></tr>
 * <tr><td>RUNLENGTH</td><td>all</td></tr>
 * <tr><td>TEXT255, TEXT32K</td><td>VARCHAR</td></tr>
 * <tr><td>ZSTD</td><td>all</td></tr>
 * </table>
 */
public final class EncodingTypes
{
    private static final Map<Encoding, Set<Kind>> KINDS = table();

    private EncodingTypes() {}

    public static boolean applies(Encoding encoding, ColumnType type)
    {
        requireNonNull(encoding, "encoding is null");
        requireNonNull(type, "type is null");
        return KINDS.get(encoding).contains(type.kind());
    }

    /** The kinds of column an encoding applies to. */
    public static Set<Kind> kinds(Encoding encoding)
    {
        requireNonNull(encoding, "encoding is null");
        return KINDS.get(encoding);
    }

    private static Map<Encoding, Set<Kind>> table()
    {
        Map<Encoding, Set<Kind>> table = new EnumMap<>(Encoding.class);
        table.put(Encoding.RAW, EnumSet.allOf(Kind.class));
        table.put(Encoding.AZ64, EnumSet.of(SMALLINT, INTEGER, BIGINT, DECIMAL, DATE, TIMESTAMP, TIMESTAMPTZ));
        table.put(Encoding.BYTEDICT, EnumSet.of(SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE, CHAR, VARCHAR, DATE, TIMESTAMP, TIMESTAMPTZ));
        table.put(Encoding.DELTA, EnumSet.of(SMALLINT, INTEGER, BIGINT, DATE, TIMESTAMP, DECIMAL));
        table.put(Encoding.DELTA32K, EnumSet.of(INTEGER, BIGINT, DATE, TIMESTAMP, DECIMAL));
        table.put(Encoding.LZO, EnumSet.complementOf(EnumSet.of(BOOLEAN, REAL, DOUBLE)));
        table.put(Encoding.MOSTLY8, EnumSet.of(SMALLINT, INTEGER, BIGINT, DECIMAL));
        table.put(Encoding.MOSTLY16, EnumSet.of(INTEGER, BIGINT, DECIMAL));
        table.put(Encoding.MOSTLY32, EnumSet.of(BIGINT, DECIMAL));
        table.put(Encoding.RUNLENGTH, EnumSet.allOf(Kind.class));
        table.put(Encoding.TEXT255, EnumSet.of(VARCHAR));
        table.put(Encoding.TEXT32K, EnumSet.of(VARCHAR));
        table.put(Encoding.ZSTD, EnumSet.allOf(Kind.class));
        Map<Encoding, Set<Kind>> immutable = new EnumMap<>(Encoding.class);
        table.forEach((encoding, kinds) -> immutable.put(encoding, Set.copyOf(kinds)));
        return Map.copyOf(immutable);
    }
}
