package io.autotable.workload;

import io.autotable.error.CaptureException;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A filter on one column with literal values (constants folded, e.g. {@code date '1998-12-01' -
 * interval '90' day} becomes {@code 1998-09-02}), so selectivity and zone-map pruning can be
 * computed from it.
 *
 * @param values the literals in canonical text form; empty when the value is not a constant
 *        (a parameter, a subquery), in which case the predicate still says the column is filtered
 */
public record Predicate(ColumnRef column, PredicateOperator operator, List<String> values)
{
    public Predicate
    {
        requireNonNull(column, "column is null");
        requireNonNull(operator, "operator is null");
        values = List.copyOf(requireNonNull(values, "values is null"));
        if (operator == PredicateOperator.BETWEEN && !values.isEmpty() && values.size() != 2) {
            throw CaptureException.invalid("BETWEEN on %s needs two values, got %s", column, values);
        }
        if ((operator == PredicateOperator.IS_NULL || operator == PredicateOperator.IS_NOT_NULL) && !values.isEmpty()) {
            throw CaptureException.invalid("%s on %s takes no values", operator, column);
        }
    }
}
