package io.autotable.advisor.encoding;

import io.autotable.advisor.encoding.SampleReader.SampleSpec;
import io.autotable.catalog.Table;
import io.autotable.design.Encoding;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.encoding.Column;
import io.autotable.encoding.EncodedSizes;
import io.autotable.encoding.EncodingSelector;
import io.autotable.encoding.EncodingTypes;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Recommends each column's encoding, as Redshift's ANALYZE COMPRESSION does: a sample of the
 * table ({@link SampleReader}) is encoded with the current encoding, the selector's choice and
 * every other applicable encoding, so the reported sizes are measured, not predicted. Sizes are
 * estimated for the whole table by scaling the sample's encoded bytes by {@code rows / sampleRows}
 * (exact when the sample is the whole table), {@code rows} being the catalog's count when the
 * warehouse holds only a sample of the table.
 *
 * <p>The first column of a compound sort key, and every column of an interleaved one, stays RAW,
 * Redshift's rule so that zone maps on it stay cheap to evaluate; the oracle's figure follows the
 * same rule, so that the two totals compare like with like.
 */
public final class EncodingAdvisor
{
    private final EncodingSelector selector;
    private final SampleSpec sample;

    public EncodingAdvisor(EncodingSelector selector, SampleSpec sample)
    {
        this.selector = requireNonNull(selector, "selector is null");
        this.sample = requireNonNull(sample, "sample is null");
    }

    /**
     * One column's advice.
     *
     * @param reason why the recommendation is what it is, when it is not the selector's plain choice
     */
    public record ColumnAdvice(
            String table,
            String column,
            String type,
            Encoding current,
            Encoding recommended,
            Encoding oracle,
            long currentBytes,
            long recommendedBytes,
            long oracleBytes,
            Optional<String> reason)
    {
        public ColumnAdvice
        {
            requireNonNull(table, "table is null");
            requireNonNull(column, "column is null");
            requireNonNull(type, "type is null");
            requireNonNull(current, "current is null");
            requireNonNull(recommended, "recommended is null");
            requireNonNull(oracle, "oracle is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /**
     * A table's advice.
     *
     * @param rows the table's rows
     * @param sampleRows rows the sizes were measured on
     */
    public record TableAdvice(String table, long rows, int sampleRows, List<ColumnAdvice> columns)
    {
        public TableAdvice
        {
            requireNonNull(table, "table is null");
            columns = List.copyOf(columns);
        }
    }

    public String selectorName()
    {
        return selector.name();
    }

    public SampleSpec sample()
    {
        return sample;
    }

    /**
     * Advice for one table whose rows are in the warehouse behind {@code connection}.
     *
     * @param storedRows rows the warehouse holds; sizes are scaled to the larger of these and the
     *        catalog's row count (a table loaded as a sample of a bigger one)
     */
    public TableAdvice advise(Connection connection, Table table, long storedRows, TableDesign design)
    {
        requireNonNull(design, "design is null");
        List<Column> samples = SampleReader.read(connection, table, storedRows, sample);
        long rows = Math.max(storedRows, table.rows());
        int sampleRows = samples.isEmpty() ? 0 : samples.get(0).size();
        List<ColumnAdvice> columns = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            columns.add(adviseColumn(table, table.columns().get(i), samples.get(i), rows, sampleRows, design));
        }
        return new TableAdvice(table.name(), rows, sampleRows, columns);
    }

    private ColumnAdvice adviseColumn(Table table, io.autotable.catalog.Column column, Column values, long rows, int sampleRows, TableDesign design)
    {
        Map<Encoding, Long> sizes = EncodedSizes.allApplicable(column.type(), values);
        Encoding current = design.encoding(column.name());
        Optional<String> reason = Optional.empty();
        Encoding recommended;
        Encoding oracle;
        if (keptRaw(column.name(), design)) {
            recommended = Encoding.RAW;
            oracle = Encoding.RAW;
            reason = Optional.of("sort-key column: kept RAW, as Redshift does");
        }
        else {
            recommended = selector.select(column.type(), values).encoding();
            oracle = EncodedSizes.smallest(sizes);
        }
        long currentSampleBytes;
        if (EncodingTypes.applies(current, column.type())) {
            currentSampleBytes = sizes.get(current);
        }
        else {
            currentSampleBytes = sizes.get(Encoding.RAW);
            reason = Optional.of("the current encoding %s does not apply to %s: measured as RAW".formatted(current, column.type().sql()));
        }
        return new ColumnAdvice(table.name(), column.name(), column.type().sql(), current, recommended, oracle,
                scale(currentSampleBytes, rows, sampleRows), scale(sizes.get(recommended), rows, sampleRows), scale(sizes.get(oracle), rows, sampleRows), reason);
    }

    private static boolean keptRaw(String column, TableDesign design)
    {
        if (design.sortkey().isEmpty()) {
            return false;
        }
        if (design.sortStyle() == SortStyle.INTERLEAVED) {
            return design.sortkey().contains(column);
        }
        return design.sortkey().get(0).equals(column);
    }

    private static long scale(long sampleBytes, long rows, int sampleRows)
    {
        if (sampleRows == 0 || rows <= sampleRows) {
            return sampleBytes;
        }
        return Math.round((double) sampleBytes * rows / sampleRows);
    }
}
