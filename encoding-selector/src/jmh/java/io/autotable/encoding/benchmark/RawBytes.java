package io.autotable.encoding.benchmark;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Uncompressed bytes processed, reported by JMH per second beside each benchmark's operations:
 * the {@code rawBytes} line divided by 10^6 is MB/s.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class RawBytes
{
    public long rawBytes;

    @Setup(Level.Iteration)
    public void reset()
    {
        rawBytes = 0;
    }
}
