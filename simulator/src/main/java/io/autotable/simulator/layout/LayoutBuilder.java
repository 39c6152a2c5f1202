package io.autotable.simulator.layout;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lzo.LzoDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import io.autotable.catalog.ColumnType;
import io.autotable.design.DistStyle;
import io.autotable.design.Encoding;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.encoding.Column;
import io.autotable.encoding.DoubleColumn;
import io.autotable.encoding.Encoder;
import io.autotable.encoding.EncodingException;
import io.autotable.encoding.Encoders;
import io.autotable.encoding.LongColumn;
import io.autotable.encoding.TextColumn;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.cluster.ClusterModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static java.util.Objects.requireNonNull;

/**
 * Builds a table's {@link StorageLayout} under a design from its data, as an MPP column store
 * would lay it out:
 * <ol>
 * <li>rows go to slices: KEY hashes the distribution key's value ({@link ColumnData#hash}; nulls on
 *     slice 0), EVEN deals rows round-robin in load order, ALL keeps a full copy per node;</li>
 * <li>each slice's rows are sorted by the sort key: COMPOUND lexicographically by the columns'
 *     keys, INTERLEAVED by a z-order curve over the columns' value ranks (each column gets
 *     {@code 63 / k} bits of its rank among the table's distinct keys), stable, so ties keep load order,
 *     nulls last;</li>
 * <li>each column of each slice is encoded with its encoding's real encoder in that order, and the
 *     encoder's blocks are packed into 1 MiB blocks (an encoder's block is at most 1 MiB; the
 *     compressing encoders LZO and ZSTD cut theirs before compressing, so several of theirs fill
 *     one);</li>
 * <li>each block gets its zone map: min and max key of its non-null values, whether it has nulls.</li>
 * </ol>
 * Time: a sort per slice, an encode of every value, a hash of every value per column (for the
 * redistribution counts). Memory: the table's data plus one slice's column at a time.
 */
public final class LayoutBuilder
{
    private static final int WRAPPER_BYTES = 5;

    private final ClusterModel cluster;
    private final int parallelism;

    public LayoutBuilder(ClusterModel cluster)
    {
        this(cluster, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param parallelism threads laying out columns at once
     */
    public LayoutBuilder(ClusterModel cluster, int parallelism)
    {
        this.cluster = requireNonNull(cluster, "cluster is null");
        if (parallelism < 1) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "layout parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
    }

    private void runAll(List<Callable<Void>> tasks)
    {
        if (parallelism == 1 || tasks.size() == 1) {
            for (Callable<Void> task : tasks) {
                call(task);
            }
            return;
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallelism, tasks.size()));
        try {
            for (Future<Void> future : executor.invokeAll(tasks)) {
                try {
                    future.get();
                }
                catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new SimulatorException(ErrorCode.INTERNAL, "laying out a column failed: " + e.getCause(), e.getCause());
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorException(ErrorCode.INTERRUPTED, "the layout was interrupted", e);
        }
        finally {
            executor.shutdownNow();
        }
    }

    private static void call(Callable<Void> task)
    {
        try {
            task.call();
        }
        catch (RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new SimulatorException(ErrorCode.INTERNAL, "laying out a column failed: " + e, e);
        }
    }

    public StorageLayout build(TableData data, TableDesign design)
    {
        requireNonNull(data, "data is null");
        requireNonNull(design, "design is null");
        design.checkAgainst(data.table());
        int slices = cluster.slices();
        int[][] placement = place(data, design, slices);
        long[] sliceRows = new long[placement.length];
        for (int s = 0; s < placement.length; s++) {
            sliceRows[s] = placement[s].length;
        }
        int[] sliceOf = sliceOf(data.rows(), placement, design.distribution() == DistStyle.ALL);
        int count = data.columns().size();
        ColumnLayout[] layouts = new ColumnLayout[count];
        long[][] byTarget = new long[count][];
        long[] moved = new long[count];
        // columns are independent: lay them out on up to `parallelism` threads
        List<Callable<Void>> tasks = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            int index = c;
            tasks.add(() -> {
                ColumnData column = data.columns().get(index);
                layouts[index] = layColumn(data.table().name(), column, design.encoding(column.name()), placement);
                long[] counts = new long[slices];
                long away = 0;
                for (int row = 0; row < data.rows(); row++) {
                    int target = Keys.slice(column.hash(row), slices);
                    counts[target]++;
                    if (target != sliceOf[row]) {
                        away++;
                    }
                }
                byTarget[index] = counts;
                moved[index] = away;
                return null;
            });
        }
        runAll(tasks);
        List<ColumnLayout> columns = List.of(layouts);
        return new StorageLayout(data.table().name(), design, cluster, data.rowsPerDataRow(), sliceRows, columns, byTarget, moved);
    }

    /**
     * Which rows each storage slice holds, in sort order: {@code slices} arrays, or one for ALL.
     */
    public static int[][] place(TableData data, TableDesign design, int slices)
    {
        int rows = data.rows();
        int[][] placement;
        if (design.distribution() == DistStyle.ALL) {
            int[] all = new int[rows];
            for (int i = 0; i < rows; i++) {
                all[i] = i;
            }
            placement = new int[][] {all};
        }
        else {
            int[] target = new int[rows];
            int[] counts = new int[slices];
            if (design.distribution() == DistStyle.KEY) {
                ColumnData key = data.columns().get(data.columnIndex(design.distkey().orElseThrow()));
                for (int i = 0; i < rows; i++) {
                    target[i] = Keys.slice(key.hash(i), slices);
                    counts[target[i]]++;
                }
            }
            else {
                for (int i = 0; i < rows; i++) {
                    target[i] = i % slices;
                    counts[target[i]]++;
                }
            }
            placement = new int[slices][];
            for (int s = 0; s < slices; s++) {
                placement[s] = new int[counts[s]];
            }
            int[] filled = new int[slices];
            for (int i = 0; i < rows; i++) {
                placement[target[i]][filled[target[i]]++] = i;
            }
        }
        if (design.sortStyle() != SortStyle.NONE) {
            IndexSort.RowComparator comparator = design.sortStyle() == SortStyle.COMPOUND
                    ? compound(data, design.sortkey())
                    : interleaved(data, design.sortkey());
            for (int[] slice : placement) {
                IndexSort.sort(slice, comparator);
            }
        }
        return placement;
    }

    private static IndexSort.RowComparator compound(TableData data, List<String> sortkey)
    {
        long[][] keys = new long[sortkey.size()][];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = sortKeys(data.columns().get(data.columnIndex(sortkey.get(k))));
        }
        if (keys.length == 1) {
            long[] only = keys[0];
            return (left, right) -> Long.compare(only[left], only[right]);
        }
        return (left, right) -> {
            for (long[] key : keys) {
                int order = Long.compare(key[left], key[right]);
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        };
    }

    private static IndexSort.RowComparator interleaved(TableData data, List<String> sortkey)
    {
        long[][] keys = new long[sortkey.size()][];
        for (int c = 0; c < keys.length; c++) {
            keys[c] = sortKeys(data.columns().get(data.columnIndex(sortkey.get(c))));
        }
        long[] z = zOrder(keys, data.rows());
        return (left, right) -> Long.compareUnsigned(z[left], z[right]);
    }

    /**
     * The z-order value an interleaved sort key orders rows by (compared unsigned): each column's
     * dense rank among its distinct keys, scaled into {@code 63 / k} bits (at most 31), bits
     * interleaved with the first column the most significant.
     *
     * @param keys per sort-key column, each row's key (nulls as {@link Long#MAX_VALUE}, so they sort last)
     */
    public static long[] zOrder(long[][] keys, int rows)
    {
        int k = keys.length;
        int bits = Math.min(31, 63 / k);
        long[] z = new long[rows];
        for (int c = 0; c < k; c++) {
            long[] ranks = ranks(keys[c], bits);
            for (int row = 0; row < z.length; row++) {
                long rank = ranks[row];
                // bit b of this column's rank goes to bit b * k + (k - 1 - c): the first column is the most significant
                for (int b = 0; b < bits; b++) {
                    z[row] |= ((rank >>> b) & 1L) << (b * k + (k - 1 - c));
                }
            }
        }
        return z;
    }

    // each row's dense rank among the distinct keys, scaled into [0, 2^bits)
    private static long[] ranks(long[] keys, int bits)
    {
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        long[] ranks = new long[keys.length];
        double scale = distinct <= 1 ? 0 : ((1L << bits) - 1) / (double) (distinct - 1);
        for (int row = 0; row < keys.length; row++) {
            int rank = Arrays.binarySearch(sorted, 0, distinct, keys[row]);
            ranks[row] = Math.round(rank * scale);
        }
        return ranks;
    }

    // keys with nulls after every value
    private static long[] sortKeys(ColumnData column)
    {
        long[] keys = new long[column.rows()];
        for (int row = 0; row < keys.length; row++) {
            keys[row] = column.isNull(row) ? Long.MAX_VALUE : column.key(row);
        }
        return keys;
    }

    private static int[] sliceOf(int rows, int[][] placement, boolean replicated)
    {
        int[] sliceOf = new int[rows];
        if (replicated) {
            Arrays.fill(sliceOf, -1);
            return sliceOf;
        }
        for (int s = 0; s < placement.length; s++) {
            for (int row : placement[s]) {
                sliceOf[row] = s;
            }
        }
        return sliceOf;
    }

    private ColumnLayout layColumn(String table, ColumnData column, Encoding encoding, int[][] placement)
    {
        Encoder encoder = Encoders.forEncoding(encoding);
        ColumnType type = column.type();
        if (!encoder.appliesTo(type)) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "the design of table %s encodes column %s (%s) as %s, which Redshift does not allow on that type: choose another encoding"
                    .formatted(table, column.name(), type, encoding));
        }
        boolean wrapped = encoding == Encoding.LZO || encoding == Encoding.ZSTD;
        BlockList blocks = new BlockList();
        int[] sliceFirstBlock = new int[placement.length + 1];
        for (int s = 0; s < placement.length; s++) {
            sliceFirstBlock[s] = blocks.size;
            int[] order = placement[s];
            if (order.length == 0) {
                continue;
            }
            List<byte[]> encoded;
            try {
                encoded = encoder.encode(type, encoderColumn(column, order));
            }
            catch (EncodingException e) {
                throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "cannot encode column %s.%s as %s: %s".formatted(table, column.name(), encoding, e.getMessage()), e);
            }
            int row = 0;
            int blockStart = 0;
            long blockBytes = 0;
            for (byte[] block : encoded) {
                int rows = wrapped ? wrappedRows(encoding, block) : littleEndianInt(block, 1);
                if (blockBytes > 0 && blockBytes + block.length > cluster.blockBytes()) {
                    blocks.add(column, order, blockStart, row - blockStart, blockBytes);
                    blockStart = row;
                    blockBytes = 0;
                }
                blockBytes += block.length;
                row += rows;
            }
            if (row > blockStart) {
                blocks.add(column, order, blockStart, row - blockStart, blockBytes);
            }
            if (row != order.length) {
                throw new SimulatorException(ErrorCode.INTERNAL, "encoder %s gave blocks of %d rows for %d rows of %s.%s".formatted(encoding, row, order.length, table, column.name()));
            }
        }
        sliceFirstBlock[placement.length] = blocks.size;
        return blocks.toLayout(column.name(), type, encoding, sliceFirstBlock);
    }

    /**
     * Rows of an LZO or ZSTD block: the row count of the RAW block it wraps (the encoders' documented
     * format: tag, int32 raw length, compressed RAW block), read without decoding the values.
     */
    private static int wrappedRows(Encoding encoding, byte[] block)
    {
        int rawLength = littleEndianInt(block, 1);
        byte[] raw = new byte[rawLength];
        Decompressor decompressor = encoding == Encoding.ZSTD ? new ZstdDecompressor() : new LzoDecompressor();
        decompressor.decompress(block, WRAPPER_BYTES, block.length - WRAPPER_BYTES, raw, 0, rawLength);
        return littleEndianInt(raw, 1);
    }

    private static int littleEndianInt(byte[] bytes, int offset)
    {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8 | (bytes[offset + 2] & 0xFF) << 16 | (bytes[offset + 3] & 0xFF) << 24;
    }

    /** The column's values at the given rows, in that order, as the encoders take them. */
    public static Column encoderColumn(ColumnData column, int[] order)
    {
        int n = order.length;
        boolean[] nulls = new boolean[n];
        if (column.isText()) {
            byte[][] values = new byte[n][];
            for (int i = 0; i < n; i++) {
                if (column.isNull(order[i])) {
                    nulls[i] = true;
                }
                else {
                    values[i] = column.bytes(order[i]);
                }
            }
            return new TextColumn(values, nulls);
        }
        ColumnType.Kind kind = column.type().kind();
        if (kind == ColumnType.Kind.REAL || kind == ColumnType.Kind.DOUBLE) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                nulls[i] = column.isNull(order[i]);
                values[i] = nulls[i] ? 0 : Double.longBitsToDouble(column.value(order[i]));
            }
            return new DoubleColumn(values, nulls);
        }
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            nulls[i] = column.isNull(order[i]);
            values[i] = nulls[i] ? 0 : column.value(order[i]);
        }
        return new LongColumn(values, nulls);
    }

    /** Growable block arrays. */
    private static final class BlockList
    {
        int size;
        int[] rowStart = new int[16];
        int[] rows = new int[16];
        long[] encodedBytes = new long[16];
        long[] rawBytes = new long[16];
        long[] min = new long[16];
        long[] max = new long[16];
        boolean[] hasNull = new boolean[16];

        void add(ColumnData column, int[] order, int start, int count, long bytes)
        {
            if (size == rowStart.length) {
                int capacity = size * 2;
                rowStart = Arrays.copyOf(rowStart, capacity);
                rows = Arrays.copyOf(rows, capacity);
                encodedBytes = Arrays.copyOf(encodedBytes, capacity);
                rawBytes = Arrays.copyOf(rawBytes, capacity);
                min = Arrays.copyOf(min, capacity);
                max = Arrays.copyOf(max, capacity);
                hasNull = Arrays.copyOf(hasNull, capacity);
            }
            long low = Long.MAX_VALUE;
            long high = Long.MIN_VALUE;
            boolean nulls = false;
            long raw = 0;
            for (int i = start; i < start + count; i++) {
                int row = order[i];
                if (column.isNull(row)) {
                    nulls = true;
                    continue;
                }
                long key = column.key(row);
                low = Math.min(low, key);
                high = Math.max(high, key);
                raw += column.rawWidth(row);
            }
            rowStart[size] = start;
            rows[size] = count;
            encodedBytes[size] = bytes;
            rawBytes[size] = raw;
            min[size] = low;
            max[size] = high;
            hasNull[size] = nulls;
            size++;
        }

        ColumnLayout toLayout(String name, ColumnType type, Encoding encoding, int[] sliceFirstBlock)
        {
            return new ColumnLayout(name, type, encoding, sliceFirstBlock,
                    Arrays.copyOf(rowStart, size),
                    Arrays.copyOf(rows, size),
                    Arrays.copyOf(encodedBytes, size),
                    Arrays.copyOf(rawBytes, size),
                    Arrays.copyOf(min, size),
                    Arrays.copyOf(max, size),
                    Arrays.copyOf(hasNull, size));
        }
    }
}
