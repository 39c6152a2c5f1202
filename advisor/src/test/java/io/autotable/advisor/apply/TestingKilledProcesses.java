package io.autotable.advisor.apply;

import io.autotable.repository.Workspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;

/** What the crash tests share: reading a child process's output until it is killed, and the locks it leaves. */
public final class TestingKilledProcesses
{
    private TestingKilledProcesses() {}

    /** Adds each line the child prints to {@code lines} until its output ends, as it does when it is killed. */
    public static void readLines(Process child, BlockingQueue<String> lines)
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        catch (IOException ignored) {
            // the child was killed mid-line
        }
    }

    /** H2's lock files of a workspace whose process was killed: H2 would age them out in about 4 s. */
    public static void deleteStaleLockFiles(Path directory)
            throws IOException
    {
        Files.deleteIfExists(directory.resolve(Workspace.WAREHOUSE_NAME + ".lock.db"));
        Files.deleteIfExists(directory.resolve(Workspace.REPOSITORY_NAME + ".lock.db"));
    }
}
