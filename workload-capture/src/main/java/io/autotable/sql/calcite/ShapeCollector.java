package io.autotable.sql.calcite;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Column;
import io.autotable.catalog.Table;
import io.autotable.error.CaptureException;
import io.autotable.workload.Aggregate;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.JoinPair;
import io.autotable.workload.JoinType;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;
import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;
import io.autotable.workload.Write;
import io.autotable.workload.WriteKind;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.fun.SqlLikeOperator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Walks one parsed statement and collects its {@link QueryShape}. Name resolution is done here
 * against our {@link Catalog}, without Calcite's validator:
 * <ul>
 * <li>a query block's FROM items become {@link Relation}s of its {@link Scope}; a qualified name
 * looks the qualifier up among the aliases (or table names) of the scope and then of the enclosing
 * scopes; an unqualified name takes the first relation of the innermost scope that has the column;</li>
 * <li>CTEs and derived tables are analysed once, where they are defined; their output columns map
 * back to the base columns they are plain references to (a UNION column to each branch's column),
 * so joins and filters through them land on base columns;</li>
 * <li>an equality of two columns of different base tables is an equi-join: in ON it takes the
 * JOIN keyword's type (oriented so that the pair's left column comes from the join's left input),
 * in WHERE it is INNER; an equality between a subquery's column and an outer query's column (a
 * correlation) takes the subquery's type: SEMI under EXISTS or IN, ANTI under NOT EXISTS or NOT IN,
 * INNER for scalar and derived-table subqueries; {@code x IN (SELECT y ...)} is the pair (x, y),
 * SEMI, and ANTI for NOT IN. Pairs of one table with itself (self-joins) are not listed.</li>
 * </ul>
 * Every CTE and subquery is walked once, so the work is linear in the statement's size times
 * the depth of its scopes.
 */
final class ShapeCollector
{
    /**
     * Aggregate functions by name: Babel leaves most functions unresolved, so Calcite's own
     * {@code isAggregator} only knows a few.
     */
    private static final Set<String> AGGREGATES = Set.of(
            "count", "sum", "avg", "min", "max", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop",
            "median", "listagg", "string_agg", "array_agg", "collect_list", "collect_set", "bool_and", "bool_or", "every",
            "any_value", "approx_count_distinct", "approximate_count_distinct", "percentile_cont", "percentile_disc",
            "percentile_approx", "approx_percentile", "corr", "covar_pop", "covar_samp", "first", "last", "bit_and", "bit_or");

    private final Catalog catalog;
    private final Set<String> tablesRead = new TreeSet<>();
    private final List<Write> writes = new ArrayList<>();
    private final Set<ColumnRef> columns = new TreeSet<>();
    private final Set<JoinPair> joins = new LinkedHashSet<>();
    private final Set<Predicate> predicates = new LinkedHashSet<>();
    private final Set<ColumnRef> groupBy = new LinkedHashSet<>();
    private final Set<ColumnRef> orderBy = new LinkedHashSet<>();
    private final Set<ColumnRef> partitionBy = new LinkedHashSet<>();
    private final List<Aggregate> aggregates = new ArrayList<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private boolean distinct;

    ShapeCollector(Catalog catalog)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** A column a relation exposes and the base columns it stands for (empty for an expression). */
    private record OutputColumn(String name, List<ColumnRef> refs) {}

    /** A FROM item: a base table, a CTE reference or a derived table. */
    private static final class Relation
    {
        final String alias;
        final Optional<String> table;
        final Map<String, List<ColumnRef>> columns;
        final boolean columnsKnown;

        Relation(String alias, Optional<String> table, List<OutputColumn> outputs, boolean columnsKnown)
        {
            this.alias = alias;
            this.table = table;
            this.columns = new LinkedHashMap<>();
            for (OutputColumn output : outputs) {
                this.columns.putIfAbsent(output.name(), output.refs());
            }
            this.columnsKnown = columnsKnown;
        }

        List<OutputColumn> outputs()
        {
            List<OutputColumn> outputs = new ArrayList<>();
            columns.forEach((name, refs) -> outputs.add(new OutputColumn(name, refs)));
            return outputs;
        }
    }

    /** A query block's name space. */
    private static final class Scope
    {
        final Scope parent;
        final JoinType correlation;
        /** The scope of an EXISTS subquery, whose select list reads nothing. */
        final boolean existence;
        final List<Relation> relations = new ArrayList<>();
        final Map<String, List<OutputColumn>> ctes = new HashMap<>();
        final Map<String, List<ColumnRef>> selectAliases = new HashMap<>();
        final List<List<ColumnRef>> selectItems = new ArrayList<>();

        Scope(Scope parent, JoinType correlation)
        {
            this(parent, correlation, false);
        }

        Scope(Scope parent, JoinType correlation, boolean existence)
        {
            this.parent = parent;
            this.correlation = correlation;
            this.existence = existence;
        }

        Optional<List<OutputColumn>> cte(String name)
        {
            for (Scope scope = this; scope != null; scope = scope.parent) {
                List<OutputColumn> outputs = scope.ctes.get(name);
                if (outputs != null) {
                    return Optional.of(outputs);
                }
            }
            return Optional.empty();
        }
    }

    private record Resolved(Relation relation, Scope scope, List<ColumnRef> refs) {}

    /** Where an expression sits: whether its comparisons are filters and joins, and of which join. */
    private record Context(boolean condition, boolean negated, JoinType joinType, Set<Relation> rightInput)
    {
        static final Context VALUE = new Context(false, false, JoinType.INNER, Set.of());
        static final Context WHERE = new Context(true, false, JoinType.INNER, Set.of());

        Context negate()
        {
            return new Context(false, !negated, joinType, rightInput);
        }

        Context plain()
        {
            return negated ? new Context(condition, false, joinType, rightInput) : this;
        }
    }

    QueryShape collect(SqlNode statement)
    {
        StatementKind kind = statement(statement);
        List<JoinPair> sortedJoins = joins.stream()
                .map(JoinPair::canonical)
                .distinct()
                .sorted((a, b) -> {
                    int byLeft = a.left().compareTo(b.left());
                    if (byLeft != 0) {
                        return byLeft;
                    }
                    int byRight = a.right().compareTo(b.right());
                    return byRight != 0 ? byRight : a.type().compareTo(b.type());
                })
                .toList();
        return new QueryShape(
                kind,
                List.copyOf(tablesRead),
                writes,
                List.copyOf(columns),
                sortedJoins,
                List.copyOf(predicates),
                List.copyOf(groupBy),
                List.copyOf(orderBy),
                List.copyOf(partitionBy),
                distinct,
                aggregates);
    }

    List<String> warnings()
    {
        return List.copyOf(warnings);
    }

    private StatementKind statement(SqlNode statement)
    {
        Scope root = new Scope(null, JoinType.INNER);
        if (statement.getKind().belongsTo(SqlKind.QUERY)) {
            query(statement, root);
            return StatementKind.SELECT;
        }
        if (statement instanceof SqlInsert insert) {
            String target = tableName(insert.getTargetTable());
            addWrite(target, WriteKind.INSERT);
            targetColumns(target, insert.getTargetColumnList());
            query(insert.getSource(), root);
            return StatementKind.INSERT;
        }
        if (statement instanceof SqlUpdate update) {
            Relation target = targetRelation(update.getTargetTable(), update.getAlias(), root, WriteKind.UPDATE);
            targetColumns(target.table.orElse(""), update.getTargetColumnList());
            expression(update.getSourceExpressionList(), root, Context.VALUE);
            expression(update.getCondition(), root, Context.WHERE);
            return StatementKind.UPDATE;
        }
        if (statement instanceof SqlDelete delete) {
            targetRelation(delete.getTargetTable(), delete.getAlias(), root, WriteKind.DELETE);
            expression(delete.getCondition(), root, Context.WHERE);
            return StatementKind.DELETE;
        }
        if (statement instanceof SqlMerge merge) {
            Relation target = targetRelation(merge.getTargetTable(), merge.getAlias(), root, WriteKind.MERGE);
            fromItem(merge.getSourceTableRef(), root);
            expression(merge.getCondition(), root, Context.WHERE);
            if (merge.getUpdateCall() != null) {
                targetColumns(target.table.orElse(""), merge.getUpdateCall().getTargetColumnList());
                expression(merge.getUpdateCall().getSourceExpressionList(), root, Context.VALUE);
                expression(merge.getUpdateCall().getCondition(), root, Context.WHERE);
            }
            if (merge.getInsertCall() != null) {
                targetColumns(target.table.orElse(""), merge.getInsertCall().getTargetColumnList());
                expression(merge.getInsertCall().getSource(), root, Context.VALUE);
            }
            return StatementKind.MERGE;
        }
        if (statement instanceof SqlCreateTable create) {
            if (create.query == null) {
                return StatementKind.DDL;
            }
            addWrite(tableName(create.name), WriteKind.CREATE_TABLE_AS);
            query(create.query, root);
            return StatementKind.CREATE_TABLE_AS;
        }
        if (statement.getKind().belongsTo(SqlKind.DDL)) {
            return StatementKind.DDL;
        }
        return StatementKind.OTHER;
    }

    private Relation targetRelation(SqlNode target, SqlIdentifier alias, Scope scope, WriteKind kind)
    {
        String name = tableName(target);
        addWrite(name, kind);
        // UPDATE, DELETE and MERGE scan their target to find the rows they change
        tablesRead.add(name);
        Relation relation = baseRelation(name, alias == null ? name : lastName(alias));
        scope.relations.add(relation);
        return relation;
    }

    private void targetColumns(String table, SqlNodeList targetColumns)
    {
        if (targetColumns == null) {
            return;
        }
        Optional<Table> found = findTable(table);
        for (SqlNode node : targetColumns) {
            if (node instanceof SqlIdentifier identifier && found.isPresent()) {
                found.get().findColumn(lastName(identifier)).ifPresent(column -> addColumn(found.get().name(), column.name()));
            }
        }
    }

    /** Analyses a query expression and returns its output columns. */
    private List<OutputColumn> query(SqlNode node, Scope outer)
    {
        if (node == null) {
            return List.of();
        }
        if (node instanceof SqlWith with) {
            Scope withScope = new Scope(outer, outer.correlation);
            for (SqlNode item : with.withList) {
                SqlWithItem withItem = (SqlWithItem) item;
                List<OutputColumn> outputs = query(withItem.query, withScope);
                withScope.ctes.put(lastName(withItem.name), rename(outputs, withItem.columnList));
            }
            return query(with.body, withScope);
        }
        if (node instanceof SqlOrderBy orderBy) {
            List<OutputColumn> outputs;
            if (orderBy.query instanceof SqlSelect select) {
                outputs = select(select, outer, orderBy.orderList);
            }
            else {
                outputs = query(orderBy.query, outer);
                orderByOutputs(orderBy.orderList, outputs);
            }
            return outputs;
        }
        if (node instanceof SqlSelect select) {
            return select(select, outer, select.getOrderList());
        }
        if (node.getKind().belongsTo(SqlKind.SET_QUERY) && node instanceof SqlCall call) {
            return setQuery(call, outer);
        }
        if (node.getKind() == SqlKind.VALUES && node instanceof SqlCall values) {
            values.getOperandList().forEach(row -> expression(row, outer, Context.VALUE));
            List<OutputColumn> outputs = new ArrayList<>();
            if (!values.getOperandList().isEmpty() && values.operand(0) instanceof SqlCall row) {
                for (int i = 0; i < row.operandCount(); i++) {
                    outputs.add(new OutputColumn("expr$" + i, List.of()));
                }
            }
            return outputs;
        }
        // anything else in query position (a table function, EXPLICIT TABLE) is walked for columns
        if (node instanceof SqlCall call) {
            call.getOperandList().forEach(operand -> expression(operand, outer, Context.VALUE));
        }
        return List.of();
    }

    private List<OutputColumn> setQuery(SqlCall call, Scope outer)
    {
        List<OutputColumn> first = null;
        List<List<ColumnRef>> merged = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
            List<OutputColumn> outputs = query(operand, outer);
            if (first == null) {
                first = outputs;
                outputs.forEach(output -> merged.add(new ArrayList<>(output.refs())));
            }
            else {
                for (int i = 0; i < Math.min(merged.size(), outputs.size()); i++) {
                    for (ColumnRef ref : outputs.get(i).refs()) {
                        if (!merged.get(i).contains(ref)) {
                            merged.get(i).add(ref);
                        }
                    }
                }
            }
        }
        List<OutputColumn> result = new ArrayList<>();
        if (first != null) {
            for (int i = 0; i < first.size(); i++) {
                result.add(new OutputColumn(first.get(i).name(), List.copyOf(merged.get(i))));
            }
        }
        return result;
    }

    private List<OutputColumn> select(SqlSelect select, Scope outer, SqlNodeList orderList)
    {
        Scope scope = new Scope(outer, outer.correlation);
        if (outer.existence) {
            // EXISTS (SELECT * ...) reads no column for its select list
            if (select.getFrom() != null) {
                fromItem(select.getFrom(), scope);
            }
            expression(select.getWhere(), scope, Context.WHERE);
            if (select.getGroup() != null) {
                select.getGroup().forEach(item -> grouping(item, scope));
            }
            expression(select.getHaving(), scope, Context.WHERE);
            return List.of();
        }
        if (select.isDistinct()) {
            distinct = true;
        }
        if (select.getFrom() != null) {
            fromItem(select.getFrom(), scope);
        }
        List<OutputColumn> outputs = selectList(select.getSelectList(), scope);
        expression(select.getWhere(), scope, Context.WHERE);
        if (select.getGroup() != null) {
            for (SqlNode item : select.getGroup()) {
                grouping(item, scope);
            }
        }
        expression(select.getHaving(), scope, Context.WHERE);
        expression(select.getQualify(), scope, Context.VALUE);
        if (select.getWindowList() != null) {
            for (SqlNode window : select.getWindowList()) {
                window(window, scope);
            }
        }
        if (orderList != null) {
            for (SqlNode item : orderList) {
                SqlNode key = unwrapOrder(item);
                List<ColumnRef> refs = selectReference(key, scope);
                if (refs == null) {
                    refs = key instanceof SqlIdentifier identifier ? refs(identifier, scope) : List.of();
                    expression(key, scope, Context.VALUE);
                }
                orderBy.addAll(refs);
            }
        }
        return outputs;
    }

    private List<OutputColumn> selectList(SqlNodeList selectList, Scope scope)
    {
        List<OutputColumn> outputs = new ArrayList<>();
        if (selectList == null) {
            return outputs;
        }
        int position = 0;
        for (SqlNode item : selectList) {
            SqlNode expression = item;
            String name = null;
            if (item.getKind() == SqlKind.AS && item instanceof SqlCall as) {
                expression = as.operand(0);
                name = lastName(as.operand(1));
            }
            if (expression instanceof SqlIdentifier identifier && identifier.isStar()) {
                List<OutputColumn> expanded = star(identifier, scope);
                outputs.addAll(expanded);
                expanded.forEach(output -> scope.selectItems.add(output.refs()));
                continue;
            }
            List<ColumnRef> refs = List.of();
            if (expression instanceof SqlIdentifier identifier) {
                refs = refs(identifier, scope);
                if (name == null) {
                    name = lastName(identifier);
                }
            }
            else {
                expression(expression, scope, Context.VALUE);
            }
            if (name == null) {
                name = "expr$" + position;
            }
            outputs.add(new OutputColumn(name, refs));
            scope.selectItems.add(refs);
            scope.selectAliases.putIfAbsent(name, refs);
            position++;
        }
        return outputs;
    }

    private List<OutputColumn> star(SqlIdentifier star, Scope scope)
    {
        List<OutputColumn> outputs = new ArrayList<>();
        String qualifier = star.names.size() >= 2 ? star.names.get(star.names.size() - 2).toLowerCase(Locale.ROOT) : null;
        for (Relation relation : scope.relations) {
            if (qualifier == null || matches(relation, qualifier)) {
                for (OutputColumn output : relation.outputs()) {
                    outputs.add(output);
                    output.refs().forEach(this::addColumn);
                }
            }
        }
        return outputs;
    }

    private void grouping(SqlNode item, Scope scope)
    {
        if (item == null) {
            return;
        }
        if (item instanceof SqlNodeList list) {
            list.forEach(operand -> grouping(operand, scope));
            return;
        }
        switch (item.getKind()) {
            case ROLLUP, CUBE, GROUPING_SETS, ROW -> ((SqlCall) item).getOperandList().forEach(operand -> grouping(operand, scope));
            default -> {
                List<ColumnRef> refs = null;
                if (item instanceof SqlIdentifier identifier) {
                    Optional<Resolved> resolved = resolve(identifier, scope);
                    if (resolved.isPresent()) {
                        refs = resolved.get().refs();
                        addColumns(refs);
                    }
                }
                if (refs == null) {
                    refs = selectReference(item, scope);
                }
                if (refs == null) {
                    expression(item, scope, Context.VALUE);
                    refs = List.of();
                }
                groupBy.addAll(refs);
            }
        }
    }

    /**
     * The columns an ORDER BY or GROUP BY key means when it names a select item, by alias or by
     * ordinal; null when it does not.
     */
    private static List<ColumnRef> selectReference(SqlNode key, Scope scope)
    {
        if (key instanceof SqlIdentifier identifier && identifier.isSimple()) {
            return scope.selectAliases.get(lastName(identifier));
        }
        if (key instanceof SqlNumericLiteral number && number.isExact()) {
            int ordinal = number.intValue(false);
            if (ordinal >= 1 && ordinal <= scope.selectItems.size()) {
                return scope.selectItems.get(ordinal - 1);
            }
        }
        return null;
    }

    private void orderByOutputs(SqlNodeList orderList, List<OutputColumn> outputs)
    {
        for (SqlNode item : orderList) {
            SqlNode key = unwrapOrder(item);
            if (key instanceof SqlIdentifier identifier) {
                String name = lastName(identifier);
                outputs.stream().filter(output -> output.name().equals(name)).findFirst().ifPresent(output -> orderBy.addAll(output.refs()));
            }
            else if (key instanceof SqlNumericLiteral number && number.isExact()) {
                int ordinal = number.intValue(false);
                if (ordinal >= 1 && ordinal <= outputs.size()) {
                    orderBy.addAll(outputs.get(ordinal - 1).refs());
                }
            }
        }
    }

    private static SqlNode unwrapOrder(SqlNode item)
    {
        SqlNode key = item;
        while (key instanceof SqlCall call && (key.getKind() == SqlKind.DESCENDING || key.getKind() == SqlKind.NULLS_FIRST || key.getKind() == SqlKind.NULLS_LAST)) {
            key = call.operand(0);
        }
        return key;
    }

    /** Adds a FROM item's relations to the scope and returns them. */
    private List<Relation> fromItem(SqlNode node, Scope scope)
    {
        if (node instanceof SqlJoin join) {
            List<Relation> left = fromItem(join.getLeft(), scope);
            List<Relation> right = fromItem(join.getRight(), scope);
            JoinType type = switch (join.getJoinType()) {
                case LEFT -> JoinType.LEFT;
                case RIGHT -> JoinType.RIGHT;
                case FULL -> JoinType.FULL;
                case LEFT_SEMI_JOIN -> JoinType.SEMI;
                case LEFT_ANTI_JOIN -> JoinType.ANTI;
                default -> JoinType.INNER;
            };
            if (join.isNatural()) {
                for (Relation relation : right) {
                    for (String column : relation.columns.keySet()) {
                        usingColumn(column, left, right, type);
                    }
                }
            }
            else if (join.getConditionType() == JoinConditionType.USING && join.getCondition() instanceof SqlNodeList using) {
                for (SqlNode column : using) {
                    usingColumn(lastName(column), left, right, type);
                }
            }
            else if (join.getCondition() != null) {
                expression(join.getCondition(), scope, new Context(true, false, type, Set.copyOf(right)));
            }
            List<Relation> all = new ArrayList<>(left);
            all.addAll(right);
            return all;
        }
        Relation relation = relation(node, scope);
        scope.relations.add(relation);
        return List.of(relation);
    }

    private void usingColumn(String column, List<Relation> left, List<Relation> right, JoinType type)
    {
        List<ColumnRef> leftRefs = left.stream().filter(relation -> relation.columns.containsKey(column)).findFirst().map(relation -> relation.columns.get(column)).orElse(null);
        List<ColumnRef> rightRefs = right.stream().filter(relation -> relation.columns.containsKey(column)).findFirst().map(relation -> relation.columns.get(column)).orElse(null);
        if (leftRefs == null || rightRefs == null) {
            return;
        }
        addColumns(leftRefs);
        addColumns(rightRefs);
        addJoins(leftRefs, rightRefs, type);
    }

    private Relation relation(SqlNode node, Scope scope)
    {
        SqlNode source = node;
        String alias = null;
        SqlNodeList columnAliases = null;
        if (node.getKind() == SqlKind.AS && node instanceof SqlCall as) {
            source = as.operand(0);
            alias = lastName(as.operand(1));
            if (as.operandCount() > 2) {
                columnAliases = new SqlNodeList(as.getOperandList().subList(2, as.operandCount()), as.getParserPosition());
            }
        }
        if (source.getKind() == SqlKind.LATERAL && source instanceof SqlCall lateral) {
            // a LATERAL subquery sees the FROM items before it
            List<OutputColumn> outputs = query(lateral.operand(0), scope);
            return new Relation(alias == null ? "" : alias, Optional.empty(), rename(outputs, columnAliases), true);
        }
        if (source instanceof SqlIdentifier identifier) {
            String name = lastName(identifier);
            Optional<List<OutputColumn>> cte = identifier.isSimple() ? scope.cte(name) : Optional.empty();
            if (cte.isPresent()) {
                return new Relation(alias == null ? name : alias, Optional.empty(), rename(cte.get(), columnAliases), true);
            }
            tablesRead.add(name);
            Relation base = baseRelation(name, alias == null ? name : alias);
            return columnAliases == null ? base : new Relation(base.alias, base.table, rename(base.outputs(), columnAliases), base.columnsKnown);
        }
        if (source.getKind().belongsTo(SqlKind.QUERY)) {
            // a derived table cannot see its sibling FROM items, only the enclosing query's
            Scope derivedParent = scope.parent == null ? new Scope(null, JoinType.INNER) : scope.parent;
            List<OutputColumn> outputs = query(source, new Scope(derivedParent, JoinType.INNER));
            return new Relation(alias == null ? "" : alias, Optional.empty(), rename(outputs, columnAliases), true);
        }
        // UNNEST, table functions and the like: walk for columns, expose nothing
        expression(source, scope, Context.VALUE);
        return new Relation(alias == null ? "" : alias, Optional.empty(), List.of(), false);
    }

    private Relation baseRelation(String name, String alias)
    {
        Optional<Table> table = findTable(name);
        if (table.isEmpty()) {
            return new Relation(alias, Optional.of(name), List.of(), false);
        }
        List<OutputColumn> outputs = new ArrayList<>();
        for (Column column : table.get().columns()) {
            outputs.add(new OutputColumn(column.name(), List.of(new ColumnRef(table.get().name(), column.name()))));
        }
        return new Relation(alias, Optional.of(table.get().name()), outputs, true);
    }

    private static List<OutputColumn> rename(List<OutputColumn> outputs, SqlNodeList names)
    {
        if (names == null || names.isEmpty()) {
            return outputs;
        }
        List<OutputColumn> renamed = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            String name = i < names.size() ? lastName(names.get(i)) : outputs.get(i).name();
            renamed.add(new OutputColumn(name, outputs.get(i).refs()));
        }
        for (int i = outputs.size(); i < names.size(); i++) {
            // the query's outputs were not all known (a star over an unknown table)
            renamed.add(new OutputColumn(lastName(names.get(i)), List.of()));
        }
        return renamed;
    }

    private void window(SqlNode node, Scope scope)
    {
        if (node instanceof SqlWindow window) {
            if (window.getPartitionList() != null) {
                for (SqlNode key : window.getPartitionList()) {
                    if (key instanceof SqlIdentifier identifier) {
                        List<ColumnRef> refs = refs(identifier, scope);
                        partitionBy.addAll(refs);
                    }
                    else {
                        expression(key, scope, Context.VALUE);
                    }
                }
            }
            expression(window.getOrderList(), scope, Context.VALUE);
        }
    }

    /** Resolves an identifier and records the columns it references. */
    private List<ColumnRef> refs(SqlIdentifier identifier, Scope scope)
    {
        Optional<Resolved> resolved = resolve(identifier, scope);
        if (resolved.isEmpty()) {
            return List.of();
        }
        addColumns(resolved.get().refs());
        return resolved.get().refs();
    }

    private Optional<Resolved> resolve(SqlIdentifier identifier, Scope scope)
    {
        if (identifier.isStar() || identifier.names.isEmpty()) {
            return Optional.empty();
        }
        String column = lastName(identifier);
        if (identifier.names.size() == 1) {
            for (Scope current = scope; current != null; current = current.parent) {
                for (Relation relation : current.relations) {
                    List<ColumnRef> refs = relation.columns.get(column);
                    if (refs != null) {
                        return Optional.of(new Resolved(relation, current, refs));
                    }
                }
            }
            return Optional.empty();
        }
        String qualifier = identifier.names.get(identifier.names.size() - 2).toLowerCase(Locale.ROOT);
        for (Scope current = scope; current != null; current = current.parent) {
            for (Relation relation : current.relations) {
                if (matches(relation, qualifier)) {
                    List<ColumnRef> refs = relation.columns.get(column);
                    return refs == null ? Optional.empty() : Optional.of(new Resolved(relation, current, refs));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(Relation relation, String qualifier)
    {
        return relation.alias.equals(qualifier);
    }

    private void expression(SqlNode node, Scope scope, Context context)
    {
        if (node == null || node instanceof SqlLiteral || node instanceof SqlDynamicParam) {
            return;
        }
        if (node instanceof SqlIdentifier identifier) {
            if (!isParameter(identifier)) {
                refs(identifier, scope);
            }
            return;
        }
        if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                expression(item, scope, context.plain());
            }
            return;
        }
        if (node.getKind().belongsTo(SqlKind.QUERY)) {
            query(node, new Scope(scope, JoinType.INNER));
            return;
        }
        if (!(node instanceof SqlCall call)) {
            return;
        }
        switch (call.getKind()) {
            case AND, OR -> call.getOperandList().forEach(operand -> expression(operand, scope, context.plain()));
            case NOT -> expression(call.operand(0), scope, context.negate());
            case EXISTS -> query(call.operand(0), new Scope(scope, context.negated() ? JoinType.ANTI : JoinType.SEMI, true));
            case IN, NOT_IN -> in(call, scope, context, call.getKind() == SqlKind.NOT_IN ^ context.negated());
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> comparison(call, scope, context.plain());
            case BETWEEN -> between(call, scope, context.plain());
            case LIKE -> like(call, scope, context.plain());
            case IS_NULL, IS_NOT_NULL -> nullTest(call, scope, context.plain());
            case AS -> expression(call.operand(0), scope, Context.VALUE);
            case OVER -> over(call, scope);
            case CAST -> expression(call.operand(0), scope, Context.VALUE);
            default -> {
                if (call.getOperator().isAggregator() || AGGREGATES.contains(call.getOperator().getName().toLowerCase(Locale.ROOT))) {
                    aggregate(call, scope);
                }
                for (SqlNode operand : call.getOperandList()) {
                    expression(operand, scope, Context.VALUE);
                }
            }
        }
    }

    private void over(SqlCall call, Scope scope)
    {
        expression(call.operand(0), scope, Context.VALUE);
        SqlNode window = call.operand(1);
        if (window instanceof SqlWindow) {
            window(window, scope);
        }
    }

    private void aggregate(SqlCall call, Scope scope)
    {
        boolean distinctArgument = call.getFunctionQuantifier() != null
                && "DISTINCT".equalsIgnoreCase(String.valueOf(call.getFunctionQuantifier().getValue()));
        Optional<ColumnRef> column = Optional.empty();
        if (call.operandCount() == 1 && call.operand(0) instanceof SqlIdentifier identifier && !identifier.isStar()) {
            List<ColumnRef> refs = resolve(identifier, scope).map(Resolved::refs).orElse(List.of());
            if (refs.size() == 1) {
                column = Optional.of(refs.get(0));
            }
        }
        aggregates.add(new Aggregate(call.getOperator().getName(), column, distinctArgument));
    }

    private void in(SqlCall call, Scope scope, Context context, boolean negated)
    {
        SqlNode left = call.operand(0);
        SqlNode right = call.operand(1);
        expression(left, scope, Context.VALUE);
        List<ColumnRef> leftRefs = left instanceof SqlIdentifier identifier ? resolve(identifier, scope).map(Resolved::refs).orElse(List.of()) : List.of();
        PredicateOperator operator = negated ? PredicateOperator.NOT_IN : PredicateOperator.IN;
        if (right.getKind().belongsTo(SqlKind.QUERY)) {
            List<OutputColumn> outputs = query(right, new Scope(scope, negated ? JoinType.ANTI : JoinType.SEMI));
            if (outputs.size() == 1) {
                addJoins(leftRefs, outputs.get(0).refs(), negated ? JoinType.ANTI : JoinType.SEMI);
            }
            if (context.condition()) {
                leftRefs.forEach(ref -> predicates.add(new Predicate(ref, operator, List.of())));
            }
            return;
        }
        expression(right, scope, Context.VALUE);
        if (!context.condition() || leftRefs.isEmpty() || !(right instanceof SqlNodeList list)) {
            return;
        }
        List<String> values = new ArrayList<>();
        for (SqlNode item : list) {
            Optional<Object> value = ConstantFolder.fold(item);
            if (value.isEmpty()) {
                if (references(item)) {
                    return;
                }
                values.clear();
                break;
            }
            values.add(ConstantFolder.canonical(value.get()));
        }
        leftRefs.forEach(ref -> predicates.add(new Predicate(ref, operator, values)));
    }

    private void comparison(SqlCall call, Scope scope, Context context)
    {
        SqlNode left = call.operand(0);
        SqlNode right = call.operand(1);
        if (context.condition() && call.getKind() == SqlKind.EQUALS && left instanceof SqlIdentifier leftColumn && right instanceof SqlIdentifier rightColumn
                && !isParameter(left) && !isParameter(right)) {
            Optional<Resolved> leftResolved = resolve(leftColumn, scope);
            Optional<Resolved> rightResolved = resolve(rightColumn, scope);
            leftResolved.ifPresent(resolved -> addColumns(resolved.refs()));
            rightResolved.ifPresent(resolved -> addColumns(resolved.refs()));
            if (leftResolved.isEmpty() || rightResolved.isEmpty()) {
                warnings.add("equi-join %s = %s: %s is in no table of the catalog in scope".formatted(
                        leftColumn, rightColumn, leftResolved.isEmpty() ? leftColumn : rightColumn));
                return;
            }
            equiJoin(leftResolved.get(), rightResolved.get(), scope, context);
            return;
        }
        expression(left, scope, Context.VALUE);
        expression(right, scope, Context.VALUE);
        if (!context.condition()) {
            return;
        }
        PredicateOperator operator = operator(call.getKind());
        if (left instanceof SqlIdentifier column && !isParameter(left)) {
            filter(column, operator, right, scope);
        }
        else if (right instanceof SqlIdentifier column && !isParameter(right)) {
            filter(column, flip(operator), left, scope);
        }
    }

    private void equiJoin(Resolved left, Resolved right, Scope scope, Context context)
    {
        JoinType type;
        Resolved first = left;
        Resolved second = right;
        if (left.scope() != right.scope()) {
            // a correlation: the subquery's kind decides
            type = scope.correlation;
        }
        else if (left.relation() == right.relation()) {
            return;
        }
        else {
            type = context.joinType();
            if (context.rightInput().contains(left.relation()) && !context.rightInput().contains(right.relation())) {
                first = right;
                second = left;
            }
        }
        addJoins(first.refs(), second.refs(), type);
    }

    private void filter(SqlIdentifier column, PredicateOperator operator, SqlNode value, Scope scope)
    {
        List<ColumnRef> refs = resolve(column, scope).map(Resolved::refs).orElse(List.of());
        if (refs.isEmpty()) {
            return;
        }
        List<String> values;
        if (isParameter(value) || value.getKind().belongsTo(SqlKind.QUERY)) {
            values = List.of();
        }
        else {
            Optional<Object> folded = ConstantFolder.fold(value);
            if (folded.isEmpty()) {
                if (references(value)) {
                    // a comparison with another column or an expression over columns is no filter
                    return;
                }
                values = List.of();
            }
            else {
                values = List.of(ConstantFolder.canonical(folded.get()));
            }
        }
        refs.forEach(ref -> predicates.add(new Predicate(ref, operator, values)));
    }

    private void between(SqlCall call, Scope scope, Context context)
    {
        call.getOperandList().forEach(operand -> expression(operand, scope, Context.VALUE));
        if (!context.condition() || ((SqlBetweenOperator) call.getOperator()).isNegated() || !(call.operand(0) instanceof SqlIdentifier column)) {
            return;
        }
        List<ColumnRef> refs = resolve(column, scope).map(Resolved::refs).orElse(List.of());
        Optional<Object> low = ConstantFolder.fold(call.operand(1));
        Optional<Object> high = ConstantFolder.fold(call.operand(2));
        if ((low.isEmpty() && references(call.operand(1))) || (high.isEmpty() && references(call.operand(2)))) {
            return;
        }
        List<String> values = low.isPresent() && high.isPresent()
                ? List.of(ConstantFolder.canonical(low.get()), ConstantFolder.canonical(high.get()))
                : List.of();
        refs.forEach(ref -> predicates.add(new Predicate(ref, PredicateOperator.BETWEEN, values)));
    }

    private void like(SqlCall call, Scope scope, Context context)
    {
        call.getOperandList().forEach(operand -> expression(operand, scope, Context.VALUE));
        if (!context.condition() || ((SqlLikeOperator) call.getOperator()).isNegated() || !(call.operand(0) instanceof SqlIdentifier column)) {
            return;
        }
        List<ColumnRef> refs = resolve(column, scope).map(Resolved::refs).orElse(List.of());
        Optional<Object> pattern = ConstantFolder.fold(call.operand(1));
        PredicateOperator operator;
        List<String> values;
        if (pattern.isPresent() && pattern.get() instanceof String text) {
            int wildcard = firstWildcard(text);
            if (wildcard < 0) {
                operator = PredicateOperator.EQUAL;
                values = List.of(text);
            }
            else if (wildcard == 0) {
                operator = PredicateOperator.LIKE;
                values = List.of(text);
            }
            else {
                operator = PredicateOperator.LIKE_PREFIX;
                values = List.of(text.substring(0, wildcard));
            }
        }
        else if (references(call.operand(1))) {
            return;
        }
        else {
            operator = PredicateOperator.LIKE;
            values = List.of();
        }
        refs.forEach(ref -> predicates.add(new Predicate(ref, operator, values)));
    }

    private static int firstWildcard(String pattern)
    {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                return i;
            }
        }
        return -1;
    }

    private void nullTest(SqlCall call, Scope scope, Context context)
    {
        expression(call.operand(0), scope, Context.VALUE);
        if (!context.condition() || !(call.operand(0) instanceof SqlIdentifier column)) {
            return;
        }
        PredicateOperator operator = call.getKind() == SqlKind.IS_NULL ? PredicateOperator.IS_NULL : PredicateOperator.IS_NOT_NULL;
        resolve(column, scope).map(Resolved::refs).orElse(List.of())
                .forEach(ref -> predicates.add(new Predicate(ref, operator, List.of())));
    }

    /** A {@code ?} parameter, or PostgreSQL's {@code $1}, which Babel reads as an identifier. */
    private static boolean isParameter(SqlNode node)
    {
        return node instanceof SqlDynamicParam
                || node instanceof SqlIdentifier identifier && identifier.isSimple() && identifier.getSimple().matches("\\$\\d+");
    }

    /** Whether an expression references a column (so it is no constant, parameter or subquery). */
    private static boolean references(SqlNode node)
    {
        if (node instanceof SqlIdentifier) {
            return !isParameter(node);
        }
        if (node == null || node.getKind().belongsTo(SqlKind.QUERY)) {
            return false;
        }
        if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                if (references(item)) {
                    return true;
                }
            }
            return false;
        }
        if (node instanceof SqlCall call) {
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null && !(operand instanceof SqlIntervalQualifier) && references(operand)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static PredicateOperator operator(SqlKind kind)
    {
        return switch (kind) {
            case EQUALS -> PredicateOperator.EQUAL;
            case NOT_EQUALS -> PredicateOperator.NOT_EQUAL;
            case LESS_THAN -> PredicateOperator.LESS_THAN;
            case LESS_THAN_OR_EQUAL -> PredicateOperator.LESS_THAN_OR_EQUAL;
            case GREATER_THAN -> PredicateOperator.GREATER_THAN;
            case GREATER_THAN_OR_EQUAL -> PredicateOperator.GREATER_THAN_OR_EQUAL;
            default -> throw new IllegalArgumentException("not a comparison: " + kind);
        };
    }

    private static PredicateOperator flip(PredicateOperator operator)
    {
        return switch (operator) {
            case LESS_THAN -> PredicateOperator.GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> PredicateOperator.GREATER_THAN_OR_EQUAL;
            case GREATER_THAN -> PredicateOperator.LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> PredicateOperator.LESS_THAN_OR_EQUAL;
            default -> operator;
        };
    }

    private void addJoins(List<ColumnRef> left, List<ColumnRef> right, JoinType type)
    {
        for (ColumnRef a : left) {
            for (ColumnRef b : right) {
                if (!a.table().equals(b.table())) {
                    joins.add(new JoinPair(a, b, type));
                }
            }
        }
    }

    private void addWrite(String table, WriteKind kind)
    {
        writes.add(new Write(table, kind));
    }

    private void addColumns(List<ColumnRef> refs)
    {
        columns.addAll(refs);
    }

    private void addColumn(ColumnRef ref)
    {
        columns.add(ref);
    }

    private void addColumn(String table, String column)
    {
        columns.add(new ColumnRef(table, column));
    }

    private Optional<Table> findTable(String name)
    {
        try {
            return catalog.findTable(name);
        }
        catch (CaptureException e) {
            return Optional.empty();
        }
    }

    private static String tableName(SqlNode node)
    {
        SqlNode table = node;
        if (table.getKind() == SqlKind.AS && table instanceof SqlCall as) {
            table = as.operand(0);
        }
        if (table instanceof SqlIdentifier identifier) {
            return lastName(identifier);
        }
        throw new UnsupportedStatementException("the target of a write is not a table name: " + node);
    }

    private static String lastName(SqlNode node)
    {
        if (node instanceof SqlIdentifier identifier && !identifier.names.isEmpty()) {
            return identifier.names.get(identifier.names.size() - 1).toLowerCase(Locale.ROOT);
        }
        return String.valueOf(node).toLowerCase(Locale.ROOT);
    }

    /** A statement the walker recognises but cannot turn into a shape. */
    static final class UnsupportedStatementException
            extends RuntimeException
    {
        UnsupportedStatementException(String message)
        {
            super(message);
        }
    }
}
