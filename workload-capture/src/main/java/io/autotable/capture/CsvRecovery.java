package io.autotable.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import java.io.IOException;
import java.util.List;

/**
 * What every reader of CSV rows through Jackson's streaming parser needs to go on after a bad
 * row and to know which line a row starts on: Jackson's CSV locations drift after quoted
 * newlines, so lines are counted from the values read.
 */
public final class CsvRecovery
{
    private CsvRecovery() {}

    /**
     * Reads the rest of a row after the parser rejected part of it, adding the values it can still
     * read to {@code skipped} ({@code null} for a NULL token), up to the row's end.
     *
     * @throws IOException when the input cannot be read
     */
    public static void skipRestOfRow(CsvParser parser, List<String> skipped)
            throws IOException
    {
        // a parse error can repeat while the parser resynchronises; each call consumes input
        for (int attempt = 0; attempt < 1_000_000; attempt++) {
            try {
                JsonToken token = parser.nextToken();
                if (token == null || token == JsonToken.END_ARRAY) {
                    return;
                }
                if (token == JsonToken.VALUE_STRING) {
                    skipped.add(parser.getText());
                }
                else if (token == JsonToken.VALUE_NULL) {
                    skipped.add(null);
                }
            }
            catch (JsonProcessingException e) {
                // keep skipping
            }
        }
    }

    /** How many lines a row's values span: one, plus one per newline inside them ({@code null} values span none). */
    public static long lines(List<String> values)
    {
        long lines = 1;
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (int i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) {
                lines++;
            }
        }
        return lines;
    }
}
