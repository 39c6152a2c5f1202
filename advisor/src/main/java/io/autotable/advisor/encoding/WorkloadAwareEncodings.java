package io.autotable.advisor.encoding;

import io.autotable.design.Encoding;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.encoding.EncodedSizes;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.ColumnData;
import io.autotable.simulator.layout.LayoutBuilder;
import io.autotable.simulator.layout.TableData;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Chooses each column's encoding for the workload's time on the simulated cluster rather than for
 * storage alone. For a column the workload reads, reading a raw byte of it costs
 * {@code ratio / scanRate + 1 / decodeRate(encoding)} seconds per slice, where {@code ratio} is the
 * encoded size over the raw size; the choice is the smallest encoding among those within
 * {@code tolerance} of the fastest. A column the workload never reads only takes space: it gets the
 * smallest encoding. The leading sort-key column stays RAW, as Redshift's ANALYZE COMPRESSION and
 * ENCODE AUTO keep it, so range-restricted scans read no more of its blocks than of the others'.
 *
 * <p>Sizes are measured exhaustively ({@link EncodedSizes}) on a sample of the slice holding the
 * most rows, in its sort order under the design (sorting changes what runs and deltas compress
 * to): up to {@code sampleRows} rows in four evenly spaced chunks of consecutive rows.
 */
public final class WorkloadAwareEncodings
{
    private static final int CHUNKS = 4;

    private final ClusterModel cluster;
    private final int sampleRows;
    private final double tolerance;

    /**
     * A column's choice.
     *
     * @param encoding the encoding chosen
     * @param reads the workload's runs that read the column
     * @param sizes the sample's encoded bytes per applicable encoding
     * @param rawBytes the sample's raw bytes
     * @param reason why, in words
     */
    public record Choice(Encoding encoding, double reads, Map<Encoding, Long> sizes, long rawBytes, String reason)
    {
        public Choice
        {
            requireNonNull(encoding, "encoding is null");
            sizes = Collections.unmodifiableMap(new EnumMap<>(requireNonNull(sizes, "sizes is null")));
            requireNonNull(reason, "reason is null");
        }
    }

    public WorkloadAwareEncodings(ClusterModel cluster, int sampleRows, double tolerance)
    {
        this.cluster = requireNonNull(cluster, "cluster is null");
        if (sampleRows < CHUNKS) {
            throw new IllegalArgumentException("sampleRows must be at least " + CHUNKS + ", got " + sampleRows);
        }
        if (!(tolerance >= 0) || tolerance > 1) {
            throw new IllegalArgumentException("tolerance must be in [0, 1], got " + tolerance);
        }
        this.sampleRows = sampleRows;
        this.tolerance = tolerance;
    }

    public static WorkloadAwareEncodings defaults(ClusterModel cluster)
    {
        return new WorkloadAwareEncodings(cluster, 65_536, 0.03);
    }

    /**
     * @param design the table's design: its distribution and sort key decide the rows' order
     * @param reads per column, how many runs of the workload read it (a column not listed: none)
     * @return per column of the table, in the table's order, the encoding chosen
     */
    public Map<String, Choice> choose(TableData data, TableDesign design, Map<String, Double> reads)
    {
        requireNonNull(data, "data is null");
        requireNonNull(design, "design is null");
        requireNonNull(reads, "reads is null");
        int[] sample = sample(data, design);
        Map<String, Choice> choices = new LinkedHashMap<>();
        for (ColumnData column : data.columns()) {
            double columnReads = reads.getOrDefault(column.name(), 0.0);
            Map<Encoding, Long> sizes = EncodedSizes.allApplicable(column.type(), LayoutBuilder.encoderColumn(column, sample));
            long raw = 0;
            for (int row : sample) {
                raw += column.rawWidth(row);
            }
            choices.put(column.name(), choose(column.name(), design, columnReads, sizes, raw));
        }
        return choices;
    }

    private Choice choose(String column, TableDesign design, double reads, Map<Encoding, Long> sizes, long raw)
    {
        if (design.sortStyle() != SortStyle.NONE && design.sortkey().get(0).equals(column)) {
            return new Choice(Encoding.RAW, reads, sizes, raw, "the leading sort-key column stays RAW");
        }
        if (reads == 0) {
            Encoding smallest = EncodedSizes.smallest(sizes);
            return new Choice(smallest, reads, sizes, raw, "no statement reads it: the smallest encoding");
        }
        double fastest = Double.POSITIVE_INFINITY;
        for (Map.Entry<Encoding, Long> entry : sizes.entrySet()) {
            fastest = Math.min(fastest, readSeconds(entry.getKey(), entry.getValue(), raw));
        }
        Encoding best = null;
        for (Map.Entry<Encoding, Long> entry : sizes.entrySet()) {
            if (readSeconds(entry.getKey(), entry.getValue(), raw) <= fastest * (1 + tolerance)) {
                if (best == null || entry.getValue() < sizes.get(best)
                        || (entry.getValue().equals(sizes.get(best)) && cluster.decodeRate(entry.getKey()) > cluster.decodeRate(best))) {
                    best = entry.getKey();
                }
            }
        }
        return new Choice(best, reads, sizes, raw, "read by %,.0f runs: the smallest of the encodings within %.0f%% of the fastest to scan and decode"
                .formatted(reads, tolerance * 100));
    }

    /** Seconds one slice takes to read and decode the sample's column under an encoding. */
    double readSeconds(Encoding encoding, long encodedBytes, long rawBytes)
    {
        return encodedBytes / cluster.scanBytesPerSecond() + rawBytes / cluster.decodeRate(encoding);
    }

    private int[] sample(TableData data, TableDesign design)
    {
        int[][] placement = LayoutBuilder.place(data, design, cluster.slices());
        int[] fullest = placement[0];
        for (int[] slice : placement) {
            if (slice.length > fullest.length) {
                fullest = slice;
            }
        }
        if (fullest.length <= sampleRows) {
            return fullest;
        }
        int chunk = sampleRows / CHUNKS;
        int[] rows = new int[chunk * CHUNKS];
        long stride = fullest.length / CHUNKS;
        for (int c = 0; c < CHUNKS; c++) {
            System.arraycopy(fullest, (int) (c * stride), rows, c * chunk, chunk);
        }
        return rows;
    }
}
