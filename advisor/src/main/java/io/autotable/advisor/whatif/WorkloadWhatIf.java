package io.autotable.advisor.whatif;

import io.autotable.catalog.Catalog;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.cost.CostModel;
import io.autotable.simulator.cost.QueryCost;
import io.autotable.simulator.layout.LayoutBuilder;
import io.autotable.simulator.layout.StorageLayout;
import io.autotable.simulator.layout.TableData;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.QueryShape;
import io.autotable.workload.Workload;
import io.autotable.workload.Write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The simulator's what-if over a whole workload: every analysed statement of the workload costed
 * by the {@link CostModel} on the given table layouts, times its runs. Statements without a shape
 * (not analysed) are not costed. Immutable: {@link #with} gives the workload under one table's
 * other layout, re-costing only the statements that touch that table.
 *
 * <p>The cost is the sum of each run's simulated time, without queueing: the advisor compares
 * designs by the work they cost, and {@code replay} adds WLM queues on top.
 */
public final class WorkloadWhatIf
{
    private final ClusterModel cluster;
    private final Catalog catalog;
    private final List<Statement> statements;
    private final Map<String, StorageLayout> layouts;
    private final Map<String, QueryCost> costs;

    /** An analysed statement and its runs (or another weight, such as its runs in part of the log). */
    public record Statement(String fingerprint, double runs, QueryShape shape)
    {
        public Statement
        {
            requireNonNull(fingerprint, "fingerprint is null");
            requireNonNull(shape, "shape is null");
            if (!(runs >= 0) || !Double.isFinite(runs)) {
                throw new IllegalArgumentException("runs of %s must be finite and >= 0, got %s".formatted(fingerprint, runs));
            }
        }

        public boolean touches(String table)
        {
            if (shape.tablesRead().contains(table)) {
                return true;
            }
            for (Write write : shape.writes()) {
                if (write.table().equals(table)) {
                    return true;
                }
            }
            return false;
        }
    }

    public WorkloadWhatIf(ClusterModel cluster, Catalog catalog, Workload workload, Map<String, StorageLayout> layouts)
    {
        this(cluster, catalog, statements(workload), layouts);
    }

    public WorkloadWhatIf(ClusterModel cluster, Catalog catalog, List<Statement> statements, Map<String, StorageLayout> layouts)
    {
        this(cluster, catalog, List.copyOf(requireNonNull(statements, "statements is null")), Map.copyOf(requireNonNull(layouts, "layouts is null")), null);
    }

    private WorkloadWhatIf(ClusterModel cluster, Catalog catalog, List<Statement> statements, Map<String, StorageLayout> layouts, Map<String, QueryCost> known)
    {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.statements = statements;
        this.layouts = layouts;
        CostModel model = new CostModel(cluster, catalog, layouts);
        Map<String, QueryCost> costs = new LinkedHashMap<>();
        for (Statement statement : statements) {
            QueryCost cost = known == null ? null : known.get(statement.fingerprint());
            costs.put(statement.fingerprint(), cost != null ? cost : model.cost(statement.shape()));
        }
        this.costs = costs;
    }

    /** The analysed statements of a workload, each weighted by its runs. */
    public static List<Statement> statements(Workload workload)
    {
        List<Statement> statements = new ArrayList<>();
        for (QueryGroup group : requireNonNull(workload, "workload is null").groups()) {
            group.shape().ifPresent(shape -> statements.add(new Statement(group.fingerprint(), group.count(), shape)));
        }
        return statements;
    }

    public ClusterModel cluster()
    {
        return cluster;
    }

    public Catalog catalog()
    {
        return catalog;
    }

    public List<Statement> statements()
    {
        return statements;
    }

    public Map<String, StorageLayout> layouts()
    {
        return layouts;
    }

    /** One run's simulated cost of a statement, by fingerprint. */
    public QueryCost cost(String fingerprint)
    {
        QueryCost cost = costs.get(fingerprint);
        if (cost == null) {
            throw new IllegalArgumentException("no analysed statement " + fingerprint + " in the workload");
        }
        return cost;
    }

    /** The whole workload: every run of every analysed statement. */
    public TableWhatIf.Cost total()
    {
        return sum(null);
    }

    /** The runs of the statements that read or write the table. */
    public TableWhatIf.Cost touching(String table)
    {
        return sum(requireNonNull(table, "table is null"));
    }

    /** The workload with the table under another layout; statements that do not touch it keep their costs. */
    public WorkloadWhatIf with(String table, StorageLayout layout)
    {
        requireNonNull(table, "table is null");
        requireNonNull(layout, "layout is null");
        Map<String, StorageLayout> changed = new HashMap<>(layouts);
        changed.put(table, layout);
        Map<String, QueryCost> known = new HashMap<>();
        for (Statement statement : statements) {
            if (!statement.touches(table)) {
                known.put(statement.fingerprint(), costs.get(statement.fingerprint()));
            }
        }
        return new WorkloadWhatIf(cluster, catalog, statements, Map.copyOf(changed), known);
    }

    /**
     * The what-if of one table's design: lays the table's data out under each design asked for
     * (with {@code builder}) and costs the statements that touch it.
     */
    public TableWhatIf forTable(String table, TableData data, LayoutBuilder builder)
    {
        requireNonNull(table, "table is null");
        requireNonNull(data, "data is null");
        requireNonNull(builder, "builder is null");
        return design -> with(table, builder.build(data, requireNonNull(design, "design is null"))).touching(table);
    }

    /** {@link #forTable(String, TableData, LayoutBuilder)} with a builder for this cluster. */
    public TableWhatIf forTable(String table, TableData data)
    {
        return forTable(table, data, new LayoutBuilder(cluster));
    }

    private TableWhatIf.Cost sum(String table)
    {
        double seconds = 0;
        double scanned = 0;
        double moved = 0;
        for (Statement statement : statements) {
            if (table != null && !statement.touches(table)) {
                continue;
            }
            QueryCost cost = costs.get(statement.fingerprint());
            seconds += statement.runs() * cost.seconds();
            scanned += statement.runs() * cost.bytesScanned();
            moved += statement.runs() * cost.bytesMoved();
        }
        return new TableWhatIf.Cost(seconds, scanned, moved);
    }
}
