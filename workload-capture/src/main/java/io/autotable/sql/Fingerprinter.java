package io.autotable.sql;

/**
 * Groups runs of the same statement: statements that differ only in literal values, whitespace,
 * comments and identifier case get the same fingerprint. A fingerprint is computed by a fast
 * lexical pass, not a parse, so a log of millions of events is grouped first and each distinct
 * statement is parsed once.
 */
public interface Fingerprinter
{
    /** A short, stable hash of the statement's literal-normalised form (hex, at most 64 characters). */
    String fingerprint(String sql);

    /** The literal-normalised form itself, for display: literals become {@code ?}. */
    String normalize(String sql);
}
