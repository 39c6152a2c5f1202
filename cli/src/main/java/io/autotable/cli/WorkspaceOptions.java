package io.autotable.cli;

import io.autotable.repository.Workspace;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --workspace} option every command takes. */
public final class WorkspaceOptions
{
    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = Workspace.DEFAULT_DIRECTORY,
            description = "The workspace directory: repository, embedded warehouse, reports (default: ${DEFAULT-VALUE}).")
    Path directory;

    public Workspace workspace()
    {
        return new Workspace(directory);
    }
}
