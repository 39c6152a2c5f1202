package io.autotable.simulator.layout;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestTableDataBuilder
{
    private static final List<Column> COLUMNS = List.of(
            Column.notNull("id", ColumnType.of(ColumnType.Kind.BIGINT)),
            Column.of("price", ColumnType.decimal(12, 2)),
            Column.of("day", ColumnType.of(ColumnType.Kind.DATE)),
            Column.of("at", ColumnType.of(ColumnType.Kind.TIMESTAMP)),
            Column.of("code", ColumnType.character(10)),
            Column.of("note", ColumnType.varchar(40)),
            Column.of("ratio", ColumnType.of(ColumnType.Kind.DOUBLE)),
            Column.of("flag", ColumnType.of(ColumnType.Kind.BOOLEAN)));

    @Test
    void valuesAreStoredAsColumnDataDocumentsAndTheBuilderGrows()
    {
        // an expected size far below the rows added: the arrays must grow
        TableDataBuilder builder = new TableDataBuilder(COLUMNS, 1);
        for (int i = 0; i < 1000; i++) {
            builder.add(new Object[] {
                    (long) i,
                    i % 7 == 0 ? null : new BigDecimal("12.5").add(BigDecimal.valueOf(i)),
                    LocalDate.of(2024, 1, 1).plusDays(i),
                    LocalDateTime.of(1970, 1, 1, 0, 0, 1).plusSeconds(i),
                    "c" + (i % 3) + "   ",
                    i % 5 == 0 ? null : "note " + i,
                    i / 4.0,
                    i % 2 == 0});
        }
        TableData data = builder.build(new Table("t", COLUMNS, 1000, 0));

        assertThat(data.rows()).isEqualTo(1000);
        ColumnData price = data.columns().get(1);
        assertThat(price.isNull(7)).isTrue();
        assertThat(price.value(8)).isEqualTo(2050);
        assertThat(data.columns().get(2).value(3)).isEqualTo(LocalDate.of(2024, 1, 4).toEpochDay());
        assertThat(data.columns().get(3).value(2)).isEqualTo(3_000_000);
        // CHAR without its trailing blanks, as Redshift compares it
        assertThat(data.columns().get(4).string(4)).isEqualTo("c1");
        assertThat(data.columns().get(5).isNull(10)).isTrue();
        assertThat(data.columns().get(5).string(999)).isEqualTo("note 999");
        assertThat(Double.longBitsToDouble(data.columns().get(6).value(6))).isEqualTo(1.5);
        assertThat(data.columns().get(7).value(6)).isEqualTo(1);
        assertThat(data.columns().get(0).hasNulls()).isFalse();
    }
}
