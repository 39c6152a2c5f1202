package io.autotable.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotable.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TestAdviseEncodings
{
    @TempDir
    static Path directory;

    private static Path workspace;

    @BeforeAll
    static void tpch()
    {
        workspace = directory.resolve("w");
        TestingCli.Run init = TestingCli.run("init", "--benchmark", "tpch", "--no-progress", "--workspace", workspace.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
    }

    @Test
    void jsonListsEveryColumnWithMeasuredSizesAndTotalsThatAddUp()
            throws Exception
    {
        TestingCli.Run run = TestingCli.run("advise", "--only", "encodings", "--format", "json", "--sample-rows", "4000", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // with --only encodings the section's fields are at the top level
        JsonNode encodings = Json.mapper().readTree(run.out());
        assertThat(encodings.has("provenance")).isTrue();
        assertThat(encodings.has("encodings")).isFalse();
        assertThat(encodings.get("selector").asText()).isEqualTo("learned+verify");
        assertThat(encodings.get("sample").get("rows").asInt()).isEqualTo(4000);
        long current = 0;
        long recommended = 0;
        long oracle = 0;
        int columns = 0;
        for (JsonNode column : encodings.get("columns")) {
            for (String field : Set.of("table", "column", "current", "recommended", "currentBytes", "recommendedBytes")) {
                assertThat(column.has(field)).as(field).isTrue();
            }
            // a fresh warehouse stores every column RAW
            assertThat(column.get("current").asText()).isEqualTo("RAW");
            assertThat(column.get("oracleBytes").asLong()).isLessThanOrEqualTo(column.get("recommendedBytes").asLong());
            assertThat(column.get("sampleRows").asInt()).isLessThanOrEqualTo(4000);
            current += column.get("currentBytes").asLong();
            recommended += column.get("recommendedBytes").asLong();
            oracle += column.get("oracleBytes").asLong();
            columns++;
        }
        assertThat(columns).isEqualTo(61);
        JsonNode totals = encodings.get("totals");
        assertThat(totals.get("currentBytes").asLong()).isEqualTo(current);
        assertThat(totals.get("recommendedBytes").asLong()).isEqualTo(recommended);
        assertThat(totals.get("oracleBytes").asLong()).isEqualTo(oracle);
        assertThat(totals.get("selector").asText()).isEqualTo("learned+verify");
        assertThat(recommended).isLessThan(current / 2);
    }

    @Test
    void textNamesTheSelectorAndEachColumn()
    {
        TestingCli.Run run = TestingCli.run("advise", "--only", "encodings", "--encoding-selector", "sampled", "--sample-rows", "2000", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Encodings (sampled selector", "lineitem", "l_shipmode", "measured by encoding the sample");
    }
}
