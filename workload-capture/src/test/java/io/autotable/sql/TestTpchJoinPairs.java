package io.autotable.sql;

import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.workload.JoinPair;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The join pairs of every TPC-H query against {@code tpch-join-pairs.txt}, which was written by
 * hand from the queries' SQL.
 */
class TestTpchJoinPairs
{
    @Test
    void findsTheHandWrittenJoinPairsOfEveryTpchQuery()
            throws IOException
    {
        SqlAnalyzer analyzer = new CalciteSqlAnalyzer();
        List<String> actual = new ArrayList<>();
        for (BenchmarkWorkloads.Statement statement : BenchmarkWorkloads.tpch()) {
            String query = statement.name().replaceAll(".*/(q\\d\\d)\\.sql#1", "$1");
            Analysis analysis = analyzer.analyze(statement.sql(), statement.catalog(), statement.dialect());
            assertThat(analysis.error()).as(statement.name()).isEmpty();
            for (JoinPair pair : analysis.shape().orElseThrow().joins()) {
                JoinPair canonical = pair.canonical();
                actual.add("%s %s %s %s".formatted(query, canonical.left(), canonical.right(), canonical.type()));
            }
        }
        assertThat(actual).containsExactlyElementsOf(expected());
    }

    private static List<String> expected()
            throws IOException
    {
        try (InputStream in = TestTpchJoinPairs.class.getResourceAsStream("tpch-join-pairs.txt")) {
            assertThat(in).as("tpch-join-pairs.txt").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }
}
