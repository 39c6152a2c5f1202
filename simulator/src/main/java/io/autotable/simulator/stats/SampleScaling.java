package io.autotable.simulator.stats;

import io.autotable.catalog.ColumnStats;

/**
 * How statistics computed over a uniform random sample of {@code n} rows become the statistics of
 * the whole table of {@code N} rows (the user says {@code N}, or Redshift's SVV_TABLE_INFO does).
 *
 * <ul>
 * <li>Row count: {@code N}. Size: the sample's bytes times {@code N / n}.</li>
 * <li>Null fraction, most common values' frequencies, histogram bounds, average width: the
 *     sample's, which are unbiased estimates of the table's fractions and quantiles.</li>
 * <li>Min and max: the sample's. The table's may lie beyond them; nothing in a sample says by
 *     how much.</li>
 * <li>Distinct count: the sample's {@code d} distinct values among its {@code n} non-null values,
 *     {@code f1} of them seen exactly once, scaled with Haas and Stokes' estimator Duj1
 *     (Haas, Naughton, Seshadri and Stokes, "Sampling-Based Estimation of the Number of Distinct
 *     Values of an Attribute", VLDB 1995; the estimator PostgreSQL's ANALYZE uses):
 *     {@code D = n d / (n - f1 + f1 n / N')}, with {@code N'} the table's non-null rows
 *     ({@code N} times one minus the null fraction), clamped to {@code [d, N']}. A column whose
 *     sample values are all different ({@code f1 = n}) scales to {@code N'}, a key; a column
 *     whose values all repeat ({@code f1 = 0}) keeps {@code d}. The count is then marked
 *     estimated.</li>
 * </ul>
 * Each column's {@link ColumnStats#rowCount()} stays the sample's {@code n}: a table whose
 * columns' row count is below its own was measured on a sample.
 */
final class SampleScaling
{
    private SampleScaling() {}

    /**
     * @param singletons the sample's distinct values seen exactly once ({@code f1})
     * @param tableRows the whole table's rows ({@code N}), more than the sample's
     */
    static ColumnStats scale(ColumnStats sample, long singletons, long tableRows)
    {
        long nonNull = sample.nonNullCount();
        long tableNonNull = Math.round(tableRows * (1 - sample.nullFraction()));
        long distinct = sample.distinct();
        if (nonNull == 0 || tableNonNull <= nonNull) {
            return sample;
        }
        double n = nonNull;
        double f1 = Math.min(singletons, distinct);
        double estimate = n * distinct / (n - f1 + f1 * n / tableNonNull);
        long scaled = Math.max(distinct, Math.min(tableNonNull, Math.round(estimate)));
        return new ColumnStats(
                sample.rowCount(),
                sample.nullFraction(),
                scaled,
                false,
                sample.min(),
                sample.max(),
                sample.mostCommon(),
                sample.histogram(),
                sample.averageWidth());
    }

    /** {@code count * tableRows / sampleRows}, rounded, without overflowing. */
    static long scaleCount(long count, long sampleRows, long tableRows)
    {
        if (sampleRows == 0) {
            return 0;
        }
        return Math.round((double) count * tableRows / sampleRows);
    }
}
