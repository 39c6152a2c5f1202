package io.autotable.repository;

import static java.util.Objects.requireNonNull;

/**
 * A recommendation of one advice run, as stored: its body is the advisor's JSON, which this module
 * does not interpret.
 *
 * @param id the recommendation's id within its run ({@code R1})
 * @param kind {@code distribution}, {@code sortkey} or {@code encoding}
 * @param status {@code pending}, {@code applied}, {@code rolled-back}, {@code skipped}, ...
 */
public record StoredRecommendation(long runNo, String id, String table, String kind, String status, String body)
{
    public StoredRecommendation
    {
        requireNonNull(id, "id is null");
        requireNonNull(table, "table is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(status, "status is null");
        requireNonNull(body, "body is null");
    }

    /** The id across runs: {@code A12:R1}. */
    public String qualifiedId()
    {
        return "A" + runNo + ":" + id;
    }
}
