package io.autotable.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotable.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code exclude}, {@code daemon} and {@code status} on a small TPC-H workspace with two days of
 * generated workload.
 */
class TestDaemonCommands
{
    @TempDir
    static Path directory;

    private static Path workspace;

    @BeforeAll
    static void tpchWithAdvice()
    {
        workspace = TestingCli.tpchWithTwoDaysOfWorkload(directory.resolve("w"));
    }

    @Test
    void adviseRecordsItsRunAndAnExcludedTableGetsNoRecommendation()
    {
        TestingCli.Run exclude = TestingCli.run("exclude", "lineitem", "--kind", "sortkeys", "--workspace", workspace.toString());
        assertThat(exclude.exitCode()).as(exclude.err()).isZero();
        assertThat(exclude.out()).contains("Excluded lineitem (sortkey)");
        TestingCli.Run list = TestingCli.run("exclude", "--workspace", workspace.toString());
        assertThat(list.out()).contains("lineitem").contains("sortkey");

        TestingCli.Run advise = TestingCli.run("advise", "--workspace", workspace.toString());
        assertThat(advise.exitCode()).as(advise.err()).isZero();
        assertThat(advise.err()).containsPattern("recorded as run A\\d+");
        assertThat(advise.out()).contains("excluded by the user");

        TestingCli.Run include = TestingCli.run("exclude", "lineitem", "--kind", "sortkey", "--remove", "--workspace", workspace.toString());
        assertThat(include.exitCode()).as(include.err()).isZero();
        TestingCli.Run again = TestingCli.run("exclude", "lineitem", "--remove", "--workspace", workspace.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("lineitem (every kind) is not excluded");
    }

    @Test
    void excludingAnUnknownTableOrKindSaysWhatIsWrong()
    {
        TestingCli.Run table = TestingCli.run("exclude", "nosuch", "--workspace", workspace.toString());
        assertThat(table.exitCode()).isEqualTo(1);
        assertThat(table.err()).contains("no table 'nosuch' in the catalog");
        TestingCli.Run kind = TestingCli.run("exclude", "orders", "--kind", "colour", "--workspace", workspace.toString());
        assertThat(kind.exitCode()).isEqualTo(1);
        assertThat(kind.err()).contains("--kind 'colour': expected distribution, sortkey or encoding");
    }

    @Test
    void simulatedDaemonAppliesOnlyInsideTheWindowAndNeverFlaps()
            throws IOException
    {
        Path chart = directory.resolve("daemon.png");
        TestingCli.Run run = TestingCli.run("daemon", "--simulate", "--auto-apply", "--window", "01:00-05:00", "--zone", "UTC", "--interval", "12h", "--lookback", "1d",
                "--consecutive-runs", "1", "--format", "json", "--chart", chart.toString(), "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = Json.mapper().readTree(run.out());
        assertThat(report.get("respectsWindow").asBoolean()).isTrue();
        assertThat(report.get("flapFree").asBoolean()).isTrue();
        assertThat(report.get("timeline").size()).isGreaterThanOrEqualTo(4);
        assertThat(report.get("secondsWithout").asDouble()).isPositive();
        assertThat(report.get("configuration").get("window").asText()).isEqualTo("01:00-05:00");
        for (JsonNode change : report.get("applied")) {
            int hour = Instant.parse(change.get("time").asText()).atZone(ZoneOffset.UTC).getHour();
            assertThat(hour).isBetween(1, 4);
        }
        // every run says what it decided about each recommendation, and why
        for (JsonNode period : report.get("timeline")) {
            int hour = Instant.parse(period.get("end").asText()).atZone(ZoneOffset.UTC).getHour();
            for (JsonNode decision : period.get("decisions")) {
                assertThat(decision.get("id").asText()).matches("R\\d+");
                assertThat(decision.get("reason").asText()).isNotBlank();
                if (decision.get("verdict").asText().equals("applied")) {
                    assertThat(hour).isBetween(1, 4);
                }
            }
        }
        assertThat(report.get("timeline")).anySatisfy(period -> assertThat(period.get("decisions")).isNotEmpty());
        byte[] png = Files.readAllBytes(chart);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aReportOnlyRunIsRecordedAndStatusShowsIt()
            throws IOException
    {
        TestingCli.Run daemon = TestingCli.run("daemon", "--once", "--lookback", "30d", "--workspace", workspace.toString());
        assertThat(daemon.exitCode()).as(daemon.err()).isZero();
        assertThat(daemon.out()).contains("report-only").containsPattern("run A\\d+: \\d+ recommendation").contains("autotable daemon stopped");

        TestingCli.Run status = TestingCli.run("status", "--format", "json", "--workspace", workspace.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode report = Json.mapper().readTree(status.out());
        assertThat(report.get("daemon").get("state").asText()).isEqualTo("stopped");
        assertThat(report.get("daemon").get("configuration").get("autoApply").asBoolean()).isFalse();
        assertThat(report.get("runs")).anySatisfy(run -> assertThat(run.get("origin").asText()).isEqualTo("daemon"));
        assertThat(report.get("pending")).allSatisfy(pending -> assertThat(pending.get("id").asText()).matches("A\\d+:R\\d+"));
        assertThat(report.get("applied")).isEmpty();

        TestingCli.Run text = TestingCli.run("status", "--workspace", workspace.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Daemon: stopped").contains("Recent advice runs:").contains("Pending recommendations");
    }

    @Test
    void badDaemonOptionsSayWhatIsWrong()
    {
        TestingCli.Run window = TestingCli.run("daemon", "--once", "--window", "25:00-03:00", "--workspace", workspace.toString());
        assertThat(window.exitCode()).isEqualTo(1);
        assertThat(window.err()).contains("25:00-03:00");
        TestingCli.Run interval = TestingCli.run("daemon", "--once", "--interval", "soon", "--workspace", workspace.toString());
        assertThat(interval.exitCode()).isEqualTo(1);
        assertThat(interval.err()).contains("--interval 'soon' is not a duration");
        TestingCli.Run chart = TestingCli.run("daemon", "--once", "--chart", "x.png", "--workspace", workspace.toString());
        assertThat(chart.exitCode()).isEqualTo(1);
        assertThat(chart.err()).contains("--chart and --format are for --simulate");
    }
}
