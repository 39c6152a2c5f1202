package io.autotable.sql;

import io.autotable.workload.QueryShape;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The result of analysing one statement: its shape, or why it could not be analysed.
 *
 * @param shape the analysed statement; present exactly when {@code error} is absent
 * @param error why the statement could not be parsed or analysed
 * @param warnings what the analysis could not resolve although the statement parsed, e.g. a
 *        column of an equi-join that is in no table of the catalog; empty when everything resolved
 */
public record Analysis(Optional<QueryShape> shape, Optional<ParseError> error, List<String> warnings)
{
    public Analysis
    {
        requireNonNull(shape, "shape is null");
        requireNonNull(error, "error is null");
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        if (shape.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("exactly one of shape and error must be present");
        }
    }

    public static Analysis of(QueryShape shape, List<String> warnings)
    {
        return new Analysis(Optional.of(shape), Optional.empty(), warnings);
    }

    public static Analysis failed(ParseError error)
    {
        return new Analysis(Optional.empty(), Optional.of(error), List.of());
    }

    public boolean succeeded()
    {
        return shape.isPresent();
    }
}
