package io.autotable.encoding.benchmark;

import io.autotable.catalog.ColumnType;
import io.autotable.catalog.ColumnType.Kind;
import io.autotable.encoding.Column;
import io.autotable.encoding.ColumnProfile;
import io.autotable.encoding.learned.SyntheticColumns;
import io.autotable.encoding.learned.SyntheticColumns.Shape;
import io.autotable.encoding.learned.SyntheticColumns.TextShape;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The benchmarks' standard column set: 100,000 seeded values each of surrogate keys (INTEGER
 * sequence), Zipf-distributed BIGINT, prices (DECIMAL(12,2)), event timestamps, a sorted DATE,
 * a low-cardinality VARCHAR and free text.
 */
final class StandardColumns
{
    static final int ROWS = 100_000;

    record Standard(String name, ColumnType type, Column column, long rawBytes) {}

    private StandardColumns() {}

    static List<Standard> all()
    {
        SplittableRandom random = new SplittableRandom(2026);
        return List.of(
                numeric("int_keys", ColumnType.of(Kind.INTEGER), Shape.SEQUENCE, random.split()),
                numeric("bigint_zipf", ColumnType.of(Kind.BIGINT), Shape.ZIPF, random.split()),
                numeric("decimal_prices", ColumnType.decimal(12, 2), Shape.MONEY, random.split()),
                numeric("timestamp_events", ColumnType.of(Kind.TIMESTAMP), Shape.TIMESTAMPS, random.split()),
                numeric("date_sorted", ColumnType.of(Kind.DATE), Shape.SORTED, random.split()),
                text("varchar_categories", TextShape.LOW_CARDINALITY, random.split()),
                text("varchar_text", TextShape.FREE_TEXT, random.split()));
    }

    private static Standard numeric(String name, ColumnType type, Shape shape, SplittableRandom random)
    {
        Column column = SyntheticColumns.numeric(type, shape, ROWS, 0, random);
        return new Standard(name, type, column, ColumnProfile.of(type, column).valueBytes());
    }

    private static Standard text(String name, TextShape shape, SplittableRandom random)
    {
        ColumnType type = ColumnType.varchar(256);
        Column column = SyntheticColumns.text(type, shape, ROWS, 0, random);
        return new Standard(name, type, column, ColumnProfile.of(type, column).valueBytes());
    }
}
