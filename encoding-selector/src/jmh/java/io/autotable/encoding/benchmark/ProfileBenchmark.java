package io.autotable.encoding.benchmark;

import io.autotable.encoding.ColumnProfile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The profile pass ({@link ColumnProfile#of}) on each standard column, on one thread: the
 * {@code rawBytes} counter per second is its throughput per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ProfileBenchmark
{
    @Param({"int_keys", "bigint_zipf", "decimal_prices", "timestamp_events", "date_sorted", "varchar_categories", "varchar_text"})
    public String column;

    private StandardColumns.Standard standard;

    @Setup
    public void setUp()
    {
        for (StandardColumns.Standard candidate : StandardColumns.all()) {
            if (candidate.name().equals(column)) {
                standard = candidate;
            }
        }
    }

    @Benchmark
    public ColumnProfile profile(RawBytes bytes)
    {
        bytes.rawBytes += standard.rawBytes();
        return ColumnProfile.of(standard.type(), standard.column());
    }
}
