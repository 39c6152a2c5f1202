package io.autotable.advisor.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The physical state of the embedded warehouse's tables, as H2's information schema tells it, and
 * the DDL a rewrite runs. Every statement commits on its own (H2 commits DDL), and {@link #flush()}
 * makes what was committed survive the process being killed.
 */
final class WarehouseTables
{
    private final Connection connection;

    WarehouseTables(Connection connection)
    {
        this.connection = requireNonNull(connection, "connection is null");
    }

    record TableIndex(String name, boolean unique, List<String> columns)
    {
        TableIndex
        {
            requireNonNull(name, "name is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
        }
    }

    static String quote(String identifier)
    {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String literal(String text)
    {
        return '\'' + text.replace("'", "''") + '\'';
    }

    boolean exists(String table)
            throws SQLException
    {
        return remarks(table).isPresent();
    }

    /** The table's comment, "" when it has none; empty when there is no such table. */
    Optional<String> remarks(String table)
            throws SQLException
    {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT remarks FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA AND table_name = ? AND table_type = 'BASE TABLE'")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String remarks = rs.getString(1);
                return Optional.of(remarks == null ? "" : remarks);
            }
        }
    }

    Optional<DesignComment> designComment(String table)
            throws SQLException
    {
        return remarks(table).flatMap(DesignComment::parse);
    }

    List<String> tablesStartingWith(String prefix)
            throws SQLException
    {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE' AND LEFT(table_name, ?) = ? ORDER BY table_name")) {
            query.setInt(1, prefix.length());
            query.setString(2, prefix);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    /** Column name to whether it is NOT NULL, in declaration order. */
    Map<String, Boolean> columns(String table)
            throws SQLException
    {
        Map<String, Boolean> columns = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA AND table_name = ? ORDER BY ordinal_position")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), "NO".equals(rs.getString(2)));
                }
            }
        }
        return columns;
    }

    /** The table's plain and unique indexes; those behind constraints come with the constraints. */
    List<TableIndex> indexes(String table)
            throws SQLException
    {
        Map<String, Boolean> unique = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT index_name, index_type_name FROM information_schema.indexes WHERE table_schema = CURRENT_SCHEMA AND table_name = ? "
                        + "AND index_type_name IN ('INDEX', 'UNIQUE INDEX') AND NOT is_generated ORDER BY index_name")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    unique.put(rs.getString(1), rs.getString(2).equals("UNIQUE INDEX"));
                }
            }
        }
        List<TableIndex> indexes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT column_name FROM information_schema.index_columns WHERE table_schema = CURRENT_SCHEMA AND table_name = ? AND index_name = ? ORDER BY ordinal_position")) {
            for (Map.Entry<String, Boolean> index : unique.entrySet()) {
                query.setString(1, table);
                query.setString(2, index.getKey());
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        columns.add(rs.getString(1));
                    }
                }
                indexes.add(new TableIndex(index.getKey(), index.getValue(), columns));
            }
        }
        return indexes;
    }

    /**
     * Creates the registry of rewritten tables' designs, a table in the schema {@code autotable}
     * (so the warehouse's table list does not show it): a change writes its row in the transaction
     * that replaces the rows, so the row says whether that transaction committed.
     */
    void createRegistry()
            throws SQLException
    {
        execute("CREATE SCHEMA IF NOT EXISTS autotable");
        execute("CREATE TABLE IF NOT EXISTS autotable.table_designs (table_name VARCHAR(256) PRIMARY KEY, design_comment VARCHAR(1000000) NOT NULL)");
    }

    /** The design the registry has for a table, empty for a table never rewritten. */
    Optional<DesignComment> registered(String table)
            throws SQLException
    {
        try (PreparedStatement query = connection.prepareStatement("SELECT design_comment FROM autotable.table_designs WHERE table_name = ?")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? DesignComment.parse(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Records a table's design in the registry, in the caller's transaction. */
    void register(String table, DesignComment comment)
            throws SQLException
    {
        try (PreparedStatement merge = connection.prepareStatement("MERGE INTO autotable.table_designs KEY (table_name) VALUES (?, ?)")) {
            merge.setString(1, table);
            merge.setString(2, comment.json());
            merge.executeUpdate();
        }
    }

    long rowCount(String table)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void dropTable(String table)
            throws SQLException
    {
        execute("DROP TABLE IF EXISTS " + quote(table));
    }

    void comment(String table, String text)
            throws SQLException
    {
        execute("COMMENT ON TABLE %s IS %s".formatted(quote(table), literal(text)));
    }

    /** Writes what was committed to the file: H2 otherwise does it up to its write delay later. */
    void flush()
            throws SQLException
    {
        execute("CHECKPOINT");
    }

    /** How many other sessions are executing a statement now. */
    int busySessions()
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT COUNT(*) FROM information_schema.sessions WHERE session_id <> SESSION_ID() AND executing_statement IS NOT NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    void execute(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
