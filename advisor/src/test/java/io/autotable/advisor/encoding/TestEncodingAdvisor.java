package io.autotable.advisor.encoding;

import io.autotable.advisor.encoding.EncodingAdvisor.ColumnAdvice;
import io.autotable.advisor.encoding.EncodingAdvisor.TableAdvice;
import io.autotable.advisor.encoding.SampleReader.SampleSpec;
import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.design.Encoding;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.encoding.LongColumn;
import io.autotable.encoding.exhaustive.ExhaustiveEncodingSelector;
import io.autotable.repository.Workspace;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.simulator.warehouse.TableWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestEncodingAdvisor
{
    private static final int ROWS = 10_000;

    @TempDir
    Path directory;

    @Test
    void samplesEvenlySpacedChunksOfConsecutiveRowsInStoredOrder()
    {
        try (EmbeddedWarehouse warehouse = warehouseWithTable()) {
            List<io.autotable.encoding.Column> sample = SampleReader.read(warehouse.connection(), table(), ROWS, new SampleSpec(1000, 4));

            long[] ids = ((LongColumn) sample.get(0)).values();
            assertThat(ids).hasSize(1000);
            for (int chunk = 0; chunk < 4; chunk++) {
                for (int i = 0; i < 250; i++) {
                    assertThat(ids[chunk * 250 + i]).isEqualTo(chunk * 2_500L + i);
                }
            }
        }
    }

    @Test
    void keepsTheSortKeysFirstColumnRawAndMeasuresTheRest()
    {
        try (EmbeddedWarehouse warehouse = warehouseWithTable()) {
            TableDesign design = TableDesign.initial()
                    .withSortKey(SortStyle.COMPOUND, List.of("id"))
                    .withEncodings(Map.of("status", Encoding.ZSTD));
            EncodingAdvisor advisor = new EncodingAdvisor(new ExhaustiveEncodingSelector(), SampleSpec.defaults());

            TableAdvice advice = advisor.advise(warehouse.connection(), table(), ROWS, design);

            assertThat(advice.sampleRows()).isEqualTo(ROWS);
            ColumnAdvice id = advice.columns().get(0);
            assertThat(id.recommended()).isEqualTo(Encoding.RAW);
            assertThat(id.oracle()).isEqualTo(Encoding.RAW);
            assertThat(id.reason()).hasValueSatisfying(reason -> assertThat(reason).contains("sort-key"));
            ColumnAdvice status = advice.columns().get(1);
            assertThat(status.current()).isEqualTo(Encoding.ZSTD);
            // long runs of one value: run-length coding beats everything
            assertThat(status.recommended()).isEqualTo(Encoding.RUNLENGTH);
            assertThat(status.recommendedBytes()).isEqualTo(status.oracleBytes()).isLessThan(status.currentBytes());
        }
    }

    private EmbeddedWarehouse warehouseWithTable()
    {
        EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(new Workspace(directory.resolve("w")));
        warehouse.createTable(table());
        try (TableWriter writer = warehouse.writer(table(), 1000, 10_000)) {
            for (int i = 0; i < ROWS; i++) {
                writer.write(new Object[] {(long) i, i < ROWS / 2 ? "open" : "closed"});
            }
        }
        return warehouse;
    }

    private static Table table()
    {
        return Table.declared("orders", List.of(Column.notNull("id", ColumnType.of(ColumnType.Kind.BIGINT)), Column.of("status", ColumnType.varchar(10))));
    }
}
