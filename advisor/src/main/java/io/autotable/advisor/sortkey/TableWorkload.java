package io.autotable.advisor.sortkey;

import io.autotable.catalog.Identifiers;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.JoinPair;
import io.autotable.workload.JoinType;
import io.autotable.workload.Predicate;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.QueryShape;
import io.autotable.workload.Workload;
import io.autotable.workload.Write;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * One table's part of a workload, as sort-key advice needs it: every analysed statement that reads
 * or writes the table, with its runs, its filters on the table's columns, its joins on them and
 * the columns it reads.
 *
 * @param table the table
 * @param statements the statements that touch it, in the workload's order (heaviest first)
 */
public record TableWorkload(String table, List<Statement> statements)
{
    public TableWorkload
    {
        table = Identifiers.normalize(table, "table");
        statements = List.copyOf(requireNonNull(statements, "statements is null"));
    }

    /**
     * One statement's use of the table.
     *
     * @param predicates its filters on the table's columns
     * @param joins its equi-joins with a column of the table, each oriented so that {@code left} is the table's
     * @param columnsRead the table's columns it references, sorted, each once
     * @param reads whether it reads the table (scans it)
     * @param writes whether it writes the table
     */
    public record Statement(String fingerprint, long runs, List<Predicate> predicates, List<JoinPair> joins, List<String> columnsRead, boolean reads, boolean writes)
    {
        public Statement
        {
            requireNonNull(fingerprint, "fingerprint is null");
            predicates = List.copyOf(requireNonNull(predicates, "predicates is null"));
            joins = List.copyOf(requireNonNull(joins, "joins is null"));
            // a list, not a set: sums over it must add in one order, run after run
            columnsRead = List.copyOf(new TreeSet<>(requireNonNull(columnsRead, "columnsRead is null")));
            if (runs < 1) {
                throw new IllegalArgumentException("statement %s: runs must be >= 1, got %d".formatted(fingerprint, runs));
            }
        }

        /** Its predicates on one column. */
        public List<Predicate> predicatesOn(String column)
        {
            List<Predicate> on = new ArrayList<>();
            for (Predicate predicate : predicates) {
                if (predicate.column().column().equals(column)) {
                    on.add(predicate);
                }
            }
            return on;
        }
    }

    /** The statements of a workload that touch a table; statements that could not be analysed are left out. */
    public static TableWorkload of(String table, Workload workload)
    {
        String name = Identifiers.normalize(table, "table");
        List<Statement> statements = new ArrayList<>();
        for (QueryGroup group : workload.groups()) {
            if (group.shape().isEmpty()) {
                continue;
            }
            QueryShape shape = group.shape().get();
            boolean reads = shape.tablesRead().contains(name);
            boolean writes = false;
            for (Write write : shape.writes()) {
                writes |= write.table().equals(name);
            }
            if (!reads && !writes) {
                continue;
            }
            List<Predicate> predicates = new ArrayList<>();
            for (Predicate predicate : shape.predicates()) {
                if (predicate.column().table().equals(name)) {
                    predicates.add(predicate);
                }
            }
            List<JoinPair> joins = new ArrayList<>();
            for (JoinPair pair : shape.joins()) {
                if (pair.left().table().equals(pair.right().table())) {
                    continue;
                }
                if (pair.left().table().equals(name)) {
                    joins.add(pair);
                }
                else if (pair.right().table().equals(name)) {
                    JoinType flipped = switch (pair.type()) {
                        case LEFT -> JoinType.RIGHT;
                        case RIGHT -> JoinType.LEFT;
                        default -> pair.type();
                    };
                    joins.add(new JoinPair(pair.right(), pair.left(), flipped));
                }
            }
            Set<String> read = new TreeSet<>();
            for (ColumnRef column : shape.columns()) {
                if (column.table().equals(name)) {
                    read.add(column.column());
                }
            }
            statements.add(new Statement(group.fingerprint(), group.count(), predicates, joins, List.copyOf(read), reads, writes));
        }
        return new TableWorkload(name, statements);
    }

    /** Runs of all its statements. */
    public long runs()
    {
        long total = 0;
        for (Statement statement : statements) {
            total += statement.runs();
        }
        return total;
    }
}
