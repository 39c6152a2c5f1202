package io.autotable.cli;

import io.autotable.catalog.Table;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.repository.CatalogEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.layout.TableData;
import io.autotable.simulator.layout.TableDataCache;
import io.autotable.simulator.layout.TableDataReader;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The workspace's tables the simulator can lay out: loaded completely into the embedded warehouse. */
final class SimulatedWarehouse
{
    private SimulatedWarehouse() {}

    static List<Table> tablesWithData(WorkloadRepository repository, EmbeddedWarehouse warehouse)
    {
        return entriesWithData(repository, warehouse).stream().map(CatalogEntry::table).toList();
    }

    /**
     * Reads tables from the workspace's column cache ({@code simulator-cache/}) when they have not
     * been reloaded since it was written, else from the embedded warehouse (and caches them).
     */
    static Function<Table, TableData> cachedReader(WorkloadRepository repository, EmbeddedWarehouse warehouse, int maxRows)
    {
        Map<String, String> stamps = new HashMap<>();
        for (CatalogEntry entry : entriesWithData(repository, warehouse)) {
            stamps.put(entry.table().name(), "%s rows=%d maxRows=%d".formatted(entry.updatedAt(), entry.table().rows(), maxRows));
        }
        TableDataCache cache = new TableDataCache(repository.workspace().directory().resolve("simulator-cache"));
        return table -> cache.read(table, stamps.getOrDefault(table.name(), "unknown"), () -> TableDataReader.read(warehouse.connection(), table, maxRows));
    }

    private static List<CatalogEntry> entriesWithData(WorkloadRepository repository, EmbeddedWarehouse warehouse)
    {
        Set<String> present = Set.copyOf(warehouse.tableNames());
        List<CatalogEntry> tables = repository.catalogEntries().stream()
                .filter(entry -> entry.state() == TableState.COMPLETE && present.contains(entry.table().name()))
                .toList();
        if (tables.isEmpty()) {
            Workspace workspace = repository.workspace();
            throw new CaptureException(ErrorCode.WORKSPACE_NOT_INITIALIZED,
                    "the embedded warehouse of %s has no loaded table to simulate: run 'autotable init --benchmark tpch --workspace %s' first"
                            .formatted(workspace.directory(), workspace.directory()));
        }
        return tables;
    }
}
