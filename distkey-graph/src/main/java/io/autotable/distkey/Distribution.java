package io.autotable.distkey;

import io.autotable.catalog.Identifiers;
import io.autotable.design.DistStyle;
import io.autotable.design.TableDesign;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How one table's rows are spread over the slices: hashed on a key column, a full copy on every
 * node, or round-robin.
 *
 * @param style KEY, ALL or EVEN
 * @param distkey the key column, present exactly for KEY
 */
public record Distribution(DistStyle style, Optional<String> distkey)
{
    public Distribution
    {
        requireNonNull(style, "style is null");
        distkey = requireNonNull(distkey, "distkey is null").map(column -> Identifiers.normalize(column, "distkey column"));
        if ((style == DistStyle.KEY) != distkey.isPresent()) {
            throw DistKeyException.invalid("distribution %s %s a key column", style, style == DistStyle.KEY ? "needs" : "takes no");
        }
    }

    public static Distribution key(String column)
    {
        return new Distribution(DistStyle.KEY, Optional.of(column));
    }

    public static Distribution all()
    {
        return new Distribution(DistStyle.ALL, Optional.empty());
    }

    public static Distribution even()
    {
        return new Distribution(DistStyle.EVEN, Optional.empty());
    }

    public static Distribution of(TableDesign design)
    {
        return new Distribution(design.distribution(), design.distkey());
    }

    @Override
    public String toString()
    {
        return distkey.map(column -> "KEY(" + column + ")").orElse(style.name());
    }
}
