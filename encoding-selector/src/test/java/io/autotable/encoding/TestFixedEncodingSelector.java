package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.catalog.ColumnType.Kind;
import io.autotable.design.Encoding;
import io.autotable.encoding.fixed.FixedEncodingSelector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

public class TestFixedEncodingSelector
        extends AbstractTestEncodingSelector
{
    @Override
    protected EncodingSelector selector()
    {
        return FixedEncodingSelector.redshiftDefaults();
    }

    @Test
    public void redshiftDefaultsAreAz64ForNumbersLzoForTextRawForTheRest()
    {
        EncodingSelector defaults = FixedEncodingSelector.redshiftDefaults();
        assertThat(defaults.select(ColumnType.of(Kind.INTEGER), LongColumn.of(1)).encoding()).isEqualTo(Encoding.AZ64);
        assertThat(defaults.select(ColumnType.decimal(12, 2), LongColumn.of(1)).encoding()).isEqualTo(Encoding.AZ64);
        assertThat(defaults.select(ColumnType.of(Kind.TIMESTAMP), LongColumn.of(1)).encoding()).isEqualTo(Encoding.AZ64);
        assertThat(defaults.select(ColumnType.varchar(5), TextColumn.of(new byte[] {'a'})).encoding()).isEqualTo(Encoding.LZO);
        assertThat(defaults.select(ColumnType.of(Kind.BOOLEAN), LongColumn.of(1)).encoding()).isEqualTo(Encoding.RAW);
        assertThat(defaults.select(ColumnType.of(Kind.DOUBLE), DoubleColumn.of(1.5)).encoding()).isEqualTo(Encoding.RAW);
    }

    @Test
    public void everywhereFallsBackToRawWhereTheEncodingDoesNotApply()
    {
        assertThat(FixedEncodingSelector.everywhere(Encoding.ZSTD).select(ColumnType.of(Kind.BOOLEAN), LongColumn.of(1)).encoding()).isEqualTo(Encoding.ZSTD);
        assertThat(FixedEncodingSelector.everywhere(Encoding.AZ64).select(ColumnType.of(Kind.REAL), DoubleColumn.of(1.5)).encoding()).isEqualTo(Encoding.RAW);
        assertThat(FixedEncodingSelector.everywhere(Encoding.ZSTD).name()).isEqualTo("all-zstd");
    }
}
