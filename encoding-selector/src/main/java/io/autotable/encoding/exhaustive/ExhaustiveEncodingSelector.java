package io.autotable.encoding.exhaustive;

import io.autotable.catalog.ColumnType;
import io.autotable.design.Encoding;
import io.autotable.encoding.Column;
import io.autotable.encoding.EncodedSizes;
import io.autotable.encoding.EncodingSelector;

import java.util.Map;

/**
 * The oracle: encodes the whole sample with every encoding Redshift allows on the type and keeps
 * the smallest, the fastest to decode among equals ({@link EncodedSizes#decodeRank}). Exact on the
 * sample by construction, and the slowest selector: up to 13 full encodings, two of them
 * general-purpose compressors.
 */
public final class ExhaustiveEncodingSelector
        implements EncodingSelector
{
    @Override
    public String name()
    {
        return "exhaustive";
    }

    @Override
    public Selection select(ColumnType type, Column sample)
    {
        Map<Encoding, Long> sizes = EncodedSizes.allApplicable(type, sample);
        return new Selection(EncodedSizes.smallest(sizes), sizes.size());
    }
}
