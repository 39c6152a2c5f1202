package io.autotable.advisor.apply;

import io.autotable.design.TableDesign;
import io.autotable.error.AutotableException;
import io.autotable.json.Json;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a rewritten table's {@code COMMENT ON TABLE} says: the design its rows are in and the
 * change that put them there. The comment travels with the table through renames, so after a
 * crash the physical table, not a journal that may be a step behind, tells which design it is in.
 */
record DesignComment(String changeId, TableDesign design)
{
    DesignComment
    {
        requireNonNull(changeId, "changeId is null");
        requireNonNull(design, "design is null");
    }

    String json()
    {
        return Json.write(this);
    }

    /** The comment's design, or empty for a table never rewritten (no comment, or someone else's). */
    static Optional<DesignComment> parse(String remarks)
    {
        if (remarks == null || !remarks.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(remarks, DesignComment.class, "a table comment"));
        }
        catch (AutotableException e) {
            return Optional.empty();
        }
    }
}
