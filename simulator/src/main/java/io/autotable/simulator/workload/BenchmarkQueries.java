package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.workload.files.QueryFiles;
import io.autotable.simulator.workload.ssb.SsbDrift;
import io.autotable.simulator.workload.ssb.SsbQueries;
import io.autotable.simulator.workload.tpch.TpchDrift;
import io.autotable.simulator.workload.tpch.TpchQueries;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The query sets of autotable's benchmarks: the templates it ships (TPC-H's, SSB's), or query
 * files given by the user, with each benchmark's drift statements and the years its data covers.
 */
public final class BenchmarkQueries
{
    public static final List<String> BENCHMARKS = List.of("tpch", "tpcds", "ssb");
    public static final List<String> SHIPPED = List.of("tpch", "ssb");

    /** The years of the generated data that queries filter on: TPC-H's and SSB's order dates, TPC-DS's sale dates. */
    private static final int TPCH_FIRST_YEAR = 1992;
    private static final int TPCH_LAST_YEAR = 1998;
    private static final int TPCDS_FIRST_YEAR = 1998;
    private static final int TPCDS_LAST_YEAR = 2002;

    private BenchmarkQueries() {}

    /**
     * @throws SimulatorException with {@link ErrorCode#UNKNOWN_BENCHMARK} for a benchmark without shipped queries
     */
    public static QuerySet forBenchmark(String benchmark)
    {
        return switch (normalize(benchmark)) {
            case TpchQueries.BENCHMARK -> TpchQueries.querySet();
            case SsbQueries.BENCHMARK -> SsbQueries.querySet();
            case "tpcds" -> throw new SimulatorException(ErrorCode.UNKNOWN_BENCHMARK,
                    "no shipped queries for benchmark 'tpcds': TPC-DS's query text may not ship with autotable (TPC's licence); give a copy of its queries with --queries FILE_OR_DIR");
            default -> throw unknown(benchmark);
        };
    }

    /**
     * Query files in place of a benchmark's shipped templates (see {@link QueryFiles}).
     *
     * @throws SimulatorException with {@link ErrorCode#UNKNOWN_BENCHMARK} for an unknown benchmark, {@link ErrorCode#FILE_NOT_READABLE} when no file can be used
     */
    public static QuerySet fromFiles(String benchmark, List<Path> paths)
    {
        return switch (normalize(benchmark)) {
            case TpchQueries.BENCHMARK -> QueryFiles.read(TpchQueries.BENCHMARK, paths, TPCH_FIRST_YEAR, TPCH_LAST_YEAR, new TpchDrift());
            case SsbQueries.BENCHMARK -> QueryFiles.read(SsbQueries.BENCHMARK, paths, TPCH_FIRST_YEAR, TPCH_LAST_YEAR, new SsbDrift());
            case "tpcds" -> QueryFiles.read("tpcds", paths, TPCDS_FIRST_YEAR, TPCDS_LAST_YEAR, DriftStatements.none());
            default -> throw unknown(benchmark);
        };
    }

    private static SimulatorException unknown(String benchmark)
    {
        return new SimulatorException(ErrorCode.UNKNOWN_BENCHMARK, "unknown benchmark '%s': expected one of %s".formatted(benchmark, String.join(", ", BENCHMARKS)));
    }

    private static String normalize(String benchmark)
    {
        return benchmark.strip().toLowerCase(Locale.ROOT);
    }
}
