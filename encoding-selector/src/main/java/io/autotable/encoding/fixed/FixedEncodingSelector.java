package io.autotable.encoding.fixed;

import io.autotable.catalog.ColumnType;
import io.autotable.design.Encoding;
import io.autotable.encoding.Column;
import io.autotable.encoding.Columns;
import io.autotable.encoding.EncodingSelector;
import io.autotable.encoding.EncodingTypes;

import static java.util.Objects.requireNonNull;

/**
 * Baselines that never look at the data: one encoding everywhere it applies (RAW elsewhere), or
 * Redshift's documented defaults for a table created without ENCODE clauses (AWS, "Compression
 * encodings": AZ64 for SMALLINT, INTEGER, BIGINT, DECIMAL, DATE, TIMESTAMP and TIMESTAMPTZ, LZO
 * for CHAR and VARCHAR, RAW for BOOLEAN, REAL, DOUBLE PRECISION and the rest). Redshift also keeps
 * sort-key columns RAW; a selector sees one column, not the table's design, so that rule is the
 * caller's.
 */
public final class FixedEncodingSelector
        implements EncodingSelector
{
    private final String name;
    private final Encoding numbers;
    private final Encoding texts;
    private final Encoding others;

    private FixedEncodingSelector(String name, Encoding numbers, Encoding texts, Encoding others)
    {
        this.name = requireNonNull(name, "name is null");
        this.numbers = requireNonNull(numbers, "numbers is null");
        this.texts = requireNonNull(texts, "texts is null");
        this.others = requireNonNull(others, "others is null");
    }

    /** The encoding on every column it applies to, RAW on the others. */
    public static FixedEncodingSelector everywhere(Encoding encoding)
    {
        return new FixedEncodingSelector("all-" + encoding.name().toLowerCase(java.util.Locale.ROOT), encoding, encoding, encoding);
    }

    /** Redshift's defaults for columns without an ENCODE clause that are not in the sort key. */
    public static FixedEncodingSelector redshiftDefaults()
    {
        return new FixedEncodingSelector("redshift-defaults", Encoding.AZ64, Encoding.LZO, Encoding.RAW);
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public Selection select(ColumnType type, Column sample)
    {
        Columns.checkClass(type, sample);
        Encoding encoding = type.isText() ? texts : others;
        if (EncodingTypes.applies(numbers, type) && !type.isText()) {
            encoding = numbers;
        }
        return new Selection(EncodingTypes.applies(encoding, type) ? encoding : Encoding.RAW, 0);
    }
}
