package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.workload.ssb.SsbQueries;
import io.autotable.simulator.workload.tpch.TpchQueries;

import java.util.List;
import java.util.Locale;

/**
 * The query sets autotable ships for its benchmarks, so a workload can be run or generated without
 * any file beside the tool.
 */
public final class BenchmarkQueries
{
    public static final List<String> BENCHMARKS = List.of("tpch", "tpcds", "ssb");
    public static final List<String> SHIPPED = List.of("tpch", "ssb");

    private BenchmarkQueries() {}

    /**
     * @throws SimulatorException with {@link ErrorCode#UNKNOWN_BENCHMARK} for a benchmark without shipped queries
     */
    public static QuerySet forBenchmark(String benchmark)
    {
        return switch (normalize(benchmark)) {
            case TpchQueries.BENCHMARK -> TpchQueries.querySet();
            case SsbQueries.BENCHMARK -> SsbQueries.querySet();
            default -> throw new SimulatorException(ErrorCode.UNKNOWN_BENCHMARK,
                    "no shipped queries for benchmark '%s': autotable ships %s; import another benchmark's queries with 'autotable import sql FILE'"
                            .formatted(benchmark, String.join(", ", SHIPPED)));
        };
    }

    static String normalize(String benchmark)
    {
        return benchmark.strip().toLowerCase(Locale.ROOT);
    }
}
