package io.autotable.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.Table;
import io.autotable.catalog.ValueFrequency;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.repository.CatalogEntry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code autotable catalog --format json} prints: every table with its state, statistics and
 * current design. Field names are a contract documented in the README; absent values are
 * {@code null}, never missing.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record CatalogReport(String autotableVersion, String workspace, List<TableView> tables)
{
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TableView(String name, String state, String origin, long rows, long sizeBytes, List<ColumnView> columns, DesignView design) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ColumnView(
            String name,
            String type,
            boolean nullable,
            Long distinct,
            Boolean distinctExact,
            Double nullFraction,
            String min,
            String max,
            Double averageWidth,
            List<ValueFrequency> mostCommon,
            List<String> histogram) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DesignView(String distribution, String distkey, String sortStyle, List<String> sortkey, Map<String, String> encodings) {}

    static CatalogReport of(String version, String workspace, List<CatalogEntry> entries, PhysicalDesign design)
    {
        return new CatalogReport(version, workspace, entries.stream().map(entry -> table(entry, design.table(entry.table().name()))).toList());
    }

    private static TableView table(CatalogEntry entry, TableDesign design)
    {
        Table table = entry.table();
        Map<String, String> encodings = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            encodings.put(column.name(), design.encoding(column.name()).name());
        }
        DesignView designView = new DesignView(design.distribution().name(), design.distkey().orElse(null), design.sortStyle().name(), design.sortkey(), encodings);
        return new TableView(table.name(), entry.state().name(), entry.origin(), table.rows(), table.sizeBytes(),
                table.columns().stream().map(CatalogReport::column).toList(), designView);
    }

    private static ColumnView column(Column column)
    {
        if (column.stats().isEmpty()) {
            return new ColumnView(column.name(), column.type().sql(), column.nullable(), null, null, null, null, null, null, List.of(), List.of());
        }
        ColumnStats stats = column.stats().get();
        return new ColumnView(column.name(), column.type().sql(), column.nullable(), stats.distinct(), stats.distinctExact(), stats.nullFraction(),
                stats.min().orElse(null), stats.max().orElse(null), stats.averageWidth(), stats.mostCommon(), stats.histogram());
    }
}
