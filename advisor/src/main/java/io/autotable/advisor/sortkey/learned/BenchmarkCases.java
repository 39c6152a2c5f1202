package io.autotable.advisor.sortkey.learned;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Table;
import io.autotable.error.CaptureException;
import io.autotable.simulator.data.BenchmarkGenerator;
import io.autotable.simulator.data.BenchmarkGenerators;
import io.autotable.simulator.layout.TableData;
import io.autotable.simulator.layout.TableDataBuilder;
import io.autotable.simulator.stats.StatsOptions;
import io.autotable.simulator.stats.TableStats;
import io.autotable.simulator.stats.TableStatsCollector;
import io.autotable.simulator.workload.BenchmarkQueries;
import io.autotable.simulator.workload.DriftScenario;
import io.autotable.simulator.workload.WorkloadGenerator;
import io.autotable.sql.Analysis;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.sql.fingerprint.LexicalFingerprinter;
import io.autotable.workload.QueryEvent;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.Workload;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A benchmark's tables and a workload on them, generated in memory for the held-out evaluation:
 * no workspace, no warehouse. Each table's rows come from the benchmark's generator at the scale
 * given, with the statistics a load would compute; the workload is the benchmark's seeded
 * statements, grouped by fingerprint and analysed against the catalog as {@code analyze} would:
 * {@link WorkloadGenerator}'s log of the benchmark's shipped query templates with varied
 * parameters, two days of 150 runs with the {@code filter-shift} drift taking over part of the
 * second day (TPC-H: filters on {@code l_receiptdate}, {@code l_commitdate} and orders' priority and
 * price; SSB: {@code lo_orderdate} ranges and customer regions instead of {@code d_year}).
 */
public final class BenchmarkCases
{
    /** The benchmarks whose query templates autotable ships. */
    public static final List<String> BENCHMARKS = BenchmarkQueries.SHIPPED;

    private BenchmarkCases() {}

    /**
     * @param tables each table's data, in the generator's order, its catalog entry with statistics
     */
    public record BenchmarkCase(String benchmark, double scale, Catalog catalog, Map<String, TableData> tables, Workload workload)
    {
        public BenchmarkCase
        {
            requireNonNull(benchmark, "benchmark is null");
            requireNonNull(catalog, "catalog is null");
            tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
            requireNonNull(workload, "workload is null");
        }
    }

    public static BenchmarkCase generate(String benchmark, double scale, long seed)
    {
        String name = benchmark.strip().toLowerCase(Locale.ROOT);
        if (!BENCHMARKS.contains(name)) {
            throw CaptureException.invalid("no held-out workload for benchmark '%s': use one of %s", benchmark, BENCHMARKS);
        }
        BenchmarkGenerator generator = BenchmarkGenerators.byName(name);
        Map<String, TableData> tables = new LinkedHashMap<>();
        List<Table> catalogTables = new ArrayList<>();
        for (Table table : generator.schema()) {
            TableData data = data(generator, table, scale);
            tables.put(table.name(), data);
            catalogTables.add(data.table());
        }
        Catalog catalog = new Catalog(catalogTables);
        List<String> statements = new ArrayList<>();
        for (QueryEvent event : WorkloadGenerator.generate(BenchmarkQueries.forBenchmark(name), 2, 150, seed, LocalDate.of(2026, 1, 5), DriftScenario.FILTER_SHIFT)) {
            statements.add(event.sql());
        }
        return new BenchmarkCase(name, scale, catalog, tables, analyse(statements, catalog));
    }

    /** A table's generated rows with their statistics, in the generator's order. */
    public static TableData data(BenchmarkGenerator generator, Table table, double scale)
    {
        TableDataBuilder builder = new TableDataBuilder(table.columns(), (int) Math.min(Integer.MAX_VALUE - 16, generator.expectedRows(table.name(), scale)));
        TableStatsCollector stats = new TableStatsCollector(table.columns(), StatsOptions.defaults());
        generator.generate(table.name(), scale, row -> {
            builder.add(row);
            stats.add(row);
        });
        TableStats computed = stats.finish();
        return builder.build(table.withData(computed.columns(), computed.rows(), computed.sizeBytes()));
    }

    /** Statements grouped by fingerprint (the first text of each stands for all), each analysed once. */
    static Workload analyse(List<String> statements, Catalog catalog)
    {
        LexicalFingerprinter fingerprinter = new LexicalFingerprinter();
        CalciteSqlAnalyzer analyzer = new CalciteSqlAnalyzer();
        Map<String, String> sql = new LinkedHashMap<>();
        Map<String, Long> runs = new LinkedHashMap<>();
        for (String statement : statements) {
            String fingerprint = fingerprinter.fingerprint(statement);
            sql.putIfAbsent(fingerprint, statement);
            runs.merge(fingerprint, 1L, Long::sum);
        }
        List<QueryGroup> groups = new ArrayList<>();
        sql.forEach((fingerprint, text) -> {
            Analysis analysis = analyzer.analyze(text, catalog, SqlDialect.REDSHIFT);
            groups.add(new QueryGroup(fingerprint, runs.get(fingerprint), 0, text, analysis.shape(),
                    analysis.shape().isPresent() ? Optional.empty() : Optional.of(analysis.error().map(Object::toString).orElse("not analysed"))));
        });
        return new Workload(groups);
    }
}
