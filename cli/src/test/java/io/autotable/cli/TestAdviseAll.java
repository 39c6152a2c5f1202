package io.autotable.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autotable.AutotableVersion;
import io.autotable.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code advise} without {@code --only} on a fixed small workload: TPC-H at scale 0.01 and two
 * seeded days of its generated workload. The text and JSON reports are checked against golden
 * files ({@code src/test/resources/golden/}); run with {@code -Dautotable.golden.update=true} to
 * write them again after an intended change, and read the diff before committing it.
 */
class TestAdviseAll
{
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    static Path directory;

    private static Path workspace;

    @BeforeAll
    static void tpchWithTwoDaysOfWorkload()
    {
        workspace = TestingCli.tpchWithTwoDaysOfWorkload(directory.resolve("w"));
    }

    @Test
    void jsonHasTheDocumentedFieldsAndBenefitsAddUp()
            throws IOException
    {
        TestingCli.Run run = TestingCli.run("advise", "--format", "json", "--no-progress", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = Json.mapper().readTree(run.out());
        JsonNode provenance = root.get("provenance");
        assertThat(provenance.get("autotableVersion").asText()).isEqualTo(AutotableVersion.get());
        assertThat(provenance.get("workloadFingerprint").asText()).isNotBlank();
        assertThat(provenance.get("configuration").get("cluster").asText()).isEqualTo("ra3.4xlarge");
        assertThat(provenance.has("seed")).isTrue();
        double baseline = root.get("baseline").get("totalSeconds").asDouble();
        double recommended = root.get("recommended").get("totalSeconds").asDouble();
        assertThat(recommended).isPositive().isLessThanOrEqualTo(baseline);
        assertThat(root.get("recommendations").size()).isPositive();
        double percent = 0;
        for (JsonNode recommendation : root.get("recommendations")) {
            assertThat(recommendation.get("id").asText()).matches("R\\d+");
            assertThat(recommendation.get("table").asText()).isNotBlank();
            assertThat(recommendation.get("kind").asText()).isIn("distribution", "sortkey", "encoding");
            assertThat(recommendation.get("from").asText()).isNotEqualTo(recommendation.get("to").asText());
            assertThat(recommendation.get("ddl").get("redshift").size()).isPositive();
            assertThat(recommendation.get("ddl").get("embedded").size()).isPositive();
            assertThat(recommendation.get("evidence").isArray()).isTrue();
            assertThat(recommendation.get("confidence").get("level").asText()).isIn("high", "medium", "low");
            assertThat(recommendation.get("group").asText()).matches("G\\d+");
            percent += recommendation.get("benefitPercent").asDouble();
        }
        assertThat(percent).isCloseTo((1 - recommended / baseline) * 100, within(1e-6));
    }

    @Test
    void textReportMatchesItsGoldenFile()
            throws IOException
    {
        TestingCli.Run run = TestingCli.run("advise", "--no-progress", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertGolden("advise.txt", normalize(run.out()));
    }

    @Test
    void jsonReportMatchesItsGoldenFile()
            throws IOException
    {
        TestingCli.Run run = TestingCli.run("advise", "--format", "json", "--no-progress", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        // numbers to 9 significant digits: sums over maps may add in another order from run to run
        JsonNode root = rounded(Json.mapper().readTree(normalize(run.out())));
        assertGolden("advise.json", Json.writePretty(root) + "\n");
    }

    @Test
    void theSavedDesignReplaysToTheRecommendedTime()
            throws IOException
    {
        Path design = directory.resolve("design.json");
        Path json = directory.resolve("advice.json");
        TestingCli.Run advise = TestingCli.run("advise", "--brief", "--no-progress", "--save-design", design.toString(), "--json", json.toString(), "--workspace", workspace.toString());
        assertThat(advise.exitCode()).as(advise.err()).isZero();
        assertThat(advise.out()).contains("recommendation(s), in the order they apply").doesNotContain("why: ");

        TestingCli.Run replay = TestingCli.run("replay", "--compare", "current", design.toString(), "--format", "json", "--workspace", workspace.toString());

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        JsonNode designs = Json.mapper().readTree(replay.out()).get("designs");
        JsonNode advice = Json.mapper().readTree(Files.readString(json));
        assertThat(designs.get(0).get("totalSeconds").asDouble()).isCloseTo(advice.get("baseline").get("totalSeconds").asDouble(), within(1e-9));
        assertThat(designs.get(1).get("totalSeconds").asDouble()).isCloseTo(advice.get("recommended").get("totalSeconds").asDouble(), within(1e-9));
    }

    @Test
    void markdownHasTheSummaryAndTheRecommendations()
    {
        TestingCli.Run run = TestingCli.run("advise", "--format", "markdown", "--no-progress", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("# autotable advice", "| simulated workload | current | recommended | change |", "## Recommendations", "```sql", "ALTER TABLE");
    }

    @Test
    void markdownAndHtmlAreRefusedWithOnly()
    {
        TestingCli.Run run = TestingCli.run("advise", "--only", "distribution", "--format", "html", "--workspace", workspace.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--format html is for the whole advice");
    }

    @Test
    void aMinimumBenefitOutOfRangeIsAUserError()
    {
        TestingCli.Run run = TestingCli.run("advise", "--min-benefit", "150", "--workspace", workspace.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("minBenefitPercent must be in [0, 100), got 150.0");
    }

    private static String normalize(String text)
    {
        return text.replace(workspace.toString(), "<workspace>").replace(AutotableVersion.get(), "<version>");
    }

    private static JsonNode rounded(JsonNode node)
    {
        if (node.isFloatingPointNumber()) {
            return DoubleNode.valueOf(new BigDecimal(node.asDouble()).round(new MathContext(9)).doubleValue());
        }
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(rounded(field.getValue()));
            }
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rounded(array.get(i)));
            }
        }
        return node;
    }

    private static void assertGolden(String name, String actual)
            throws IOException
    {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("autotable.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (write it with -Dautotable.golden.update=true)", file).exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
