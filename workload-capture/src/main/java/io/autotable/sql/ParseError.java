package io.autotable.sql;

import static java.util.Objects.requireNonNull;

/**
 * Why a statement could not be analysed and where.
 *
 * @param reason the parser's reason, on one line
 * @param line 1-based line in the statement
 * @param column 1-based column in the statement
 */
public record ParseError(String reason, int line, int column)
{
    public ParseError
    {
        requireNonNull(reason, "reason is null");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, got " + line);
        }
        if (column < 1) {
            throw new IllegalArgumentException("column must be >= 1, got " + column);
        }
    }

    @Override
    public String toString()
    {
        return "line %d, column %d: %s".formatted(line, column, reason);
    }
}
