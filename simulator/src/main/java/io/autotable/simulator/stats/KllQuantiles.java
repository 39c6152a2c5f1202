package io.autotable.simulator.stats;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import org.apache.datasketches.common.ArrayOfItemsSerDe;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.kll.KllItemsSketch;
import org.apache.datasketches.kll.KllLongsSketch;
import org.apache.datasketches.kll.KllSketch;
import org.apache.datasketches.memory.Memory;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;
import static org.apache.datasketches.quantilescommon.QuantileSearchCriteria.INCLUSIVE;

/**
 * A KLL quantile sketch (Karnin, Lang, Liberty, "Optimal Quantile Approximation in Streams",
 * FOCS 2016) over a column's values, made deterministic.
 *
 * <p>DataSketches' KLL sketches flip their compaction coins with one static, unseeded
 * {@code java.util.Random} ({@code KllSketch.random}, datasketches-java 6.2.0), so the same input
 * gives different quantiles from run to run. This class buffers values and feeds them to the sketch
 * in batches; each batch runs holding that {@code Random}'s lock, right after reseeding it from this
 * sketch's own seeded {@link SplittableRandom}. Every coin a sketch flips therefore comes from its
 * own seed sequence, whatever other threads do, as long as all KLL sketches in the JVM are fed
 * through this class. The lock is taken once per {@value #BATCH} values.
 *
 * <p>Three variants: {@code long} keys for integers, decimals of up to 18 digits, booleans, dates
 * and times (each mapped exactly and reversibly to a {@code long}, see {@link LongCodec}); doubles
 * for REAL and DOUBLE PRECISION (the sketch drops NaN); and typed items for text and wider
 * decimals. Quantiles are always retained input values, mapped back, so they are real values.
 */
abstract sealed class KllQuantiles
{
    static final int BATCH = 1024;

    private static final Random KLL_RANDOM = kllRandom();

    /** An exact, order-preserving, reversible mapping of a type's keys to {@code long}. */
    interface LongCodec
    {
        long toLong(Object key);

        Object fromLong(long value);
    }

    private final SplittableRandom seeds;

    private KllQuantiles(long seed)
    {
        this.seeds = new SplittableRandom(seed);
    }

    static KllQuantiles longs(int k, long seed, LongCodec codec)
    {
        return new Longs(k, seed, codec);
    }

    static KllQuantiles doubles(int k, long seed)
    {
        return new Doubles(k, seed);
    }

    static KllQuantiles items(int k, long seed, Comparator<Object> comparator)
    {
        return new Items(k, seed, comparator);
    }

    abstract void add(Object key);

    /** Adds every distinct value with its count (a weighted update). */
    abstract void addAll(ValueCounts counts);

    /** The values at these normalized ranks (inclusive search), empty when the sketch is. */
    abstract List<Object> quantiles(double[] ranks);

    final void seeded(Runnable update)
    {
        synchronized (KLL_RANDOM) {
            KLL_RANDOM.setSeed(seeds.nextLong());
            update.run();
        }
    }

    private static Random kllRandom()
    {
        try {
            Field field = KllSketch.class.getDeclaredField("random");
            field.setAccessible(true);
            return requireNonNull((Random) field.get(null), "KllSketch.random is null");
        }
        catch (ReflectiveOperationException | RuntimeException e) {
            throw new SimulatorException(
                    ErrorCode.INTERNAL,
                    "cannot seed DataSketches' KLL sketches (KllSketch.random): column statistics would not be deterministic; "
                            + "check the datasketches-java version",
                    e);
        }
    }

    private static final class Longs
            extends KllQuantiles
    {
        private final KllLongsSketch sketch;
        private final LongCodec codec;
        private final long[] buffer = new long[BATCH];
        private int buffered;

        Longs(int k, long seed, LongCodec codec)
        {
            super(seed);
            this.sketch = KllLongsSketch.newHeapInstance(k);
            this.codec = requireNonNull(codec, "codec is null");
        }

        @Override
        void add(Object key)
        {
            buffer[buffered++] = codec.toLong(key);
            if (buffered == BATCH) {
                flush();
            }
        }

        @Override
        void addAll(ValueCounts counts)
        {
            flush();
            seeded(() -> {
                for (int index = 0; index < counts.size(); index++) {
                    sketch.update(codec.toLong(counts.key(index)), counts.count(index));
                }
            });
        }

        @Override
        List<Object> quantiles(double[] ranks)
        {
            flush();
            if (sketch.isEmpty()) {
                return List.of();
            }
            long[] values = sketch.getQuantiles(ranks, INCLUSIVE);
            List<Object> keys = new ArrayList<>(values.length);
            for (long value : values) {
                keys.add(codec.fromLong(value));
            }
            return keys;
        }

        private void flush()
        {
            if (buffered > 0) {
                seeded(() -> sketch.update(buffer, 0, buffered));
                buffered = 0;
            }
        }
    }

    private static final class Doubles
            extends KllQuantiles
    {
        private final KllDoublesSketch sketch;
        private final double[] buffer = new double[BATCH];
        private int buffered;

        Doubles(int k, long seed)
        {
            super(seed);
            this.sketch = KllDoublesSketch.newHeapInstance(k);
        }

        @Override
        void add(Object key)
        {
            buffer[buffered++] = (Double) key;
            if (buffered == BATCH) {
                flush();
            }
        }

        @Override
        void addAll(ValueCounts counts)
        {
            flush();
            seeded(() -> {
                for (int index = 0; index < counts.size(); index++) {
                    sketch.update((Double) counts.key(index), counts.count(index));
                }
            });
        }

        @Override
        List<Object> quantiles(double[] ranks)
        {
            flush();
            if (sketch.isEmpty()) {
                return List.of();
            }
            double[] values = sketch.getQuantiles(ranks, INCLUSIVE);
            List<Object> keys = new ArrayList<>(values.length);
            for (double value : values) {
                keys.add(value);
            }
            return keys;
        }

        private void flush()
        {
            if (buffered > 0) {
                seeded(() -> sketch.update(buffer, 0, buffered));
                buffered = 0;
            }
        }
    }

    private static final class Items
            extends KllQuantiles
    {
        private final KllItemsSketch<Object> sketch;
        private final Object[] buffer = new Object[BATCH];
        private int buffered;

        Items(int k, long seed, Comparator<Object> comparator)
        {
            super(seed);
            this.sketch = KllItemsSketch.newHeapInstance(k, requireNonNull(comparator, "comparator is null"), new UnserializedSerDe());
        }

        @Override
        void add(Object key)
        {
            buffer[buffered++] = key;
            if (buffered == BATCH) {
                flush();
            }
        }

        @Override
        void addAll(ValueCounts counts)
        {
            flush();
            seeded(() -> {
                for (int index = 0; index < counts.size(); index++) {
                    sketch.update(counts.key(index), counts.count(index));
                }
            });
        }

        @Override
        List<Object> quantiles(double[] ranks)
        {
            flush();
            if (sketch.isEmpty()) {
                return List.of();
            }
            return List.of(sketch.getQuantiles(ranks, INCLUSIVE));
        }

        private void flush()
        {
            if (buffered > 0) {
                seeded(() -> {
                    for (int index = 0; index < buffered; index++) {
                        sketch.update(buffer[index]);
                    }
                });
                Arrays.fill(buffer, 0, buffered, null);
                buffered = 0;
            }
        }
    }

    // The sketches live only for one table load: they are queried, never serialized.
    private static final class UnserializedSerDe
            extends ArrayOfItemsSerDe<Object>
    {
        @Override
        public byte[] serializeToByteArray(Object item)
        {
            throw new UnsupportedOperationException("statistics sketches are not serialized");
        }

        @Override
        public byte[] serializeToByteArray(Object[] items)
        {
            throw new UnsupportedOperationException("statistics sketches are not serialized");
        }

        @Override
        public Object[] deserializeFromMemory(Memory memory, long offsetBytes, int numItems)
        {
            throw new UnsupportedOperationException("statistics sketches are not serialized");
        }

        @Override
        public int sizeOf(Object item)
        {
            throw new UnsupportedOperationException("statistics sketches are not serialized");
        }

        @Override
        public int sizeOf(Memory memory, long offsetBytes, int numItems)
        {
            throw new UnsupportedOperationException("statistics sketches are not serialized");
        }

        @Override
        public String toString(Object item)
        {
            return String.valueOf(item);
        }

        @Override
        public Class<Object> getClassOfT()
        {
            return Object.class;
        }
    }
}
