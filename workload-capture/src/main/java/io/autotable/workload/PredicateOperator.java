package io.autotable.workload;

/** The comparison a filter predicate makes between a column and literal values. */
public enum PredicateOperator
{
    EQUAL,
    NOT_EQUAL,
    LESS_THAN,
    LESS_THAN_OR_EQUAL,
    GREATER_THAN,
    GREATER_THAN_OR_EQUAL,
    /** Two values: lower and upper bound, both inclusive. */
    BETWEEN,
    IN,
    NOT_IN,
    /** One value: the prefix a LIKE pattern fixes before its first wildcard. */
    LIKE_PREFIX,
    /** A LIKE pattern that fixes no prefix. */
    LIKE,
    IS_NULL,
    IS_NOT_NULL
}
