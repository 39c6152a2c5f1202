package io.autotable.simulator.load;

import io.autotable.capture.BadRecord;
import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.design.DistStyle;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.error.ErrorCode;
import io.autotable.repository.CatalogEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.data.BenchmarkGenerator;
import io.autotable.simulator.data.BenchmarkGenerators;
import io.autotable.simulator.stats.StatsOptions;
import io.autotable.simulator.stats.TableStats;
import io.autotable.simulator.stats.TableStatsCollector;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCsvLoader
{
    private static final double TPCH_SCALE = 0.01;
    private static final int ROWS = 5_000;

    @TempDir
    Path directory;

    private WorkloadRepository repository;
    private EmbeddedWarehouse warehouse;
    private final List<BadRecord> rejects = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openWorkspace()
    {
        Workspace workspace = new Workspace(directory.resolve("workspace"));
        repository = WorkloadRepository.open(workspace);
        warehouse = EmbeddedWarehouse.open(workspace);
    }

    @AfterEach
    void closeWorkspace()
    {
        warehouse.close();
        repository.close();
    }

    @Test
    void roundTripsAGeneratedTableThroughCsvAndUnloadWithTheSameRowsAndStatistics()
            throws SQLException
    {
        BenchmarkGenerator tpch = BenchmarkGenerators.byName("tpch");
        Table orders = tpch.schema().stream().filter(table -> table.name().equals("orders")).findFirst().orElseThrow();
        // the first rows of TPC-H's orders at its smallest scale: every type it has, quick to load twice
        List<Object[]> generated = new ArrayList<>();
        tpch.generate("orders", TPCH_SCALE, row -> {
            if (generated.size() < ROWS) {
                generated.add(row);
            }
        });
        TableStatsCollector collector = new TableStatsCollector(orders.columns(), StatsOptions.defaults());
        generated.forEach(collector::add);
        TableStats expected = collector.finish();
        // the DDL declares the table: its types are used, not inferred
        repository.saveTable(orders, TableState.DECLARED, "ddl tpch.sql");

        for (CsvFormat format : List.of(CsvFormat.csv(), CsvFormat.unload())) {
            Path file = directory.resolve("orders-" + format.delimiter() + ".txt");
            CsvWriter.write(file, orders, format, false, sink -> generated.forEach(sink::accept));

            CsvLoadResult result = load("orders", format, file);

            assertThat(result.rowsLoaded()).isEqualTo(ROWS);
            assertThat(result.rowsRejected()).isZero();
            assertThat(result.inferred()).isFalse();
            assertThat(rejects).isEmpty();
            assertThat(result.table().rows()).isEqualTo(expected.rows());
            assertThat(result.table().sizeBytes()).isEqualTo(expected.sizeBytes());
            assertThat(result.table().columns()).isEqualTo(expected.columns());
            assertThat(repository.catalog().table("orders").columns()).isEqualTo(expected.columns());
            assertThat(repository.catalogEntry("orders")).get().extracting(CatalogEntry::state).isEqualTo(TableState.COMPLETE);
            assertThat(withoutPadding(warehouseRows("orders", orders.columns().size(), "o_orderkey"))).containsExactlyElementsOf(withoutPadding(asText(generated)));
        }
    }

    @Test
    void infersTypesWhenTheCatalogHasNoDdlAndTellsEmptyStringsFromNulls()
            throws IOException, SQLException
    {
        Path file = write("people.csv", """
                id,zip,born,score,big,name,active,joined
                1,007,2024-01-05,1.5,12345678901234567890123,"Ann, Jr.",true,2024-01-05 10:00:00
                2,123,05/01/2024,-12.25,1,"",false,2024-01-06
                3,042,2024-03-01,,2,,t,
                """);

        CsvLoadResult result = load("people", CsvFormat.csv(), file);

        assertThat(result.inferred()).isTrue();
        assertThat(result.table().columns()).extracting(Column::type).containsExactly(
                ColumnType.of(ColumnType.Kind.SMALLINT),
                ColumnType.varchar(3),
                ColumnType.varchar(10),
                ColumnType.decimal(4, 2),
                ColumnType.decimal(23, 0),
                ColumnType.varchar(8),
                ColumnType.of(ColumnType.Kind.BOOLEAN),
                ColumnType.of(ColumnType.Kind.TIMESTAMP));
        assertThat(warehouseRows("people", 8, "id")).containsExactly(
                List.of("1", "007", "2024-01-05", "1.50", "12345678901234567890123", "Ann, Jr.", "TRUE", "2024-01-05 10:00:00"),
                List.of("2", "123", "05/01/2024", "-12.25", "1", "", "FALSE", "2024-01-06 00:00:00"),
                Arrays.asList("3", "042", "2024-03-01", null, "2", null, "TRUE", null));
        ColumnStats name = result.table().column("name").stats().orElseThrow();
        assertThat(name.nullFraction()).isEqualTo(1.0 / 3);
        assertThat(name.distinct()).isEqualTo(2);
        assertThat(repository.design().table("people")).isEqualTo(TableDesign.initial());
    }

    @Test
    void loadsEveryColumnTypeIntoTheWarehouseAndItsStatistics()
            throws IOException, SQLException
    {
        List<String> types = List.of("SMALLINT", "INTEGER", "BIGINT", "DECIMAL(20,3)", "REAL", "DOUBLE PRECISION", "BOOLEAN",
                "CHAR(3)", "VARCHAR(10)", "DATE", "TIME", "TIMESTAMP", "TIMESTAMPTZ");
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            columns.add(Column.of("c" + i, ColumnType.parse(types.get(i))));
        }
        repository.saveTable(Table.declared("every", columns), TableState.DECLARED, "ddl");
        Path file = write("every.txt", """
                1|2|3|12345678901234567.125|1.5|-2.5e-3|yes|ab|héllo|2024-02-29|10:11:12.5|2024-02-29 10:11:12.123456|2024-02-29 10:11:12+05:30
                -1||||||||||||
                """);

        CsvLoadResult result = load("every", CsvFormat.unload(), file);

        assertThat(result.rowsRejected()).as("%s", rejects).isZero();
        assertThat(warehouseRows("every", types.size(), "c0")).containsExactly(
                Arrays.asList("-1", null, null, null, null, null, null, null, null, null, null, null, null),
                List.of("1", "2", "3", "12345678901234567.125", "1.5", "-0.0025", "TRUE", "ab ", "héllo", "2024-02-29", "10:11:12.5",
                        "2024-02-29 10:11:12.123456", "2024-02-29 10:11:12+05:30"));
        assertThat(result.table().columns()).extracting(column -> column.stats().orElseThrow().max().orElseThrow()).containsExactly(
                "1", "2", "3", "12345678901234567.125", "1.5", "-0.0025", "true", "ab", "héllo", "2024-02-29", "10:11:12.5",
                "2024-02-29T10:11:12.123456", "2024-02-29T04:41:12Z");
    }

    @Test
    void rejectsBadRowsWithFileLineColumnAndReasonAndLoadsTheRest()
            throws IOException, SQLException
    {
        repository.saveTable(Table.declared("t", List.of(
                Column.notNull("id", ColumnType.of(ColumnType.Kind.INTEGER)),
                Column.of("note", ColumnType.varchar(20)),
                Column.of("day", ColumnType.of(ColumnType.Kind.DATE)))), TableState.DECLARED, "ddl");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("""
                id,note,day
                1,"two
                lines",2024-01-01
                x,bad id,2024-01-02
                3,too,many,fields
                4,fine,2024-13-01
                ,no id,2024-01-03
                6,""".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
        bytes.writeBytes("""
                ,2024-01-04
                7,"a note that is much too long for it",2024-01-05
                8,ok,2024-01-06
                9,"never closed,2024-01-07
                10,swallowed,2024-01-08
                """.getBytes(StandardCharsets.UTF_8));
        Path file = directory.resolve("t.csv");
        Files.write(file, bytes.toByteArray());

        CsvLoadResult result = load("t", CsvFormat.csv(), file);

        assertThat(result.rowsLoaded()).isEqualTo(2);
        assertThat(result.rowsRejected()).isEqualTo(7);
        assertThat(warehouseRows("t", 3, "id")).containsExactly(
                List.of("1", "two\nlines", "2024-01-01"),
                List.of("8", "ok", "2024-01-06"));
        assertThat(rejects).extracting(BadRecord::file).containsOnly(file.toString());
        assertThat(rejects).extracting(BadRecord::line).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 11L);
        assertThat(rejects).extracting(BadRecord::reason).satisfiesExactly(
                reason -> assertThat(reason).isEqualTo("column 1 (id INTEGER): 'x' is not an integer"),
                reason -> assertThat(reason).isEqualTo("has 4 fields, the header has 3"),
                reason -> assertThat(reason).isEqualTo("column 3 (day DATE): '2024-13-01' is not a date (yyyy-mm-dd)"),
                reason -> assertThat(reason).isEqualTo("column 1 (id INTEGER): NULL in a NOT NULL column"),
                reason -> assertThat(reason).startsWith("column 2 (note VARCHAR(20)): invalid UTF-8"),
                reason -> assertThat(reason).isEqualTo("column 2 (note VARCHAR(20)): the value is 35 bytes, longer than VARCHAR(20)"),
                reason -> assertThat(reason).contains("unterminated quote"));
        assertThat(rejects.get(0).excerpt()).isEqualTo("x,bad id,2024-01-02");
    }

    @Test
    void maxErrorsStopsTheLoadAndLeavesThePreviousTableIntact()
            throws IOException, SQLException
    {
        Path good = write("good.csv", "k,v\n1,a\n2,b\n");
        CsvLoadResult first = load("kv", CsvFormat.csv(), good);
        Table before = repository.catalog().table("kv");
        Path bad = write("bad.csv", "k,v\n3,c\nx,d\n4,e\ny,f\n5,g\n");

        assertThatThrownBy(() -> load("kv", CsvFormat.csv(), OptionalLong.of(1), Optional.empty(), bad))
                .isInstanceOf(SimulatorException.class)
                .hasMessage("the load stopped at its 2nd rejected row (--max-errors 1), %s:5: table kv is unchanged".formatted(bad))
                .extracting(e -> ((SimulatorException) e).errorCode()).isEqualTo(ErrorCode.TOO_MANY_REJECTED_ROWS);

        assertThat(first.rowsLoaded()).isEqualTo(2);
        assertThat(rejects).hasSize(2);
        assertThat(warehouseRows("kv", 2, "k")).containsExactly(List.of("1", "a"), List.of("2", "b"));
        assertThat(repository.catalog().table("kv")).isEqualTo(before);
        assertThat(repository.catalogEntry("kv")).get().extracting(CatalogEntry::state).isEqualTo(TableState.COMPLETE);
        assertThat(warehouse.tableNames()).containsExactly("kv");
        assertThat(tableExists(EmbeddedWarehouse.STAGING_TABLE)).isFalse();
    }

    @Test
    void aCancelledLoadLeavesThePreviousTableIntact()
            throws IOException, SQLException
    {
        load("n", CsvFormat.unload(), write("small.txt", "100000|one\n2|two\n"));
        Table before = repository.catalog().table("n");
        Path big = directory.resolve("big.txt");
        CsvWriter.write(big, before, CsvFormat.unload(), false, sink -> {
            for (long i = 0; i < 100_000; i++) {
                sink.accept(new Object[] {i, "v" + i % 10});
            }
        });
        AtomicReference<CsvLoader> loader = new AtomicReference<>();
        CsvLoadListener cancelMidway = new CsvLoadListener()
        {
            @Override
            public void rowsLoaded(String table, long rowsSoFar)
            {
                if (rowsSoFar >= 20_000) {
                    loader.get().cancel();
                }
            }
        };
        loader.set(new CsvLoader(repository, warehouse, StatsOptions.defaults(), cancelMidway));

        assertThatThrownBy(() -> loader.get().load(request("n", CsvFormat.unload(), OptionalLong.empty(), Optional.empty(), big), rejects::add))
                .isInstanceOf(SimulatorException.class)
                .hasMessage("the load was interrupted: table n is unchanged")
                .extracting(e -> ((SimulatorException) e).errorCode()).isEqualTo(ErrorCode.INTERRUPTED);

        assertThat(warehouseRows("n", 2, "column_1")).containsExactly(List.of("2", "two"), List.of("100000", "one"));
        assertThat(repository.catalog().table("n")).isEqualTo(before);
        assertThat(tableExists(EmbeddedWarehouse.STAGING_TABLE)).isFalse();
    }

    @Test
    void readsGzipFilesByTheirMagicBytesWhateverTheirName()
            throws IOException, SQLException
    {
        Path file = directory.resolve("export_0000_part_00");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("1|a|\n2||x\n".getBytes(StandardCharsets.UTF_8));
        }

        CsvLoadResult result = load("z", CsvFormat.unload(), file);

        assertThat(result.rowsLoaded()).isEqualTo(2);
        assertThat(result.bytesRead()).isEqualTo(Files.size(file));
        assertThat(warehouseRows("z", 3, "column_1")).containsExactly(Arrays.asList("1", "a", null), Arrays.asList("2", null, "x"));
    }

    @Test
    void matchesHeaderFieldsToDeclaredColumnsByNameInAnyOrder()
            throws IOException, SQLException
    {
        repository.saveTable(Table.declared("p", List.of(
                Column.notNull("id", ColumnType.of(ColumnType.Kind.BIGINT)),
                Column.of("price", ColumnType.decimal(10, 2)),
                Column.of("label", ColumnType.character(3)))), TableState.DECLARED, "ddl");
        Path file = write("p.csv", "\uFEFFPrice,ID\n1.5,1\n,2\n");

        load("p", CsvFormat.csv(), file);

        assertThat(warehouseRows("p", 3, "id")).containsExactly(Arrays.asList("1", "1.50", null), Arrays.asList("2", null, null));
        Path unknown = write("q.csv", "id,colour\n1,red\n");
        assertThatThrownBy(() -> load("p", CsvFormat.csv(), unknown))
                .isInstanceOf(SimulatorException.class)
                .hasMessageContaining("%s:1: the header names colour, which table p does not have (it has: id, price, label)".formatted(unknown));
    }

    @Test
    void aSampleScalesRowsSizeAndDistinctCountsToTheWholeTable()
            throws IOException
    {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            text.append(i).append('|').append(i % 4).append('\n');
        }
        Path file = write("sample.txt", text.toString());
        // what 'catalog import redshift-svv-table-info' leaves: a declared table that knows its rows
        repository.saveTable(new Table("s", List.of(
                Column.of("id", ColumnType.of(ColumnType.Kind.BIGINT)),
                Column.of("kind", ColumnType.of(ColumnType.Kind.SMALLINT))), 2_000_000, 0), TableState.DECLARED, "ddl");

        CsvLoadResult result = load("s", CsvFormat.unload(), OptionalLong.empty(), Optional.of(SampleOf.rowsFromCatalog()), file);

        assertThat(result.sampleOf()).hasValue(2_000_000);
        assertThat(result.table().rows()).isEqualTo(2_000_000);
        assertThat(result.table().sizeBytes()).isEqualTo(2_000_000L * (8 + 2));
        ColumnStats id = result.table().column("id").stats().orElseThrow();
        assertThat(id.distinct()).isEqualTo(2_000_000);
        assertThat(id.distinctExact()).isFalse();
        assertThat(id.rowCount()).isEqualTo(1_000);
        assertThat(result.table().column("kind").stats().orElseThrow().distinct()).isEqualTo(4);
        assertThat(repository.catalogEntry("s").orElseThrow().origin()).isEqualTo("load sample.txt (a sample of 1000 rows, scaled to 2000000)");
        assertThat(repository.catalog().table("s").rows()).isEqualTo(2_000_000);

        assertThatThrownBy(() -> load("fresh", CsvFormat.unload(), OptionalLong.empty(), Optional.of(SampleOf.rowsFromCatalog()), file))
                .isInstanceOf(SimulatorException.class)
                .hasMessageContaining("the catalog does not know how many rows table fresh has");
    }

    @Test
    void keepsTheDeclaredDesignOfATableItLoads()
            throws IOException
    {
        TableDesign design = new TableDesign(DistStyle.KEY, Optional.of("k"), SortStyle.COMPOUND, List.of("k"), Map.of());
        repository.saveTables(List.of(Table.declared("d", List.of(Column.of("k", ColumnType.of(ColumnType.Kind.INTEGER))))),
                TableState.DECLARED, "ddl", io.autotable.design.PhysicalDesign.empty().with("d", design));

        load("d", CsvFormat.unload(), write("d.txt", "1\n2\n"));

        assertThat(repository.design().table("d")).isEqualTo(design);
    }

    @Test
    void aMissingFileOrAnUnknownTableWithNothingToInferFromIsOneClearError()
            throws IOException
    {
        Path missing = directory.resolve("nope.csv");
        assertThatThrownBy(() -> load("t", CsvFormat.csv(), missing))
                .isInstanceOf(SimulatorException.class)
                .hasMessage("%s does not exist: check the path; nothing was loaded".formatted(missing))
                .extracting(e -> ((SimulatorException) e).errorCode()).isEqualTo(ErrorCode.FILE_NOT_FOUND);

        Path empty = write("empty.csv", "");
        assertThatThrownBy(() -> load("t", CsvFormat.csv(), empty))
                .isInstanceOf(SimulatorException.class)
                .hasMessage("table t is not in the catalog and %s has no rows to infer its columns from: import its DDL first ('autotable catalog import ddl FILE')".formatted(empty));
        assertThat(repository.catalogEntries()).isEmpty();
    }

    @Test
    void aFileWhoseRowsAreAllRejectedChangesNothing()
            throws IOException
    {
        repository.saveTable(Table.declared("w", List.of(Column.of("a", ColumnType.of(ColumnType.Kind.INTEGER)), Column.of("b", ColumnType.of(ColumnType.Kind.INTEGER)))),
                TableState.DECLARED, "ddl");
        // a pipe-delimited file read as CSV: one field per row
        Path file = write("w.txt", "1|2\n3|4\n");

        assertThatThrownBy(() -> load("w", CsvFormat.csv().withHeader(false), file))
                .isInstanceOf(SimulatorException.class)
                .hasMessageContaining("no row could be loaded into w: all 2 were rejected, the first because %s:1: has 1 fields, the table has columns for 2".formatted(file))
                .hasMessageContaining("check --format, --delimiter");
        assertThat(repository.catalogEntry("w")).get().extracting(CatalogEntry::state).isEqualTo(TableState.DECLARED);
    }

    @Test
    void readsEscapedDelimitersAndANullMarker()
            throws IOException, SQLException
    {
        load("e", CsvFormat.unload().withEscape(Optional.of('\\')), write("e.txt", "1|a\\|b\n2|\\\\\n3|\n"));
        assertThat(warehouseRows("e", 2, "column_1")).containsExactly(List.of("1", "a|b"), List.of("2", "\\"), Arrays.asList("3", null));

        load("m", CsvFormat.unload().withNullAs("NULL"), write("m.txt", "1|NULL\n2|\n"));
        assertThat(warehouseRows("m", 2, "column_1")).containsExactly(Arrays.asList("1", null), List.of("2", ""));

        assertThatThrownBy(() -> CsvFormat.unload().withEscape(Optional.of('\\')).withNullAs("\\N"))
                .isInstanceOf(SimulatorException.class)
                .hasMessage("invalid CSV format: the null marker cannot hold the escape character, which is read first");
    }

    private CsvLoadResult load(String table, CsvFormat format, Path... files)
    {
        return load(table, format, OptionalLong.empty(), Optional.empty(), files);
    }

    private CsvLoadResult load(String table, CsvFormat format, OptionalLong maxErrors, Optional<SampleOf> sample, Path... files)
    {
        rejects.clear();
        return new CsvLoader(repository, warehouse, StatsOptions.defaults(), CsvLoadListener.none())
                .load(request(table, format, maxErrors, sample, files), rejects::add);
    }

    private static CsvLoadRequest request(String table, CsvFormat format, OptionalLong maxErrors, Optional<SampleOf> sample, Path... files)
    {
        return new CsvLoadRequest(table, List.of(files), format, maxErrors, sample);
    }

    private Path write(String name, String text)
            throws IOException
    {
        Path file = directory.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The table's rows as H2 prints them: plain decimals, ISO dates, TRUE and FALSE, NULL as null. */
    private List<List<String>> warehouseRows(String table, int columns, String orderBy)
            throws SQLException
    {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = warehouse.connection().createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM \"%s\" ORDER BY \"%s\"".formatted(table, orderBy))) {
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private boolean tableExists(String table)
            throws SQLException
    {
        try (ResultSet rs = warehouse.connection().getMetaData().getTables(null, "public", table, null)) {
            return rs.next();
        }
    }

    /** Generated rows as {@link #warehouseRows} prints them, CHAR padding aside. */
    private static List<List<String>> asText(List<Object[]> rows)
    {
        List<List<String>> text = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            List<String> values = new ArrayList<>(row.length);
            for (Object value : row) {
                values.add(value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
            }
            text.add(values);
        }
        return text;
    }

    private static List<List<String>> withoutPadding(List<List<String>> rows)
    {
        return rows.stream().map(row -> row.stream().map(String::stripTrailing).toList()).toList();
    }
}
