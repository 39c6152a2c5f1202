package io.autotable.cli;

import io.autotable.advisor.daemon.AbstractTestDaemonStore;
import io.autotable.advisor.daemon.DaemonStore;
import io.autotable.repository.WorkloadRepository;
import io.autotable.repository.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The workspace repository keeps the daemon's memory as the contract says. */
class TestRepositoryDaemonStore
        extends AbstractTestDaemonStore
{
    @TempDir
    Path directory;

    private final List<WorkloadRepository> opened = new ArrayList<>();

    @Override
    protected DaemonStore createStore()
    {
        WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory.resolve("w" + opened.size())));
        opened.add(repository);
        return new RepositoryDaemonStore(repository);
    }

    @AfterEach
    void close()
    {
        opened.forEach(WorkloadRepository::close);
    }
}
