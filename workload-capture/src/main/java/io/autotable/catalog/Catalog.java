package io.autotable.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The tables of a warehouse, sorted by name so that everything derived from a catalog is stable.
 */
public record Catalog(List<Table> tables)
{
    @JsonCreator
    public Catalog(@JsonProperty("tables") List<Table> tables)
    {
        List<Table> sorted = new ArrayList<>(requireNonNull(tables, "tables is null"));
        sorted.sort(Comparator.comparing(Table::name));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
                throw CaptureException.invalid("catalog has table %s twice", sorted.get(i).name());
            }
        }
        this.tables = List.copyOf(sorted);
    }

    public static Catalog empty()
    {
        return new Catalog(List.of());
    }

    public Optional<Table> findTable(String name)
    {
        String normalized = Identifiers.normalize(name, "table");
        for (Table table : tables) {
            if (table.name().equals(normalized)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    /**
     * @throws CaptureException with {@link ErrorCode#UNKNOWN_TABLE} when there is no such table
     */
    public Table table(String name)
    {
        return findTable(name).orElseThrow(() -> new CaptureException(ErrorCode.UNKNOWN_TABLE,
                "the catalog has no table %s: run 'autotable catalog' to list its tables".formatted(name)));
    }

    /** This catalog with the given tables added, replacing any of the same name. */
    public Catalog withTables(List<Table> replacements)
    {
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(table -> byName.put(table.name(), table));
        replacements.forEach(table -> byName.put(table.name(), table));
        return new Catalog(new ArrayList<>(byName.values()));
    }
}
