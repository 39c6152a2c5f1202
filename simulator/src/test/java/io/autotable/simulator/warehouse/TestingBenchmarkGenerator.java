package io.autotable.simulator.warehouse;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.simulator.data.BenchmarkGenerator;
import io.autotable.simulator.data.RowSink;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A tiny two-table benchmark whose every value is known: {@code small} has {@code rows} rows with
 * id {@code i}, amount {@code i/100}, a label cycling over 7 values (null every 10th row) and a
 * date; {@code tiny} has 3 rows.
 */
final class TestingBenchmarkGenerator
        implements BenchmarkGenerator
{
    private final long rows;

    TestingBenchmarkGenerator(long rows)
    {
        this.rows = rows;
    }

    @Override
    public String name()
    {
        return "testing";
    }

    @Override
    public double minScale()
    {
        return 0.001;
    }

    @Override
    public double maxScale()
    {
        return 1;
    }

    @Override
    public List<Table> schema()
    {
        return List.of(
                Table.declared("small", List.of(
                        Column.notNull("id", ColumnType.of(ColumnType.Kind.BIGINT)),
                        Column.notNull("amount", ColumnType.decimal(12, 2)),
                        Column.of("label", ColumnType.varchar(10)),
                        Column.notNull("day", ColumnType.of(ColumnType.Kind.DATE)))),
                Table.declared("tiny", List.of(Column.notNull("k", ColumnType.of(ColumnType.Kind.INTEGER)))));
    }

    @Override
    public long expectedRows(String table, double scale)
    {
        return table.equals("small") ? rows : 3;
    }

    @Override
    public void generate(String table, double scale, RowSink sink)
    {
        if (table.equals("tiny")) {
            for (long k = 1; k <= 3; k++) {
                sink.accept(new Object[] {k});
            }
            return;
        }
        for (long i = 0; i < rows; i++) {
            String label = i % 10 == 0 ? null : "label" + (i % 7);
            sink.accept(new Object[] {i, BigDecimal.valueOf(i, 2), label, LocalDate.of(2020, 1, 1).plusDays(i % 366)});
        }
    }
}
