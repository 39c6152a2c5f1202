package io.autotable.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * Runs the autotable command line in-process and captures what it prints.
 */
final class TestingCli
{
    record Run(int exitCode, String out, String err) {}

    private TestingCli() {}

    static Run run(String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = AutotableCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    /** TPC-H at scale 0.01 with two seeded days of its generated workload: the fixed small workload the advice tests read. */
    static Path tpchWithTwoDaysOfWorkload(Path workspace)
    {
        Run init = run("init", "--benchmark", "tpch", "--scale", "0.01", "--no-progress", "--workspace", workspace.toString());
        if (init.exitCode() != 0) {
            throw new IllegalStateException("init failed: " + init.err());
        }
        Run generate = run("workload", "generate", "--days", "2", "--runs-per-day", "60", "--seed", "11", "--first-day", "2026-01-05", "--workspace", workspace.toString());
        if (generate.exitCode() != 0) {
            throw new IllegalStateException("workload generate failed: " + generate.err());
        }
        return workspace;
    }
}
