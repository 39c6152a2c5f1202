package io.autotable.advisor.encoding;

import io.autotable.catalog.Column;
import io.autotable.catalog.Table;
import io.autotable.design.Encoding;
import io.autotable.design.TableDesign;
import io.autotable.encoding.EncodingTypes;

import java.util.HashMap;
import java.util.Map;

/**
 * The encodings Redshift gives the columns of a table created without ENCODE clauses (AWS,
 * "Compression encodings"): RAW for sort-key columns and for BOOLEAN, REAL and DOUBLE PRECISION;
 * AZ64 for SMALLINT, INTEGER, BIGINT, DECIMAL, DATE, TIMESTAMP and TIMESTAMPTZ; LZO for CHAR and
 * VARCHAR. Used to score a hand-written design (AWS's benchmark DDL declares no ENCODE) the way
 * Redshift would store it.
 */
public final class RedshiftDefaultEncodings
{
    private RedshiftDefaultEncodings() {}

    /** The design with Redshift's default for every column it gives no encoding. */
    public static TableDesign apply(TableDesign design, Table table)
    {
        Map<String, Encoding> encodings = new HashMap<>(design.encodings());
        for (Column column : table.columns()) {
            if (!encodings.containsKey(column.name())) {
                encodings.put(column.name(), of(column, design));
            }
        }
        return design.withEncodings(encodings);
    }

    static Encoding of(Column column, TableDesign design)
    {
        if (design.sortkey().contains(column.name())) {
            return Encoding.RAW;
        }
        if (column.type().isText()) {
            return EncodingTypes.applies(Encoding.LZO, column.type()) ? Encoding.LZO : Encoding.RAW;
        }
        return EncodingTypes.applies(Encoding.AZ64, column.type()) ? Encoding.AZ64 : Encoding.RAW;
    }
}
