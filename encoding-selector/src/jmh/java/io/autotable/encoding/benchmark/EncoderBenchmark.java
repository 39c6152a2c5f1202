package io.autotable.encoding.benchmark;

import io.autotable.design.Encoding;
import io.autotable.encoding.Encoder;
import io.autotable.encoding.Encoders;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;

/**
 * Encode and decode throughput of each encoding over the columns of {@link StandardColumns} it
 * applies to. The {@code rawBytes} counter is the uncompressed bytes (lane width, or UTF-8 length)
 * processed per second: MB/s is it divided by 10^6.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class EncoderBenchmark
{
    @Param({"RAW", "AZ64", "BYTEDICT", "DELTA", "DELTA32K", "LZO", "MOSTLY8", "MOSTLY16", "MOSTLY32", "RUNLENGTH", "TEXT255", "TEXT32K", "ZSTD"})
    public String encoding;

    private Encoder encoder;
    private final List<StandardColumns.Standard> columns = new ArrayList<>();
    private final List<List<byte[]>> encoded = new ArrayList<>();
    private long rawBytes;

    @Setup
    public void setUp()
    {
        encoder = Encoders.forEncoding(Encoding.valueOf(encoding));
        for (StandardColumns.Standard column : StandardColumns.all()) {
            if (encoder.appliesTo(column.type())) {
                columns.add(column);
                encoded.add(encoder.encode(column.type(), column.column()));
                rawBytes += column.rawBytes();
            }
        }
    }

    @Benchmark
    public void encode(RawBytes bytes, Blackhole blackhole)
    {
        for (StandardColumns.Standard column : columns) {
            blackhole.consume(encoder.encode(column.type(), column.column()));
        }
        bytes.rawBytes += rawBytes;
    }

    @Benchmark
    public void decode(RawBytes bytes, Blackhole blackhole)
    {
        for (int i = 0; i < columns.size(); i++) {
            for (byte[] block : encoded.get(i)) {
                blackhole.consume(encoder.decode(columns.get(i).type(), block));
            }
        }
        bytes.rawBytes += rawBytes;
    }
}
