package io.autotable.simulator.workload;

import java.util.List;
import java.util.SplittableRandom;

/**
 * How the literal parameters of a benchmark's query templates are chosen for one run, in the
 * spirit of a benchmark's own query generator (TPC-H's qgen, TPC-DS's dsqgen): the same
 * statements, other constants.
 *
 * <p>Contract: the result has as many statements as the template, in its order, each the
 * template's statement with literals replaced by literals (never a change to what a statement
 * reads, joins or groups by); the same template and random state give the same text.
 */
public interface QueryParameters
{
    List<String> choose(QueryTemplate template, SplittableRandom random);

    /** Parameters that are never varied: every run runs the template as written. */
    static QueryParameters asWritten()
    {
        return (template, random) -> template.statements();
    }
}
