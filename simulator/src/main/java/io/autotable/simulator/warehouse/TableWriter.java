package io.autotable.simulator.warehouse;

import io.autotable.catalog.Table;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Appends rows to one warehouse table with batched inserts. Not thread-safe: one loader thread
 * owns it.
 */
public final class TableWriter
        implements AutoCloseable
{
    private final Table table;
    private final Connection connection;
    private final PreparedStatement insert;
    private final int batchSize;
    private final int commitEvery;
    private final int columns;
    private int pendingBatch;
    private int pendingCommit;
    private long written;

    TableWriter(Table table, Connection connection, PreparedStatement insert, int batchSize, int commitEvery)
    {
        if (batchSize < 1 || commitEvery < batchSize) {
            throw new IllegalArgumentException("batchSize must be >= 1 and commitEvery >= batchSize, got " + batchSize + " and " + commitEvery);
        }
        this.table = table;
        this.connection = connection;
        this.insert = insert;
        this.batchSize = batchSize;
        this.commitEvery = commitEvery;
        this.columns = table.columns().size();
    }

    public void write(Object[] row)
    {
        if (row.length != columns) {
            throw new SimulatorException(ErrorCode.INTERNAL, "a row of %s has %d values, the table has %d columns".formatted(table.name(), row.length, columns));
        }
        try {
            for (int i = 0; i < columns; i++) {
                insert.setObject(i + 1, row[i]);
            }
            insert.addBatch();
            if (++pendingBatch == batchSize) {
                flushBatch();
            }
        }
        catch (SQLException e) {
            throw failure(e);
        }
    }

    private void flushBatch()
            throws SQLException
    {
        if (pendingBatch == 0) {
            return;
        }
        insert.executeBatch();
        written += pendingBatch;
        pendingCommit += pendingBatch;
        pendingBatch = 0;
        if (pendingCommit >= commitEvery) {
            connection.commit();
            pendingCommit = 0;
        }
    }

    /** Writes and commits every row given so far. */
    public long finish()
    {
        try {
            flushBatch();
            connection.commit();
            pendingCommit = 0;
            return written;
        }
        catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Rows written to the database so far (committed or not). */
    public long written()
    {
        return written;
    }

    private SimulatorException failure(SQLException e)
    {
        return new SimulatorException(ErrorCode.WAREHOUSE_FAILURE,
                "cannot write rows to table %s of the embedded warehouse: %s".formatted(table.name(), EmbeddedWarehouse.firstLine(e)), e);
    }

    @Override
    public void close()
    {
        try {
            insert.close();
            connection.setAutoCommit(true);
        }
        catch (SQLException ignored) {
            // the statement is gone either way
        }
    }
}
