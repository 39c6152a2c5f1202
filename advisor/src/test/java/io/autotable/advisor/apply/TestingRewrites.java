package io.autotable.advisor.apply;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.repository.WorkloadRepository;
import io.autotable.repository.Workspace;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace with one seeded random table to rewrite, {@code orders}: key columns (indexed, as
 * the warehouse indexes them), skewed groups, NULLs and duplicate rows; and the checks every
 * test makes after a rewrite or a crash.
 */
final class TestingRewrites
{
    static final String TABLE = "orders";
    static final TableDesign BY_CUSTOMER = TableDesign.initial().withSortKey(SortStyle.COMPOUND, List.of("custkey", "day"));
    static final TableDesign BY_DAY = TableDesign.initial().withSortKey(SortStyle.COMPOUND, List.of("day"));
    static final TableDesign INTERLEAVED = TableDesign.initial().withSortKey(SortStyle.INTERLEAVED, List.of("label", "amount"));

    private TestingRewrites() {}

    static Table table()
    {
        return Table.declared(TABLE, List.of(
                Column.notNull("order_id", ColumnType.of(ColumnType.Kind.BIGINT)),
                Column.of("custkey", ColumnType.of(ColumnType.Kind.INTEGER)),
                Column.of("amount", ColumnType.decimal(12, 2)),
                Column.of("label", ColumnType.varchar(20)),
                Column.notNull("day", ColumnType.of(ColumnType.Kind.DATE))));
    }

    /** Creates the workspace's {@code orders} table with {@code rows} rows, about 1 in 20 a duplicate of another. */
    static void createWorkspace(Path directory, int rows, long seed)
            throws SQLException
    {
        Workspace workspace = new Workspace(directory);
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            warehouse.createTable(table());
            SplittableRandom random = new SplittableRandom(seed);
            try (PreparedStatement insert = warehouse.connection().prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?)")) {
                Object[] previous = null;
                for (int i = 0; i < rows; i++) {
                    Object[] row = previous != null && random.nextInt(20) == 0 ? previous : new Object[] {
                            (long) random.nextInt(rows),
                            random.nextInt(10) == 0 ? null : (int) Math.floor(Math.pow(random.nextDouble(), 2) * 40),
                            random.nextInt(12) == 0 ? null : BigDecimal.valueOf(random.nextLong(-10_000, 1_000_000), 2),
                            random.nextInt(8) == 0 ? null : List.of("alpha", "beta", "gamma", "delta").get(random.nextInt(4)),
                            Date.valueOf(LocalDate.ofEpochDay(18_000 + random.nextInt(700)))};
                    for (int column = 0; column < row.length; column++) {
                        insert.setObject(column + 1, row[column]);
                    }
                    insert.addBatch();
                    previous = row;
                }
                insert.executeBatch();
            }
            warehouse.indexKeyColumns(table());
        }
    }

    /**
     * Overwrites both of the MVStore file's headers, which H2 then refuses to open as a corrupted
     * file: what a process killed at the wrong moment now and then leaves.
     */
    static void makeUnreadable(Path file)
            throws IOException
    {
        byte[] junk = new byte[8192];
        Arrays.fill(junk, (byte) 'x');
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(junk), 0);
        }
    }

    static TableChecksum checksum(EmbeddedWarehouse warehouse)
            throws SQLException
    {
        return TableChecksum.of(warehouse.connection(), "orders");
    }

    /**
     * Checks what every finished or recovered change must leave: the same rows, no shadow or old
     * table, the repository's design the one in the table's comment, the key indexes under their
     * canonical names, and no unresolved change in the journal.
     */
    static void assertConsistent(EmbeddedWarehouse warehouse, WorkloadRepository repository, TableChecksum original)
            throws SQLException
    {
        WarehouseTables tables = new WarehouseTables(warehouse.connection());
        assertThat(checksum(warehouse)).as("rows of orders").isEqualTo(original);
        assertThat(tables.tablesStartingWith("autotable$")).as("shadow and old tables").isEmpty();
        TableDesign physical = tables.designComment(TABLE).map(DesignComment::design).orElse(TableDesign.initial());
        assertThat(repository.design().table(TABLE)).as("repository design vs the table's comment").isEqualTo(physical);
        assertThat(tables.registered(TABLE)).as("registry vs the table's comment").isEqualTo(tables.designComment(TABLE));
        assertThat(tables.indexes(TABLE)).extracting(WarehouseTables.TableIndex::name)
                .containsExactlyInAnyOrder("autotable_orders_order_id", "autotable_orders_custkey");
        assertThat(ChangeLog.read(repository).unresolved()).as("unresolved changes").isEmpty();
    }

    /** The sort key's values in physical order ({@code _ROWID_}) and in sorted order: equal when the rows are in sort order. */
    static void assertInSortOrder(Connection connection, TableDesign design)
            throws SQLException
    {
        String columns = String.join(", ", design.sortkey().stream().map(WarehouseTables::quote).toList());
        assertThat(rows(connection, "SELECT %s FROM orders ORDER BY _ROWID_".formatted(columns)))
                .isEqualTo(rows(connection, "SELECT %s FROM orders ORDER BY %s".formatted(columns, columns)));
    }

    static List<String> rows(Connection connection, String sql)
            throws SQLException
    {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static Map<String, String> journalActions(WorkloadRepository repository)
    {
        Map<String, String> last = new TreeMap<>();
        ChangeLog.read(repository).changes().forEach(change -> last.put(change.changeId(), change.state().action()));
        return last;
    }
}
