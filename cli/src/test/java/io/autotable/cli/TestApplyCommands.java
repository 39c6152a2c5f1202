package io.autotable.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code exclude}, {@code apply}, {@code status} and {@code rollback} on a small TPC-H workspace
 * that {@code advise} has advised on.
 */
class TestApplyCommands
{
    @TempDir
    static Path directory;

    private static Path workspace;

    @BeforeAll
    static void tpchWithAdvice()
    {
        workspace = directory.resolve("w");
        TestingCli.Run init = TestingCli.run("init", "--benchmark", "tpch", "--scale", "0.01", "--no-progress", "--workspace", workspace.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        TestingCli.Run generate = TestingCli.run("workload", "generate", "--days", "2", "--runs-per-day", "60", "--seed", "11", "--first-day", "2026-01-05", "--workspace", workspace.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
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
}
