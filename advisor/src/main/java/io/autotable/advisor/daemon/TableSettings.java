package io.autotable.advisor.daemon;

import io.autotable.advisor.Recommendation.Kind;
import io.autotable.design.Encoding;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * A table design's three settings that a recommendation changes one at a time: distribution, sort
 * key, encodings. The daemon composes a table's changes field by field with these, and the flap
 * guard compares settings, not whole designs.
 */
public final class TableSettings
{
    private TableSettings() {}

    /** The design's setting of that kind, in words: {@code KEY(c)}, {@code COMPOUND(a, b)}, {@code a=AZ64, b=ZSTD}. */
    public static String setting(TableDesign design, Kind kind)
    {
        return switch (kind) {
            case DISTRIBUTION -> design.distkey().map(column -> design.distribution() + "(" + column + ")").orElse(design.distribution().name());
            case SORTKEY -> design.sortStyle() == SortStyle.NONE ? "none" : design.sortStyle() + "(" + String.join(", ", design.sortkey()) + ")";
            case ENCODING -> encodings(design.encodings());
        };
    }

    /** {@code design} with its setting of that kind taken from {@code source}, the others left as they are. */
    public static TableDesign withSetting(TableDesign design, Kind kind, TableDesign source)
    {
        return switch (kind) {
            case DISTRIBUTION -> design.withDistribution(source.distribution(), source.distkey());
            case SORTKEY -> design.withSortKey(source.sortStyle(), source.sortkey());
            case ENCODING -> design.withEncodings(source.encodings());
        };
    }

    private static String encodings(Map<String, Encoding> encodings)
    {
        if (encodings.values().stream().allMatch(Encoding.RAW::equals)) {
            return "RAW";
        }
        return encodings.entrySet().stream()
                .filter(entry -> entry.getValue() != Encoding.RAW)
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}
