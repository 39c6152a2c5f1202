package io.autotable.simulator.warehouse;

import io.autotable.repository.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TestEmbeddedWarehouse
{
    @TempDir
    Path directory;

    @Test
    void openingWaitsWhileAnotherConnectionHoldsTheDatabaseExclusively()
            throws Exception
    {
        Workspace workspace = new Workspace(directory.resolve("w"));
        workspace.createIfMissing();
        try (Connection holder = DriverManager.getConnection(EmbeddedWarehouse.jdbcUrl(workspace), "sa", "");
                Statement statement = holder.createStatement()) {
            // what a process closing the database does for a moment
            statement.execute("SET EXCLUSIVE 1");
            CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
                try {
                    statement.execute("SET EXCLUSIVE 0");
                }
                catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

            try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
                assertThat(release).isDone();
                assertThat(warehouse.connection().isValid(1)).isTrue();
            }
            release.get();
        }
    }
}
