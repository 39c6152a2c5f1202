package io.autotable.distkey;

import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.ValueFrequency;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Predicts how unevenly a distribution key would spread a table's rows over the slices, from the
 * key column's {@link ColumnStats}, as {@code rows on the busiest slice / rows on the mean slice}
 * (1 is perfectly even; Redshift reports the same ratio as {@code SVV_TABLE_INFO.skew_rows}).
 * <p>
 * Rows with the same key value always land on the same slice, so:
 * <ul>
 * <li>every null goes to one slice (Redshift hashes all nulls alike);</li>
 * <li>each most common value goes to the slice its hash picks (a 64-bit mix of the value's UTF-8
 * bytes: the engine's own hash is not public, so collisions between two heavy values are
 * modelled, not reproduced);</li>
 * <li>the remaining rows are spread evenly over the remaining distinct values, and those values
 * over the slices: when there are fewer of them than slices, only that many slices get them (the
 * least loaded ones, which is the best case).</li>
 * </ul>
 * The prediction is a lower bound on the imbalance of a real hash for all but the heavy-value
 * collisions, which is what a threshold needs: a key flagged here is skewed whatever the hash.
 */
public final class SliceSkew
{
    private SliceSkew() {}

    public static double predictedImbalance(ColumnStats stats, int slices)
    {
        if (slices < 1) {
            throw DistKeyException.invalid("slices must be >= 1, got %s", slices);
        }
        if (slices == 1 || stats.rowCount() == 0) {
            return 1;
        }
        double[] load = new double[slices];
        load[0] += stats.nullFraction();
        double common = 0;
        for (ValueFrequency frequency : stats.mostCommon()) {
            load[slice(frequency.value(), slices)] += frequency.frequency();
            common += frequency.frequency();
        }
        double rest = Math.max(0, 1 - stats.nullFraction() - common);
        long restDistinct = Math.max(0, stats.distinct() - stats.mostCommon().size());
        if (rest > 0 && restDistinct > 0) {
            if (restDistinct >= slices) {
                for (int s = 0; s < slices; s++) {
                    load[s] += rest / slices;
                }
            }
            else {
                // the few remaining values fill the emptiest slices, one value each
                int[] order = emptiestFirst(load);
                for (int i = 0; i < restDistinct; i++) {
                    load[order[i]] += rest / restDistinct;
                }
            }
        }
        double total = 0;
        double max = 0;
        for (double slice : load) {
            total += slice;
            max = Math.max(max, slice);
        }
        return total <= 0 ? 1 : Math.max(1, max / (total / slices));
    }

    private static int[] emptiestFirst(double[] load)
    {
        Integer[] order = new Integer[load.length];
        for (int s = 0; s < load.length; s++) {
            order[s] = s;
        }
        Arrays.sort(order, (x, y) -> load[x] != load[y] ? Double.compare(load[x], load[y]) : Integer.compare(x, y));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static int slice(String value, int slices)
    {
        long hash = 0x9E3779B97F4A7C15L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ b) * 0x100000001B3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xFF51AFD7ED558CCDL;
        hash ^= hash >>> 33;
        return (int) Long.remainderUnsigned(hash, slices);
    }
}
