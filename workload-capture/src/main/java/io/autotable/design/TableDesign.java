package io.autotable.design;

import io.autotable.catalog.Identifiers;
import io.autotable.catalog.Table;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A table's physical design: distribution, sort key and per-column encodings.
 *
 * @param distribution the distribution style
 * @param distkey the distribution key column, present exactly when the style is KEY
 * @param sortStyle how the sort key orders rows, NONE exactly when the sort key is empty
 * @param sortkey the sort key's columns in order
 * @param encodings column name to encoding; a column that is not listed is RAW
 */
public record TableDesign(
        DistStyle distribution,
        Optional<String> distkey,
        SortStyle sortStyle,
        List<String> sortkey,
        Map<String, Encoding> encodings)
{
    /** Redshift allows at most 400 columns in a compound sort key and 8 in an interleaved one. */
    public static final int MAX_INTERLEAVED_COLUMNS = 8;

    public TableDesign
    {
        requireNonNull(distribution, "distribution is null");
        distkey = requireNonNull(distkey, "distkey is null").map(column -> Identifiers.normalize(column, "distkey column"));
        requireNonNull(sortStyle, "sortStyle is null");
        sortkey = requireNonNull(sortkey, "sortkey is null").stream()
                .map(column -> Identifiers.normalize(column, "sortkey column"))
                .toList();
        SortedMap<String, Encoding> sorted = new TreeMap<>();
        requireNonNull(encodings, "encodings is null").forEach((column, encoding) ->
                sorted.put(Identifiers.normalize(column, "encoded column"), requireNonNull(encoding, "encoding is null")));
        encodings = Collections.unmodifiableSortedMap(sorted);

        if (distribution == DistStyle.KEY && distkey.isEmpty()) {
            throw CaptureException.invalid("distribution KEY needs a distkey column");
        }
        if (distribution != DistStyle.KEY && distkey.isPresent()) {
            throw CaptureException.invalid("distribution %s takes no distkey (got %s)", distribution, distkey.get());
        }
        if ((sortStyle == SortStyle.NONE) != sortkey.isEmpty()) {
            throw CaptureException.invalid("sort style %s does not fit sort key %s", sortStyle, sortkey);
        }
        if (new HashSet<>(sortkey).size() != sortkey.size()) {
            throw CaptureException.invalid("sort key %s names a column twice", sortkey);
        }
        if (sortStyle == SortStyle.INTERLEAVED && sortkey.size() > MAX_INTERLEAVED_COLUMNS) {
            throw CaptureException.invalid("an interleaved sort key has at most %d columns, got %d", MAX_INTERLEAVED_COLUMNS, sortkey.size());
        }
    }

    /** What a fresh warehouse gives a table nobody tuned: EVEN, no sort key, every column RAW. */
    public static TableDesign initial()
    {
        return new TableDesign(DistStyle.EVEN, Optional.empty(), SortStyle.NONE, List.of(), Map.of());
    }

    public TableDesign withDistribution(DistStyle style, Optional<String> column)
    {
        return new TableDesign(style, column, sortStyle, sortkey, encodings);
    }

    public TableDesign withSortKey(SortStyle style, List<String> columns)
    {
        return new TableDesign(distribution, distkey, style, columns, encodings);
    }

    public TableDesign withEncodings(Map<String, Encoding> newEncodings)
    {
        return new TableDesign(distribution, distkey, sortStyle, sortkey, newEncodings);
    }

    /** The encoding of a column: RAW when the design does not list it. */
    public Encoding encoding(String column)
    {
        return encodings.getOrDefault(Identifiers.normalize(column, "column"), Encoding.RAW);
    }

    /**
     * Checks that every column this design names exists in the table.
     *
     * @throws CaptureException with {@link ErrorCode#UNKNOWN_COLUMN} naming the table and column
     */
    public void checkAgainst(Table table)
    {
        Set<String> named = new HashSet<>(sortkey);
        distkey.ifPresent(named::add);
        named.addAll(encodings.keySet());
        for (String column : named) {
            if (table.findColumn(column).isEmpty()) {
                throw new CaptureException(ErrorCode.UNKNOWN_COLUMN,
                        "the design of table %s names column %s, which the table does not have".formatted(table.name(), column));
            }
        }
    }
}
