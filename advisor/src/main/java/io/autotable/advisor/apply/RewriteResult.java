package io.autotable.advisor.apply;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * A change that {@link TableRewriter#apply} carried out: the table now has the plan's target design.
 *
 * @param checksum the rows' order-independent checksum, the same before and after
 * @param copy time spent copying rows into the new table and indexing it, waits included
 * @param verify time spent comparing the two tables
 * @param swap time the swap held the warehouse exclusively
 * @param total time from the first journal entry to the last
 */
public record RewriteResult(String changeId, String table, TableChecksum checksum, Duration copy, Duration verify, Duration swap, Duration total)
{
    public RewriteResult
    {
        requireNonNull(changeId, "changeId is null");
        requireNonNull(table, "table is null");
        requireNonNull(checksum, "checksum is null");
        requireNonNull(copy, "copy is null");
        requireNonNull(verify, "verify is null");
        requireNonNull(swap, "swap is null");
        requireNonNull(total, "total is null");
    }

    public long rows()
    {
        return checksum.rows();
    }
}
