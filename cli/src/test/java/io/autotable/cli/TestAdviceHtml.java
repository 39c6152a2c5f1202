package io.autotable.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens {@code advise --format html}'s page in headless Chromium (Debian's {@code chromium},
 * installed by {@code .ci/install-chromium}) and checks that it loads without a script error and
 * that every chart decodes. Skipped where Chromium is missing, unless env {@code CI} is set: CI
 * must have it.
 */
class TestAdviceHtml
{
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path directory;

    @Test
    void theReportOpensInHeadlessChromiumWithItsThreeCharts()
            throws IOException, InterruptedException
    {
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("CI") != null) {
                throw new AssertionError("CI must install Chromium (.ci/install-chromium) for this test: " + CHROMIUM + " is missing");
            }
            Assumptions.abort(CHROMIUM + " is not installed: run .ci/install-chromium");
        }
        Path workspace = directory.resolve("w");
        TestingCli.Run init = TestingCli.run("init", "--benchmark", "tpch", "--scale", "0.01", "--no-progress", "--workspace", workspace.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
        TestingCli.Run generate = TestingCli.run("workload", "generate", "--days", "1", "--runs-per-day", "40", "--seed", "3", "--workspace", workspace.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        Path report = directory.resolve("report.html");
        TestingCli.Run advise = TestingCli.run("advise", "--format", "html", "--output", report.toString(), "--no-progress", "--workspace", workspace.toString());
        assertThat(advise.exitCode()).as(advise.err()).isZero();
        assertThat(Files.readString(report)).contains("<img class=\"chart\"", "data:image/png;base64,", "ALTER TABLE");

        Path profile = Files.createDirectory(directory.resolve("chromium-profile"));
        Path stderr = directory.resolve("chromium.err");
        Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom", report.toUri().toString()))
                .redirectError(stderr.toFile())
                .start();
        byte[] dom = chromium.getInputStream().readAllBytes();
        assertThat(chromium.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        String page = new String(dom, StandardCharsets.UTF_8);
        String log = Files.readString(stderr);

        assertThat(chromium.exitValue()).as(log).isZero();
        assertThat(page).as(log).contains("data-charts-loaded=\"3\"");
        assertThat(log).doesNotContain("Uncaught", "SyntaxError");
    }
}
