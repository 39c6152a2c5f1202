package io.autotable.design;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Identifiers;
import io.autotable.catalog.Table;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The physical design of a warehouse: one {@link TableDesign} per table, by table name. A table
 * that is not listed has the {@linkplain TableDesign#initial() initial} design.
 */
public record PhysicalDesign(Map<String, TableDesign> tables)
{
    public PhysicalDesign
    {
        SortedMap<String, TableDesign> sorted = new TreeMap<>();
        requireNonNull(tables, "tables is null").forEach((name, design) ->
                sorted.put(Identifiers.normalize(name, "table"), requireNonNull(design, "design is null")));
        tables = Collections.unmodifiableSortedMap(sorted);
    }

    public static PhysicalDesign empty()
    {
        return new PhysicalDesign(Map.of());
    }

    /** The initial design of every table of a catalog. */
    public static PhysicalDesign initial(Catalog catalog)
    {
        Map<String, TableDesign> designs = new TreeMap<>();
        for (Table table : catalog.tables()) {
            designs.put(table.name(), TableDesign.initial());
        }
        return new PhysicalDesign(designs);
    }

    public TableDesign table(String name)
    {
        return tables.getOrDefault(Identifiers.normalize(name, "table"), TableDesign.initial());
    }

    public PhysicalDesign with(String name, TableDesign design)
    {
        Map<String, TableDesign> copy = new TreeMap<>(tables);
        copy.put(Identifiers.normalize(name, "table"), design);
        return new PhysicalDesign(copy);
    }
}
