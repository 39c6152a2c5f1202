package io.autotable.design;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.error.CaptureException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTableDesign
{
    @Test
    void initialDesignIsEvenUnsortedAndRaw()
    {
        TableDesign design = TableDesign.initial();

        assertThat(design.distribution()).isEqualTo(DistStyle.EVEN);
        assertThat(design.sortkey()).isEmpty();
        assertThat(design.encoding("any_column")).isEqualTo(Encoding.RAW);
    }

    @Test
    void namesAreFoldedToLowerCase()
    {
        TableDesign design = new TableDesign(DistStyle.KEY, Optional.of("L_OrderKey"), SortStyle.INTERLEAVED, List.of("A", "b"), Map.of("C", Encoding.LZO));

        assertThat(design.distkey()).contains("l_orderkey");
        assertThat(design.sortkey()).containsExactly("a", "b");
        assertThat(design.encoding("c")).isEqualTo(Encoding.LZO);
    }

    @Test
    void rejectsInconsistentDesigns()
    {
        assertThatThrownBy(() -> new TableDesign(DistStyle.EVEN, Optional.of("x"), SortStyle.NONE, List.of(), Map.of()))
                .isInstanceOf(CaptureException.class).hasMessageContaining("takes no distkey");
        assertThatThrownBy(() -> new TableDesign(DistStyle.EVEN, Optional.empty(), SortStyle.COMPOUND, List.of(), Map.of()))
                .isInstanceOf(CaptureException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> new TableDesign(DistStyle.EVEN, Optional.empty(), SortStyle.COMPOUND, List.of("a", "A"), Map.of()))
                .isInstanceOf(CaptureException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new TableDesign(DistStyle.EVEN, Optional.empty(), SortStyle.INTERLEAVED,
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i"), Map.of()))
                .isInstanceOf(CaptureException.class).hasMessageContaining("at most 8");
    }

    @Test
    void checkAgainstNamesTheMissingColumn()
    {
        Table table = Table.declared("t", List.of(Column.of("a", ColumnType.of(ColumnType.Kind.INTEGER))));
        TableDesign design = TableDesign.initial().withSortKey(SortStyle.COMPOUND, List.of("a", "missing"));

        assertThatThrownBy(() -> design.checkAgainst(table))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("table t")
                .hasMessageContaining("missing");
    }

    @Test
    void encodingParsesRedshiftNamesAndNone()
    {
        assertThat(Encoding.parse("az64")).isEqualTo(Encoding.AZ64);
        assertThat(Encoding.parse("Delta32k")).isEqualTo(Encoding.DELTA32K);
        assertThat(Encoding.parse("none")).isEqualTo(Encoding.RAW);
        assertThatThrownBy(() -> Encoding.parse("gzip")).isInstanceOf(CaptureException.class).hasMessageContaining("gzip");
    }
}
