package io.autotable.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotable.advisor.apply.TableChecksum;
import io.autotable.design.TableDesign;
import io.autotable.json.Json;
import io.autotable.repository.WorkloadRepository;
import io.autotable.repository.Workspace;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code apply}, {@code rollback}, {@code daemon --auto-apply} and what {@code status} then says,
 * on a copy of a small TPC-H workspace with advice recorded, one copy per test.
 */
class TestApplyCommands
{
    @TempDir
    static Path shared;

    private static Path template;

    @TempDir
    Path directory;

    private Path workspace;

    @BeforeAll
    static void tpchWithAdvice()
    {
        template = TestingCli.tpchWithTwoDaysOfWorkload(shared.resolve("template"));
        TestingCli.Run advise = TestingCli.run("advise", "--brief", "--workspace", template.toString());
        assertThat(advise.exitCode()).as(advise.err()).isZero();
    }

    @BeforeEach
    void copyOfTheWorkspace()
    {
        workspace = directory.resolve("w");
        copy(template, workspace);
    }

    @Test
    void dryRunPrintsTheDdlAndTheStepsAndChangesNothing()
            throws Exception
    {
        TableDesign before = design("lineitem");
        TestingCli.Run run = TestingCli.run("apply", "--dry-run", "R1", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Dry run: 1 table change(s)")
                .contains("C1 lineitem: A1:R1")
                .contains("DDL (redshift):")
                .contains("ALTER TABLE lineitem ALTER COLUMN")
                .contains("copy 60,175 rows")
                .contains("verify: the row count and an order-independent checksum");
        assertThat(design("lineitem")).isEqualTo(before);
        assertThat(status().get("changes")).isEmpty();
    }

    @Test
    void applyRewritesTheTableKeepingEveryRowAndRecordsTheNewDesign()
            throws Exception
    {
        TableChecksum rows = checksum("lineitem");
        TestingCli.Run run = TestingCli.run("apply", "R1", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("C1 lineitem: A1:R1").contains("60,175 rows, checksum " + rows.hex() + " verified");
        assertThat(checksum("lineitem")).isEqualTo(rows);
        assertThat(design("lineitem").encodings()).isNotEmpty();
        JsonNode status = status();
        JsonNode change = status.get("changes").get(0);
        assertThat(change.get("id").asText()).isEqualTo("C1");
        assertThat(change.get("state").asText()).isEqualTo("done");
        assertThat(change.get("origin").asText()).isEqualTo("apply");
        assertThat(change.get("recommendations").get(0).asText()).isEqualTo("A1:R1");
        assertThat(change.get("predictedBenefitPercent").asDouble()).isPositive();
        assertThat(change.get("checksum").asText()).isEqualTo(rows.hex());
        assertThat(status.get("pending")).noneSatisfy(pending -> assertThat(pending.get("id").asText()).isEqualTo("A1:R1"));

        TestingCli.Run again = TestingCli.run("apply", "A1:R1", "--workspace", workspace.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("A1:R1 is applied already");
    }

    @Test
    void rollbackRestoresTheDesignAndASecondRollbackIsRefused()
            throws Exception
    {
        TableDesign before = design("orders");
        TableChecksum rows = checksum("orders");
        assertThat(TestingCli.run("apply", "R2", "--workspace", workspace.toString()).exitCode()).isZero();
        assertThat(design("orders")).isNotEqualTo(before);

        TestingCli.Run rollback = TestingCli.run("rollback", "C1", "--workspace", workspace.toString());
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("C2: rolling back C1 of table orders").contains("'autotable exclude orders'");
        assertThat(design("orders")).isEqualTo(before);
        assertThat(checksum("orders")).isEqualTo(rows);
        JsonNode changes = status().get("changes");
        assertThat(changes.get(0).get("state").asText()).isEqualTo("rolled-back");
        assertThat(changes.get(0).get("rolledBackBy").asText()).isEqualTo("C2");
        assertThat(changes.get(1).get("rollsBack").asText()).isEqualTo("C1");

        TestingCli.Run twice = TestingCli.run("rollback", "A1:R2", "--workspace", workspace.toString());
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.err()).contains("change C1 of table orders was rolled back already, by C2");
    }

    @Test
    void unknownIdsSayWhatExists()
    {
        TestingCli.Run apply = TestingCli.run("apply", "R99", "--workspace", workspace.toString());
        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.err()).contains("run A1 has no recommendation R99 (it has R1, R2");
        TestingCli.Run rollback = TestingCli.run("rollback", "C7", "--workspace", workspace.toString());
        assertThat(rollback.exitCode()).isEqualTo(1);
        assertThat(rollback.err()).contains("the journal has no change C7");
        TestingCli.Run notApplied = TestingCli.run("rollback", "A1:R3", "--workspace", workspace.toString());
        assertThat(notApplied.exitCode()).isEqualTo(1);
        assertThat(notApplied.err()).contains("no applied change carried out A1:R3");
    }

    @Test
    void statusMeasuresAChangeOnTheWorkloadThatArrivedAfterIt()
            throws Exception
    {
        assertThat(TestingCli.run("apply", "R1", "--workspace", workspace.toString()).exitCode()).isZero();
        assertThat(status().get("changes").get(0).has("measured")).isFalse();

        // workload after the change: it is applied now, so tomorrow's
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        TestingCli.Run generate = TestingCli.run("workload", "generate", "--days", "1", "--runs-per-day", "30", "--seed", "5", "--first-day", tomorrow,
                "--workspace", workspace.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();

        JsonNode measured = status().get("changes").get(0).get("measured");
        assertThat(measured.get("statements").asLong()).isGreaterThanOrEqualTo(30);
        assertThat(measured.get("oldSeconds").asDouble()).isPositive();
        assertThat(measured.get("changePercent").asDouble()).isNegative();
        // an encoding change of the table most of the workload scans saves simulated time
        assertThat(measured.get("newSeconds").asDouble()).isLessThan(measured.get("oldSeconds").asDouble());
        TestingCli.Run text = TestingCli.run("status", "--no-measure", "--workspace", workspace.toString());
        assertThat(text.out()).containsPattern("measured: -\\d+\\.\\d+% simulated time");
    }

    @Test
    void autoApplyingDaemonRewritesAQualifyingTableAndRecordsWhy()
            throws Exception
    {
        TableChecksum rows = checksum("lineitem");
        TestingCli.Run daemon = TestingCli.run("daemon", "--auto-apply", "--once", "--consecutive-runs", "1", "--max-changes-per-day", "1", "--lookback", "1000d",
                "--workspace", workspace.toString());

        assertThat(daemon.exitCode()).as(daemon.err()).isZero();
        assertThat(daemon.out()).contains("auto-apply").containsPattern("run A2: \\d+ recommendation\\(s\\) .*, 1 applied");
        JsonNode status = status();
        JsonNode change = status.get("changes").get(0);
        assertThat(change.get("origin").asText()).isEqualTo("daemon");
        assertThat(change.get("state").asText()).isEqualTo("done");
        assertThat(change.get("recommendations").get(0).asText()).startsWith("A2:R");
        assertThat(change.get("reason").asText()).isNotBlank();
        assertThat(status.get("applied").get(0).get("runId").asText()).isEqualTo("A2");
        assertThat(status.get("daemon").get("configuration").get("autoApply").asBoolean()).isTrue();
        // the heaviest recommendation goes first, and the daily limit of one stops the rest
        assertThat(change.get("table").asText()).isEqualTo("lineitem");
        assertThat(checksum("lineitem")).isEqualTo(rows);
    }

    private JsonNode status()
            throws IOException
    {
        TestingCli.Run status = TestingCli.run("status", "--format", "json", "--workspace", workspace.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        return Json.mapper().readTree(status.out());
    }

    private TableDesign design(String table)
    {
        try (WorkloadRepository repository = WorkloadRepository.openExisting(new Workspace(workspace))) {
            return repository.design().table(table);
        }
    }

    private TableChecksum checksum(String table)
            throws SQLException
    {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(new Workspace(workspace))) {
            return TableChecksum.of(warehouse.connection(), '"' + table + '"');
        }
    }

    private static void copy(Path from, Path to)
    {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file));
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                }
                else if (!file.getFileName().toString().endsWith(".lock.db")) {
                    Files.copy(file, target);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
