package io.autotable.simulator.layout;

import io.autotable.catalog.ColumnType;
import io.autotable.design.Encoding;

import static java.util.Objects.requireNonNull;

/**
 * One column's blocks on every slice, in flat arrays: slice {@code s} has blocks
 * {@code sliceFirstBlock[s] .. sliceFirstBlock[s + 1] - 1}; block {@code b} holds the slice's rows
 * {@code rowStart[b] .. rowStart[b] + rows[b] - 1} in sort order, {@code encodedBytes[b]} bytes as
 * stored, {@code rawBytes[b]} bytes decoded, and its zone map: {@code min[b]}, {@code max[b]}
 * (keys, see {@link Keys}; {@code min > max} when every value is null) and whether it has nulls.
 */
public record ColumnLayout(
        String name,
        ColumnType type,
        Encoding encoding,
        int[] sliceFirstBlock,
        int[] rowStart,
        int[] rows,
        long[] encodedBytes,
        long[] rawBytes,
        long[] min,
        long[] max,
        boolean[] hasNull)
{
    public ColumnLayout
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(encoding, "encoding is null");
        int blocks = rowStart.length;
        if (rows.length != blocks || encodedBytes.length != blocks || rawBytes.length != blocks || min.length != blocks || max.length != blocks || hasNull.length != blocks) {
            throw new IllegalArgumentException("column %s: block arrays differ in length".formatted(name));
        }
        if (sliceFirstBlock[sliceFirstBlock.length - 1] != blocks) {
            throw new IllegalArgumentException("column %s: slice index does not end at %d blocks".formatted(name, blocks));
        }
    }

    public int blocks()
    {
        return rowStart.length;
    }

    public int slices()
    {
        return sliceFirstBlock.length - 1;
    }

    public long totalEncodedBytes()
    {
        long total = 0;
        for (long bytes : encodedBytes) {
            total += bytes;
        }
        return total;
    }

    public long totalRawBytes()
    {
        long total = 0;
        for (long bytes : rawBytes) {
            total += bytes;
        }
        return total;
    }
}
