package io.autotable.capture.redshift;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.autotable.catalog.Identifiers;
import io.autotable.catalog.Table;
import io.autotable.design.DistStyle;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.repository.CatalogEntry;
import io.autotable.repository.JournalEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.WorkloadRepository;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Applies a CSV export (with header) of Redshift's {@code SVV_TABLE_INFO} to a workspace whose
 * tables were declared by DDL before, all or nothing.
 *
 * <p>What the export gives: per table, its row count ({@code estimated_visible_rows}, else
 * {@code tbl_rows}, which counts deleted rows not yet vacuumed), its size ({@code size} 1 MB blocks,
 * stored as bytes: the <em>compressed</em> size on disk, with each column's minimum of one block
 * per slice), its distribution ({@code EVEN}, {@code ALL}, {@code KEY(col)}, and the same inside
 * {@code AUTO(...)} when Redshift chooses), and the first sort-key column with the number of
 * sort-key columns. What it does not give: columns and their types (hence the DDL first), the
 * sort key's other columns, each column's encoding ({@code encoded} only says whether any column
 * has one), value statistics, and the workload. The skew, unsorted and stats_off columns are
 * read by nobody yet.
 *
 * <p>For a {@link TableState#DECLARED} table the rows, size and design are set; a loaded table
 * keeps its rows and size (its data is the truth, as {@link io.autotable.ddl.CatalogImporter}
 * keeps it) and takes the design. The sort key keeps the DDL's columns when they agree with
 * {@code sortkey1} and {@code sortkey_num}; else it becomes {@code sortkey1} alone, with a warning.
 * An interleaved key shows as {@code INTERLEAVED} in {@code sortkey1}, without its columns: the
 * DDL's interleaved key is kept if it has one, else the sort key is left as it was, with a warning.
 * Tables the catalog does not have are skipped with a warning (their columns are unknown).
 */
public final class SvvTableInfoImporter
{
    public static final long BLOCK_BYTES = 1L << 20;

    private static final Pattern KEY = Pattern.compile("KEY\\((.+)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTO = Pattern.compile("AUTO\\((.+)\\)", Pattern.CASE_INSENSITIVE);

    /**
     * What an import changed.
     *
     * @param updated tables whose counts or design the import set
     * @param automatic tables whose distribution or sort key Redshift chooses ({@code AUTO}), which
     *        it may change on its own
     * @param warnings tables skipped and designs only partly known
     */
    public record Result(List<String> updated, List<String> automatic, List<String> warnings)
    {
        public Result
        {
            updated = List.copyOf(requireNonNull(updated, "updated is null"));
            automatic = List.copyOf(requireNonNull(automatic, "automatic is null"));
            warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        }
    }

    private SvvTableInfoImporter() {}

    /**
     * @param origin where the export came from, e.g. {@code svv_table_info tables.csv}
     * @throws CaptureException when the file cannot be read, a value cannot be parsed, or the design
     *         names a column the table does not have; nothing is written then
     */
    public static Result apply(WorkloadRepository repository, Path file, String origin)
    {
        List<Map<String, String>> rows = readRows(file);
        Map<String, CatalogEntry> existing = new HashMap<>();
        for (CatalogEntry entry : repository.catalogEntries()) {
            existing.put(entry.table().name(), entry);
        }
        PhysicalDesign current = repository.design();
        List<Table> declared = new ArrayList<>();
        Map<String, TableDesign> designs = new TreeMap<>();
        List<String> updated = new ArrayList<>();
        List<String> automatic = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long line = 1;
        for (Map<String, String> row : rows) {
            line++;
            String where = "%s:%d".formatted(file, line);
            String name = Identifiers.normalize(required(row, "table", where), "table");
            String qualified = Optional.ofNullable(row.get("schema")).filter(schema -> !schema.isBlank()).map(schema -> schema + "." + name).orElse(name);
            if (!seen.add(name)) {
                warnings.add("%s: table %s appears again (schemas are not kept, so s1.t and s2.t are the same table): skipped".formatted(where, qualified));
                continue;
            }
            CatalogEntry entry = existing.get(name);
            if (entry == null) {
                warnings.add("%s: table %s is not in the catalog, so its columns are unknown: skipped; import its DDL first with 'autotable catalog import'".formatted(where, qualified));
                continue;
            }
            if (entry.state() == TableState.INCOMPLETE) {
                warnings.add("%s: table %s has a load that did not finish: skipped; reload it first".formatted(where, qualified));
                continue;
            }
            String diststyle = required(row, "diststyle", where);
            TableDesign design = withDistribution(current.table(name), diststyle, where);
            design = withSortKey(design, row.get("sortkey1"), row.get("sortkey_num"), name, where, warnings);
            if (diststyle.toUpperCase(Locale.ROOT).startsWith("AUTO") || Optional.ofNullable(row.get("sortkey1")).orElse("").toUpperCase(Locale.ROOT).startsWith("AUTO")) {
                automatic.add(name);
            }
            try {
                design.checkAgainst(entry.table());
            }
            catch (CaptureException e) {
                throw new CaptureException(ErrorCode.UNKNOWN_COLUMN,
                        "%s: %s; nothing was imported: import the table's current DDL first".formatted(where, e.getMessage()), e);
            }
            designs.put(name, design);
            if (entry.state() == TableState.DECLARED) {
                long tableRows = number(row, row.containsKey("estimated_visible_rows") && !row.get("estimated_visible_rows").isBlank() ? "estimated_visible_rows" : "tbl_rows", where);
                long blocks = number(row, "size", where);
                declared.add(entry.table().withData(entry.table().columns(), tableRows, Math.multiplyExact(blocks, BLOCK_BYTES)));
            }
            updated.add(name);
        }
        repository.saveTables(declared, TableState.DECLARED, origin, new PhysicalDesign(designs));
        Result result = new Result(updated, automatic, warnings);
        repository.appendJournal(JournalEntry.of("svv-table-info-import", Optional.empty(), Json.write(Map.of(
                "origin", origin,
                "updated", result.updated(),
                "automatic", result.automatic(),
                "design", new PhysicalDesign(designs)))));
        return result;
    }

    private static TableDesign withDistribution(TableDesign design, String diststyle, String where)
    {
        String style = diststyle.strip();
        Matcher auto = AUTO.matcher(style);
        if (auto.matches()) {
            style = auto.group(1).strip();
        }
        Matcher key = KEY.matcher(style);
        if (key.matches()) {
            return design.withDistribution(DistStyle.KEY, Optional.of(key.group(1).strip()));
        }
        return switch (style.toUpperCase(Locale.ROOT)) {
            case "EVEN" -> design.withDistribution(DistStyle.EVEN, Optional.empty());
            case "ALL" -> design.withDistribution(DistStyle.ALL, Optional.empty());
            default -> throw new CaptureException(ErrorCode.INVALID_ARGUMENT,
                    "%s: unknown diststyle '%s': expected EVEN, ALL, KEY(column) or AUTO(...) of one of them; nothing was imported".formatted(where, diststyle));
        };
    }

    private static TableDesign withSortKey(TableDesign design, String sortkey1, String sortkeyNum, String table, String where, List<String> warnings)
    {
        String first = sortkey1 == null ? "" : sortkey1.strip();
        Matcher auto = AUTO.matcher(first);
        if (auto.matches()) {
            // AUTO(SORTKEY) when Redshift has not chosen a key yet, AUTO(SORTKEY(col)) when it has
            Matcher chosen = Pattern.compile("SORTKEY\\((.+)\\)", Pattern.CASE_INSENSITIVE).matcher(auto.group(1).strip());
            first = chosen.matches() ? chosen.group(1).strip() : "";
        }
        if (first.isEmpty()) {
            return design.withSortKey(SortStyle.NONE, List.of());
        }
        int count = sortkeyNum == null || sortkeyNum.isBlank() ? 1 : (int) parse(sortkeyNum, "sortkey_num", where);
        if (first.toUpperCase(Locale.ROOT).startsWith("INTERLEAVED")) {
            if (design.sortStyle() == SortStyle.INTERLEAVED && design.sortkey().size() == count) {
                return design;
            }
            warnings.add("%s: table %s has an interleaved sort key of %d columns that the export does not name and the DDL does not declare: its sort key is left as %s"
                    .formatted(where, table, count, design.sortkey()));
            return design;
        }
        String column = Identifiers.normalize(first, "sortkey column");
        if (design.sortStyle() == SortStyle.COMPOUND && design.sortkey().size() == count && design.sortkey().get(0).equals(column)) {
            return design;
        }
        if (count > 1) {
            warnings.add("%s: table %s has a sort key of %d columns; the export names only the first, %s, so only it is kept: import the DDL to give the others"
                    .formatted(where, table, count, column));
        }
        return design.withSortKey(SortStyle.COMPOUND, List.of(column));
    }

    private static List<Map<String, String>> readRows(Path file)
    {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> iterator = mapper.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(reader)) {
            while (iterator.hasNextValue()) {
                Map<String, String> row = new HashMap<>();
                // Redshift's unload and most clients write column names in lower case; be lenient
                iterator.nextValue().forEach((key, value) -> row.put(key.strip().toLowerCase(Locale.ROOT), value));
                rows.add(row);
            }
        }
        catch (NoSuchFileException e) {
            throw new CaptureException(ErrorCode.FILE_NOT_FOUND, "%s: no such file".formatted(file));
        }
        catch (IOException | RuntimeException e) {
            throw new CaptureException(ErrorCode.FILE_NOT_READABLE, "%s: cannot read as CSV with a header: %s".formatted(file, e.getMessage().lines().findFirst().orElse("")), e);
        }
        if (!rows.isEmpty() && (!rows.get(0).containsKey("table") || !rows.get(0).containsKey("diststyle"))) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT,
                    "%s: not an SVV_TABLE_INFO export: the header %s lacks 'table' or 'diststyle'; export with SELECT * FROM svv_table_info".formatted(file, rows.get(0).keySet()));
        }
        return rows;
    }

    private static String required(Map<String, String> row, String column, String where)
    {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "%s: column '%s' is empty; nothing was imported".formatted(where, column));
        }
        return value;
    }

    private static long number(Map<String, String> row, String column, String where)
    {
        return parse(required(row, column, where), column, where);
    }

    private static long parse(String value, String column, String where)
    {
        try {
            // numeric(38,0) may come as 1234 or 1234.0
            return new java.math.BigDecimal(value.strip()).longValueExact();
        }
        catch (NumberFormatException | ArithmeticException e) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "%s: column '%s' must be a whole number, got '%s'; nothing was imported".formatted(where, column, value));
        }
    }
}
