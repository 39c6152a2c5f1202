package io.autotable.cli;

/** How {@code advise} prints its report. */
public enum ReportFormat
{
    TEXT,
    JSON,
    MARKDOWN,
    HTML;
}
