package io.autotable.catalog;

import io.autotable.error.CaptureException;

import java.util.Locale;

/**
 * Identifier rules shared by the model: names are folded to lower case, as Redshift and
 * PostgreSQL fold unquoted identifiers, so lookups never depend on how a log spelled them.
 */
public final class Identifiers
{
    private Identifiers() {}

    /**
     * @throws CaptureException when the name is null, blank or has characters that cannot be an
     *         identifier
     */
    public static String normalize(String name, String what)
    {
        if (name == null || name.isBlank()) {
            throw CaptureException.invalid("%s name is missing", what);
        }
        String normalized = name.strip();
        if (normalized.length() >= 2 && (normalized.startsWith("\"") && normalized.endsWith("\"")
                || normalized.startsWith("`") && normalized.endsWith("`"))) {
            normalized = normalized.substring(1, normalized.length() - 1);
        }
        if (normalized.isEmpty() || normalized.length() > 127) {
            throw CaptureException.invalid("%s name '%s' must have 1 to 127 characters", what, name);
        }
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (Character.isISOControl(c) || c == '"' || c == '`') {
                throw CaptureException.invalid("%s name '%s' has a character that cannot be in an identifier", what, name);
            }
        }
        return normalized.toLowerCase(Locale.ROOT);
    }
}
