package io.autotable.simulator.data;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.data.ssb.SsbGenerator;
import io.autotable.simulator.data.tpcds.TpcdsGenerator;
import io.autotable.simulator.data.tpch.TpchGenerator;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The benchmark generators autotable knows, by their command-line name.
 */
public final class BenchmarkGenerators
{
    private BenchmarkGenerators() {}

    /** Every generator, in the order the command line lists them. */
    public static List<BenchmarkGenerator> all()
    {
        return List.of(new TpchGenerator(), new TpcdsGenerator(), new SsbGenerator());
    }

    /**
     * @throws SimulatorException with {@link ErrorCode#UNKNOWN_BENCHMARK} when no generator has
     *         that name
     */
    public static BenchmarkGenerator byName(String name)
    {
        requireNonNull(name, "name is null");
        String normalized = name.strip().toLowerCase(Locale.ROOT);
        List<BenchmarkGenerator> generators = all();
        for (BenchmarkGenerator generator : generators) {
            if (generator.name().equals(normalized)) {
                return generator;
            }
        }
        throw new SimulatorException(ErrorCode.UNKNOWN_BENCHMARK, "unknown benchmark '%s': use one of %s".formatted(
                name,
                generators.stream().map(BenchmarkGenerator::name).collect(Collectors.joining(", "))));
    }
}
