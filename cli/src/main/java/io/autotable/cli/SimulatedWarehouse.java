package io.autotable.cli;

import io.autotable.catalog.Table;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.repository.CatalogEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;

import java.util.List;
import java.util.Set;

/** The workspace's tables the simulator can lay out: loaded completely into the embedded warehouse. */
final class SimulatedWarehouse
{
    private SimulatedWarehouse() {}

    static List<Table> tablesWithData(WorkloadRepository repository, EmbeddedWarehouse warehouse)
    {
        Set<String> present = Set.copyOf(warehouse.tableNames());
        List<Table> tables = repository.catalogEntries().stream()
                .filter(entry -> entry.state() == TableState.COMPLETE && present.contains(entry.table().name()))
                .map(CatalogEntry::table)
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
