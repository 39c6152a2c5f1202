package io.autotable.advisor.ddl;

import io.autotable.advisor.AdvisorException;
import io.autotable.advisor.DdlDialect;
import io.autotable.advisor.Recommendation;
import io.autotable.design.DistStyle;
import io.autotable.design.Encoding;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.error.ErrorCode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The embedded warehouse's DDL: Redshift's {@code ALTER TABLE} forms, with interleaved sort keys
 * altered in place too (the embedded warehouse keeps a table's design as metadata and lays the
 * table out again, so no deep copy is needed). {@link #apply} reads a statement back onto a design,
 * which is how the embedded warehouse executes it.
 */
public final class EmbeddedDdl
        implements DdlDialect
{
    private static final Pattern DISTRIBUTION = Pattern.compile("(?i)ALTER\\s+TABLE\\s+(\\S+)\\s+ALTER\\s+DISTSTYLE\\s+(?:(ALL|EVEN)|KEY\\s+DISTKEY\\s+(\\S+?))\\s*;?\\s*");
    private static final Pattern SORT_NONE = Pattern.compile("(?i)ALTER\\s+TABLE\\s+(\\S+)\\s+ALTER\\s+SORTKEY\\s+NONE\\s*;?\\s*");
    private static final Pattern SORT_KEY = Pattern.compile("(?i)ALTER\\s+TABLE\\s+(\\S+)\\s+ALTER\\s+(COMPOUND\\s+|INTERLEAVED\\s+)?SORTKEY\\s*\\(([^)]*)\\)\\s*;?\\s*");
    private static final Pattern ENCODINGS = Pattern.compile("(?i)ALTER\\s+TABLE\\s+(\\S+)\\s+(ALTER\\s+COLUMN\\s+.*?)\\s*;?\\s*");
    private static final Pattern ENCODE = Pattern.compile("(?i)\\s*ALTER\\s+COLUMN\\s+(\\S+)\\s+ENCODE\\s+(\\w+)\\s*");

    @Override
    public String name()
    {
        return "embedded";
    }

    @Override
    public List<String> statements(String table, Recommendation.Kind kind, TableDesign before, TableDesign after)
    {
        return switch (kind) {
            case DISTRIBUTION -> AlterStatements.distribution(table, before, after);
            case SORTKEY -> AlterStatements.sortKey(table, before, after);
            case ENCODING -> AlterStatements.encodings(table, before, after);
        };
    }

    /** The statement's table and the design it gives {@code design}. */
    public record Applied(String table, TableDesign design) {}

    /**
     * Applies one statement of this dialect to a table's design.
     *
     * @throws AdvisorException with {@link ErrorCode#INVALID_DDL} for a statement that is not one of the dialect's forms
     */
    public static Applied apply(TableDesign design, String statement)
    {
        requireNonNull(design, "design is null");
        requireNonNull(statement, "statement is null");
        String text = statement.strip();
        Matcher matcher = DISTRIBUTION.matcher(text);
        if (matcher.matches()) {
            TableDesign changed = matcher.group(2) != null
                    ? design.withDistribution(DistStyle.valueOf(matcher.group(2).toUpperCase(Locale.ROOT)), Optional.empty())
                    : design.withDistribution(DistStyle.KEY, Optional.of(matcher.group(3)));
            return new Applied(matcher.group(1), changed);
        }
        matcher = SORT_NONE.matcher(text);
        if (matcher.matches()) {
            return new Applied(matcher.group(1), design.withSortKey(SortStyle.NONE, List.of()));
        }
        matcher = SORT_KEY.matcher(text);
        if (matcher.matches()) {
            SortStyle style = matcher.group(2) == null ? SortStyle.COMPOUND : SortStyle.valueOf(matcher.group(2).strip().toUpperCase(Locale.ROOT));
            List<String> columns = Arrays.stream(matcher.group(3).split(",")).map(String::strip).filter(column -> !column.isEmpty()).toList();
            if (columns.isEmpty()) {
                throw invalid(statement, "a sort key needs at least one column");
            }
            return new Applied(matcher.group(1), design.withSortKey(style, columns));
        }
        matcher = ENCODINGS.matcher(text);
        if (matcher.matches()) {
            Map<String, Encoding> encodings = new HashMap<>(design.encodings());
            for (String clause : matcher.group(2).split(",")) {
                Matcher encode = ENCODE.matcher(clause);
                if (!encode.matches()) {
                    throw invalid(statement, "'" + clause.strip() + "' is not ALTER COLUMN c ENCODE e");
                }
                try {
                    encodings.put(encode.group(1), Encoding.valueOf(encode.group(2).toUpperCase(Locale.ROOT)));
                }
                catch (IllegalArgumentException e) {
                    throw invalid(statement, "unknown encoding " + encode.group(2) + ": expected one of " + Arrays.toString(Encoding.values()));
                }
            }
            return new Applied(matcher.group(1), design.withEncodings(encodings));
        }
        throw invalid(statement, "expected ALTER TABLE t ALTER DISTSTYLE ..., ALTER [COMPOUND|INTERLEAVED] SORTKEY (...), ALTER SORTKEY NONE or ALTER COLUMN c ENCODE e[, ...]");
    }

    private static AdvisorException invalid(String statement, String what)
    {
        return new AdvisorException(ErrorCode.INVALID_DDL, "cannot apply '%s' to the embedded warehouse: %s".formatted(statement.strip(), what));
    }
}
