package io.autotable.simulator.data;

import io.autotable.catalog.Table;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The checks every {@link BenchmarkGenerator} makes, in one place so that their errors read the
 * same: the scale is in the generator's range, the table exists, the thread was not interrupted.
 */
public final class GeneratorChecks
{
    /**
     * Rows a generator produces between two looks at the thread's interrupt flag: a power of two,
     * so that a generator can test {@code (rows & INTERRUPT_CHECK_MASK) == 0}.
     */
    public static final long INTERRUPT_CHECK_ROWS = 4096;
    public static final long INTERRUPT_CHECK_MASK = INTERRUPT_CHECK_ROWS - 1;

    private GeneratorChecks() {}

    /**
     * @throws SimulatorException with {@link ErrorCode#INVALID_SCALE} when the scale is not a number
     *         in {@code [minScale, maxScale]}
     */
    public static void checkScale(BenchmarkGenerator generator, double scale)
    {
        requireNonNull(generator, "generator is null");
        // written so that NaN fails too
        if (!(scale >= generator.minScale() && scale <= generator.maxScale())) {
            throw new SimulatorException(ErrorCode.INVALID_SCALE, "scale factor %s is out of range for %s: use a scale factor from %s to %s"
                    .formatted(scale, generator.name(), generator.minScale(), generator.maxScale()));
        }
    }

    /**
     * @throws SimulatorException with {@link ErrorCode#UNKNOWN_TABLE} when the benchmark has no
     *         such table
     */
    public static Table table(BenchmarkGenerator generator, String name)
    {
        requireNonNull(generator, "generator is null");
        requireNonNull(name, "name is null");
        for (Table table : generator.schema()) {
            if (table.name().equalsIgnoreCase(name.strip())) {
                return table;
            }
        }
        throw new SimulatorException(ErrorCode.UNKNOWN_TABLE, "benchmark %s has no table '%s' (it has: %s)".formatted(
                generator.name(),
                name,
                generator.schema().stream().map(Table::name).collect(Collectors.joining(", "))));
    }

    /**
     * Stops a generation when its thread was interrupted. The interrupt flag stays set, so that the
     * caller still sees it.
     *
     * @throws SimulatorException with {@link ErrorCode#INTERRUPTED} when the current thread is
     *         interrupted
     */
    public static void checkInterrupted(BenchmarkGenerator generator, String table, long rows)
    {
        if (Thread.currentThread().isInterrupted()) {
            throw new SimulatorException(ErrorCode.INTERRUPTED, "generating %s table %s was interrupted after %d rows"
                    .formatted(generator.name(), table, rows));
        }
    }
}
