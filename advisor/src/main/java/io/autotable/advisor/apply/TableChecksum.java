package io.autotable.advisor.apply;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * A table's row count and an order-independent checksum of its rows: the sum, modulo 2^64, of a
 * 64-bit hash of each row. The sum is a multiset hash: the same rows in any order give the same
 * checksum, and a lost or duplicated row changes it unless that row's hash is 0 (odds 2^-64).
 *
 * <p>A row's hash is FNV-1a over a canonical encoding of its values (a tag for null, else the
 * value's text with its length, so {@code ('ab', 'c')} and {@code ('a', 'bc')} differ), finished
 * with MurmurHash3's 64-bit mixer so that nearby rows spread over all 64 bits. Two tables compare
 * equal only when their columns have the same types in the same order, which a rewrite's copy
 * guarantees.
 */
public record TableChecksum(long rows, long sum)
{
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    public TableChecksum
    {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, got " + rows);
        }
    }

    /** Reads every row of a table; the caller quotes the name. */
    public static TableChecksum of(Connection connection, String quotedTable)
            throws SQLException
    {
        requireNonNull(connection, "connection is null");
        long rows = 0;
        long sum = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(1_000);
            try (ResultSet rs = statement.executeQuery("SELECT * FROM " + quotedTable)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    long hash = FNV_OFFSET;
                    for (int i = 1; i <= columns; i++) {
                        hash = hashValue(hash, rs.getObject(i));
                    }
                    sum += mix(hash);
                    rows++;
                }
            }
        }
        return new TableChecksum(rows, sum);
    }

    /** The hash of one row of values, as {@link #of} computes it, for tests. */
    static long rowHash(Object... values)
    {
        long hash = FNV_OFFSET;
        for (Object value : values) {
            hash = hashValue(hash, value);
        }
        return mix(hash);
    }

    private static long hashValue(long hash, Object value)
    {
        if (value == null) {
            return (hash ^ 0xff) * FNV_PRIME;
        }
        String text = value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value.toString();
        hash = (hash ^ 1) * FNV_PRIME;
        hash = (hash ^ text.length()) * FNV_PRIME;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * FNV_PRIME;
        }
        return hash;
    }

    private static long mix(long hash)
    {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

    /** The sum as 16 hex digits, as the journal and {@code status} show it. */
    public String hex()
    {
        return HexFormat.of().toHexDigits(sum);
    }

    @Override
    public String toString()
    {
        return rows + " rows, checksum " + hex();
    }
}
