package io.autotable.workload;

import static java.util.Objects.requireNonNull;

/**
 * One equi-join column pair ({@code left = right}) and the kind of join it belongs to.
 */
public record JoinPair(ColumnRef left, ColumnRef right, JoinType type)
{
    public JoinPair
    {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        requireNonNull(type, "type is null");
    }

    /** The same pair with its sides in a canonical order, for grouping pairs written either way. */
    public JoinPair canonical()
    {
        if (left.compareTo(right) <= 0) {
            return this;
        }
        JoinType flipped = switch (type) {
            case LEFT -> JoinType.RIGHT;
            case RIGHT -> JoinType.LEFT;
            default -> type;
        };
        return new JoinPair(right, left, flipped);
    }
}
