package io.autotable.sql;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement of every benchmark in {@code shared/benchmarks} parses and analyses, and every
 * equi-join between two column references resolves to base columns.
 */
class TestBenchmarkAnalysis
{
    @Test
    void analysesEveryTpchQuery()
    {
        assertAllAnalysed(BenchmarkWorkloads.tpch(), 22);
    }

    @Test
    void analysesEveryTpcdsSparkStatement()
    {
        assertAllAnalysed(BenchmarkWorkloads.tpcdsSpark(), 103);
    }

    @Test
    void analysesEveryTpcdsDuckdbQuery()
    {
        assertAllAnalysed(BenchmarkWorkloads.tpcdsDuckdb(), 99);
    }

    @Test
    void analysesEverySsbQuery()
    {
        assertAllAnalysed(BenchmarkWorkloads.ssb(), 13);
        assertAllAnalysed(BenchmarkWorkloads.ssbLuciddb(), 13);
    }

    @Test
    void analysesEveryRedshiftStreamQuery()
    {
        List<BenchmarkWorkloads.Statement> statements = BenchmarkWorkloads.redshift();
        assertThat(statements).hasSizeGreaterThan(100);
        assertAllAnalysed(statements, statements.size());
    }

    @Test
    void resolvesEveryJoinOfEveryBenchmarkQuery()
    {
        List<String> unresolved = new ArrayList<>();
        Map<String, Integer> joinsPerDirectory = new TreeMap<>();
        for (BenchmarkWorkloads.Statement statement : BenchmarkWorkloads.all()) {
            Analysis analysis = BenchmarkWorkloads.analyze(statement);
            analysis.warnings().forEach(warning -> unresolved.add(statement.name() + ": " + warning));
            joinsPerDirectory.merge(statement.directory(), analysis.shape().map(shape -> shape.joins().size()).orElse(0), Integer::sum);
        }
        assertThat(unresolved).isEmpty();
        assertThat(joinsPerDirectory.values()).allMatch(count -> count > 0);
    }

    private void assertAllAnalysed(List<BenchmarkWorkloads.Statement> statements, int expected)
    {
        assertThat(statements).hasSize(expected);
        List<String> failures = new ArrayList<>();
        for (BenchmarkWorkloads.Statement statement : statements) {
            Analysis analysis = BenchmarkWorkloads.analyze(statement);
            analysis.error().ifPresent(error -> failures.add(statement.name() + ": " + error));
            analysis.shape().ifPresent(shape -> {
                if (shape.tablesRead().isEmpty()) {
                    failures.add(statement.name() + ": reads no table");
                }
            });
        }
        assertThat(failures).isEmpty();
    }
}
