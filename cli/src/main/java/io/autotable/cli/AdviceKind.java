package io.autotable.cli;

/** What {@code advise --only} restricts the advice to. */
public enum AdviceKind
{
    DISTRIBUTION,
    SORTKEYS,
    ENCODINGS,
    WLM;
}
