package io.autotable.capture.redshift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.autotable.capture.BadRecord;
import io.autotable.capture.CsvRecovery;
import io.autotable.capture.SourceFiles;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The rows of a CSV export with a header row, read with Jackson's CSV parser: fields found by
 * column name (any order, any case), each row with the 1-based line it starts on. A row whose
 * field count differs from the header's, or that the parser rejects (a character after a closing
 * quote, a quote never closed), comes back as a bad row and reading goes on with the next row; a
 * quote never closed takes the rest of the file with it, as it does for every CSV reader.
 */
final class CsvRows
        implements Closeable
{
    // statements of many megabytes are real; Jackson's default cap is 20 million chars
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    private final Path file;
    private final CsvParser parser;
    private final Map<String, Integer> columns;
    private final List<String> header;
    // Jackson's CSV locations drift after quoted newlines, so lines are counted from the values
    private long nextLine;

    /**
     * One row: its values, or why it is bad.
     *
     * @param line 1-based line the row starts on
     */
    record Row(long line, List<String> values, Optional<String> problem)
    {
        Row
        {
            values = List.copyOf(requireNonNull(values, "values is null"));
            requireNonNull(problem, "problem is null");
        }

        String excerpt()
        {
            return SourceFiles.excerpt(String.join(",", values));
        }
    }

    private CsvRows(Path file, CsvParser parser, List<String> header)
    {
        this.file = file;
        this.nextLine = 1 + CsvRecovery.lines(header);
        this.parser = parser;
        this.header = List.copyOf(header);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
        this.columns = Map.copyOf(columns);
    }

    /** Opens the file and reads its header; an empty file has an empty header and no rows. */
    static CsvRows open(Path file)
    {
        requireNonNull(file, "file is null");
        CsvParser parser;
        try {
            parser = (CsvParser) FACTORY.createParser(SourceFiles.open(file));
        }
        catch (IOException e) {
            throw SourceFiles.unreadable(file, e);
        }
        List<String> header = new ArrayList<>();
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                    String name = parser.getText().strip().toLowerCase(Locale.ROOT);
                    header.add(name.startsWith("\uFEFF") ? name.substring(1) : name);
                }
            }
        }
        catch (IOException e) {
            close(parser);
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "%s: the header row cannot be read (%s): the file needs a CSV header row".formatted(file, e.getMessage()), e);
        }
        return new CsvRows(file, parser, header);
    }

    List<String> header()
    {
        return header;
    }

    boolean hasColumn(String name)
    {
        return columns.containsKey(name);
    }

    /**
     * @throws CaptureException with {@link ErrorCode#INVALID_ARGUMENT} naming the file and the
     *         missing columns, when the header lacks one of {@code names}
     */
    void requireColumns(String table, String... names)
    {
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (!columns.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT,
                    "%s has no column %s: export %s with a header row holding at least %s".formatted(file, String.join(", ", missing), table, String.join(", ", names)));
        }
    }

    /** The value of a column in a good row, stripped; empty when the header lacks the column or the value is empty (SQL NULL). */
    Optional<String> value(Row row, String column)
    {
        Integer index = columns.get(column);
        if (index == null) {
            return Optional.empty();
        }
        String value = row.values().get(index).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The value of a column in a good row, unstripped (text columns, where leading spaces matter). */
    Optional<String> rawValue(Row row, String column)
    {
        Integer index = columns.get(column);
        return index == null ? Optional.empty() : Optional.of(row.values().get(index));
    }

    /** The next row, or empty after the last; blank lines are skipped. */
    Optional<Row> next()
    {
        while (true) {
            long line = nextLine;
            List<String> values = new ArrayList<>(header.size());
            try {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return Optional.empty();
                }
                while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                    values.add(parser.getText());
                }
            }
            catch (JsonProcessingException e) {
                List<String> skipped = new ArrayList<>(values);
                skipRestOfRow(skipped);
                nextLine = line + CsvRecovery.lines(skipped);
                String message = e.getOriginalMessage().lines().findFirst().orElse("");
                return Optional.of(new Row(line, values, Optional.of("not a valid CSV row: " + message)));
            }
            catch (IOException e) {
                throw SourceFiles.unreadable(file, e);
            }
            nextLine = line + CsvRecovery.lines(values);
            if (header.size() > 1 && values.size() == 1 && values.get(0).isEmpty()) {
                continue;
            }
            return Optional.of(row(line, values));
        }
    }

    private Row row(long line, List<String> values)
    {
        if (values.size() != header.size()) {
            return new Row(line, values, Optional.of("has %d fields, the header has %d".formatted(values.size(), header.size())));
        }
        return new Row(line, values, Optional.empty());
    }

    private void skipRestOfRow(List<String> skipped)
    {
        try {
            CsvRecovery.skipRestOfRow(parser, skipped);
        }
        catch (IOException e) {
            throw SourceFiles.unreadable(file, e);
        }
    }

    static BadRecord bad(String file, Row row, String reason)
    {
        return new BadRecord(file, row.line(), reason, row.excerpt());
    }

    @Override
    public void close()
    {
        close(parser);
    }

    private static void close(CsvParser parser)
    {
        try {
            parser.close();
        }
        catch (IOException e) {
            // nothing was written; a failed close loses nothing
        }
    }
}
