package io.autotable.sql;

/**
 * The SQL dialect a statement is written in. It decides how identifiers are quoted: back-ticks
 * for Spark, double quotes for the others.
 */
public enum SqlDialect
{
    REDSHIFT,
    POSTGRESQL,
    SPARK,
    ANSI
}
