package io.autotable.ddl;

import io.autotable.catalog.Table;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.repository.CatalogEntry;
import io.autotable.repository.JournalEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.WorkloadRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Applies an imported schema to a workspace, all or nothing. A table the workspace already holds
 * data for keeps its columns and statistics (the data is the truth) and takes the declared
 * design; a table it does not know is added as {@link TableState#DECLARED}, columns and design
 * without data.
 */
public final class CatalogImporter
{
    /**
     * What an import changed.
     *
     * @param designed tables with data whose design the import set
     * @param declared tables the import added (or re-declared) without data
     * @param warnings the parser's warnings and differences between declared and loaded columns
     */
    public record Result(List<String> designed, List<String> declared, List<String> warnings)
    {
        public Result
        {
            designed = List.copyOf(requireNonNull(designed, "designed is null"));
            declared = List.copyOf(requireNonNull(declared, "declared is null"));
            warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        }
    }

    private CatalogImporter() {}

    /**
     * @param origin where the schema came from, e.g. {@code ddl schema.sql}
     * @throws CaptureException with {@link ErrorCode#UNKNOWN_COLUMN} when the design names a column a
     *         loaded table does not have; nothing is written then
     */
    public static Result apply(WorkloadRepository repository, DdlImport ddl, String origin)
    {
        Map<String, CatalogEntry> existing = new HashMap<>();
        for (CatalogEntry entry : repository.catalogEntries()) {
            existing.put(entry.table().name(), entry);
        }
        List<String> designed = new ArrayList<>();
        List<Table> declared = new ArrayList<>();
        List<String> warnings = new ArrayList<>(ddl.warnings());
        for (Table table : ddl.catalog().tables()) {
            TableDesign design = ddl.design().table(table.name());
            CatalogEntry entry = existing.get(table.name());
            if (entry == null || entry.state() == TableState.DECLARED) {
                declared.add(table);
                continue;
            }
            try {
                design.checkAgainst(entry.table());
            }
            catch (CaptureException e) {
                throw new CaptureException(ErrorCode.UNKNOWN_COLUMN,
                        "%s: %s; nothing was imported: fix the DDL or reload the table".formatted(origin, e.getMessage()), e);
            }
            Set<String> declaredColumns = new HashSet<>(table.columnNames());
            Set<String> loadedColumns = new HashSet<>(entry.table().columnNames());
            if (!declaredColumns.equals(loadedColumns)) {
                warnings.add("%s: table %s is declared with columns %s but the warehouse has %s; its loaded columns are kept"
                        .formatted(origin, table.name(), table.columnNames(), entry.table().columnNames()));
            }
            designed.add(table.name());
        }
        repository.saveTables(declared, TableState.DECLARED, origin, ddl.design());
        Result result = new Result(designed, declared.stream().map(Table::name).toList(), warnings);
        repository.appendJournal(JournalEntry.of("catalog-import", Optional.empty(), Json.write(Map.of(
                "origin", origin,
                "designed", result.designed(),
                "declared", result.declared(),
                "design", ddl.design()))));
        return result;
    }
}
