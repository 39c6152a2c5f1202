package io.autotable.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at semicolons that are outside quoted strings, quoted
 * identifiers and comments. Pieces holding only comments and whitespace are dropped.
 */
public final class SqlStatements
{
    private SqlStatements() {}

    public static List<String> split(String script)
    {
        List<String> statements = new ArrayList<>();
        int start = 0;
        int length = script.length();
        int i = 0;
        while (i < length) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(script, i, c);
            }
            else if (c == '-' && i + 1 < length && script.charAt(i + 1) == '-') {
                int newline = script.indexOf('\n', i);
                i = newline < 0 ? length : newline + 1;
            }
            else if (c == '/' && i + 1 < length && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            }
            else if (c == ';') {
                add(statements, script.substring(start, i));
                i++;
                start = i;
            }
            else {
                i++;
            }
        }
        add(statements, script.substring(start));
        return List.copyOf(statements);
    }

    /** Whether the text has anything but whitespace and comments. */
    public static boolean hasCode(String text)
    {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '-' && i + 1 < length && text.charAt(i + 1) == '-') {
                int newline = text.indexOf('\n', i);
                i = newline < 0 ? length : newline + 1;
            }
            else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            }
            else if (Character.isWhitespace(c)) {
                i++;
            }
            else {
                return true;
            }
        }
        return false;
    }

    private static int skipQuoted(String text, int open, char quote)
    {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                // a doubled quote is an escaped quote, not the end
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static void add(List<String> statements, String piece)
    {
        if (hasCode(piece)) {
            statements.add(piece.strip());
        }
    }
}
