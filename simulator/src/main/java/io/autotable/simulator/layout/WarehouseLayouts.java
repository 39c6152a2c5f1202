package io.autotable.simulator.layout;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Table;
import io.autotable.design.PhysicalDesign;
import io.autotable.simulator.cluster.ClusterModel;

import java.lang.ref.Reference;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The layouts of a warehouse's tables under several designs at once: each table's data is read
 * once and laid out under every design, then dropped, so memory holds one table's data at a time.
 */
public final class WarehouseLayouts
{
    /** Hears which table is being laid out; called on the building thread. */
    @FunctionalInterface
    public interface Listener
    {
        void tableDone(String table, long rows, double readSeconds, double layoutSeconds);

        static Listener none()
        {
            return (table, rows, readSeconds, layoutSeconds) -> {};
        }
    }

    private WarehouseLayouts() {}

    /**
     * @param tables the tables with data to lay out (others have no layout and are not costed)
     * @return per design, in the given order, the layout of every table by name
     */
    public static List<Map<String, StorageLayout>> build(Connection warehouse, List<Table> tables, List<PhysicalDesign> designs, ClusterModel cluster, int maxRows, Listener listener)
    {
        requireNonNull(warehouse, "warehouse is null");
        return build(table -> TableDataReader.read(warehouse, table, maxRows), tables, designs, cluster, listener);
    }

    /**
     * @param reader gives a table's data (from the warehouse, a cache, a test)
     * @return per design, in the given order, the layout of every table by name
     */
    public static List<Map<String, StorageLayout>> build(Function<Table, TableData> reader, List<Table> tables, List<PhysicalDesign> designs, ClusterModel cluster, Listener listener)
    {
        requireNonNull(reader, "reader is null");
        requireNonNull(tables, "tables is null");
        requireNonNull(designs, "designs is null");
        requireNonNull(listener, "listener is null");
        LayoutBuilder builder = new LayoutBuilder(cluster);
        List<Map<String, StorageLayout>> layouts = new ArrayList<>();
        for (int i = 0; i < designs.size(); i++) {
            layouts.add(new TreeMap<>());
        }
        for (Table table : tables) {
            long started = System.nanoTime();
            TableData data = reader.apply(table);
            long read = System.nanoTime();
            for (int i = 0; i < designs.size(); i++) {
                layouts.get(i).put(table.name(), builder.build(data, designs.get(i).table(table.name())));
            }
            listener.tableDone(table.name(), data.rows(), (read - started) / 1e9, (System.nanoTime() - read) / 1e9);
            // the data is live until the listener has heard of it (benchmarks measure the heap there)
            Reference.reachabilityFence(data);
        }
        List<Map<String, StorageLayout>> result = new ArrayList<>();
        for (Map<String, StorageLayout> layout : layouts) {
            result.add(Map.copyOf(layout));
        }
        return List.copyOf(result);
    }

    /** The layouts of one design. */
    public static Map<String, StorageLayout> build(Connection warehouse, Catalog catalog, List<Table> tables, PhysicalDesign design, ClusterModel cluster)
    {
        requireNonNull(catalog, "catalog is null");
        return build(warehouse, tables, List.of(design), cluster, TableDataReader.DEFAULT_MAX_ROWS, Listener.none()).get(0);
    }
}
