package io.autotable.cli;

import io.autotable.advisor.SortKeyChooser;

import java.util.Optional;

/** The sort-key chooser the commands use. */
final class SortKeys
{
    private SortKeys() {}

    /** The learned sort-key advisor with its shipped model (not merged yet: none). */
    static Optional<SortKeyChooser> shipped()
    {
        return Optional.empty();
    }
}
