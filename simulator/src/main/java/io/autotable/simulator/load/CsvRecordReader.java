package io.autotable.simulator.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.autotable.capture.CsvRecovery;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import static java.util.Objects.requireNonNull;

/**
 * The records of one delimited text file, split by Jackson's CSV parser: each with the 1-based
 * line it starts on, its fields ({@code null} for SQL NULL) and, for a record that cannot be
 * read, what is wrong with it. Reading goes on after a bad record.
 *
 * <p>A file that starts with gzip's magic bytes (or is named {@code *.gz}) is decompressed. Text is
 * UTF-8; bytes that are not are decoded as U+FFFF, a noncharacter reserved for a program's own use,
 * and a record holding it is reported as invalid UTF-8 naming the field (Redshift rejects
 * U+FFFF too). A quote that is never closed takes the rest of the file into its field, as with
 * every CSV reader: that record is reported and reading ends.
 *
 * <p>Not thread-safe, except {@link #bytesRead()}, which any thread may read for progress.
 */
final class CsvRecordReader
        implements Closeable
{
    /** What bytes that are not UTF-8 decode to. */
    static final char INVALID_UTF8 = '\uFFFF';

    private static final CsvFactory FACTORY = new CsvFactory();
    private static final int BUFFER = 1 << 16;

    /**
     * One record.
     *
     * @param line the 1-based line the record starts on
     * @param values the fields, {@code null} for SQL NULL; the array belongs to the caller
     * @param problem why the record cannot be loaded, when it cannot
     */
    record CsvRecord(long line, String[] values, Optional<Problem> problem)
    {
        CsvRecord
        {
            requireNonNull(values, "values is null");
            requireNonNull(problem, "problem is null");
        }

        /** An empty line: one field, empty or NULL. */
        boolean isBlank()
        {
            return values.length == 1 && (values[0] == null || values[0].isEmpty());
        }
    }

    /**
     * @param field the 1-based field the problem is in, 0 when it is the record's
     */
    record Problem(int field, String reason)
    {
        Problem
        {
            requireNonNull(reason, "reason is null");
        }
    }

    private final Path file;
    private final CsvParser parser;
    private final CountingInputStream counter;
    // Jackson's CSV locations drift after quoted newlines, so lines are counted from the values
    private long nextLine = 1;

    private CsvRecordReader(Path file, CsvParser parser, CountingInputStream counter)
    {
        this.file = file;
        this.parser = parser;
        this.counter = counter;
    }

    /**
     * @throws SimulatorException with {@link ErrorCode#FILE_NOT_FOUND} or {@link ErrorCode#FILE_NOT_READABLE}
     */
    static CsvRecordReader open(Path file, CsvFormat format)
    {
        requireNonNull(file, "file is null");
        requireNonNull(format, "format is null");
        if (Files.isDirectory(file)) {
            throw new SimulatorException(ErrorCode.FILE_NOT_READABLE, "%s is a directory: name the files to load".formatted(file));
        }
        CountingInputStream counter = null;
        try {
            counter = new CountingInputStream(Files.newInputStream(file));
            InputStream input = new BufferedInputStream(counter, BUFFER);
            if (isGzip(input) || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                input = new GZIPInputStream(input, BUFFER);
            }
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .replaceWith(String.valueOf(INVALID_UTF8));
            Reader reader = new InputStreamReader(input, decoder);
            CsvParser parser = (CsvParser) FACTORY.createParser(reader);
            parser.setSchema(schema(format));
            if (format.nullAs().isEmpty()) {
                parser.enable(CsvParser.Feature.EMPTY_UNQUOTED_STRING_AS_NULL);
            }
            else {
                parser.enable(CsvParser.Feature.ONLY_UNQUOTED_NULL_VALUES_AS_NULL);
            }
            return new CsvRecordReader(file, parser, counter);
        }
        catch (NoSuchFileException e) {
            closeQuietly(counter);
            throw new SimulatorException(ErrorCode.FILE_NOT_FOUND, "%s does not exist: check the path".formatted(file), e);
        }
        catch (IOException e) {
            closeQuietly(counter);
            throw unreadable(file, e);
        }
    }

    private static CsvSchema schema(CsvFormat format)
    {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(format.delimiter());
        schema = format.quote().isPresent() ? schema.withQuoteChar(format.quote().get()) : schema.withoutQuoteChar();
        schema = format.escape().isPresent() ? schema.withEscapeChar(format.escape().get()) : schema.withoutEscapeChar();
        if (!format.nullAs().isEmpty()) {
            schema = schema.withNullValue(format.nullAs());
        }
        return schema;
    }

    private static boolean isGzip(InputStream input)
            throws IOException
    {
        input.mark(2);
        int first = input.read();
        int second = input.read();
        input.reset();
        return first == 0x1f && second == 0x8b;
    }

    Path file()
    {
        return file;
    }

    /** Bytes of the file read so far (compressed bytes for a gzip file). */
    long bytesRead()
    {
        return counter.count();
    }

    /** The next record, or empty after the last. */
    Optional<CsvRecord> next()
    {
        long line = nextLine;
        List<String> values = new ArrayList<>();
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return Optional.empty();
            }
            while ((token = parser.nextToken()) == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NULL) {
                values.add(token == JsonToken.VALUE_NULL ? null : parser.getText());
            }
        }
        catch (JsonProcessingException e) {
            int field = values.size() + 1;
            List<String> skipped = new ArrayList<>(values);
            skipRestOfRecord(skipped);
            nextLine = line + CsvRecovery.lines(skipped);
            return Optional.of(new CsvRecord(line, skipped.toArray(String[]::new), Optional.of(new Problem(field, describe(e)))));
        }
        catch (IOException e) {
            throw unreadable(file, e);
        }
        nextLine = line + CsvRecovery.lines(values);
        String[] fields = values.toArray(String[]::new);
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null && fields[i].indexOf(INVALID_UTF8) >= 0) {
                return Optional.of(new CsvRecord(line, fields, Optional.of(new Problem(i + 1, "invalid UTF-8: the field holds bytes that are not UTF-8 text"))));
            }
        }
        return Optional.of(new CsvRecord(line, fields, Optional.empty()));
    }

    private String describe(JsonProcessingException e)
    {
        String message = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("").strip();
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("missing closing quote") || lower.contains("eof") && lower.contains("quote")) {
            return "unterminated quote: the field's opening quote is never closed, so the rest of the file was read as one field";
        }
        return "not valid CSV: " + message;
    }

    private void skipRestOfRecord(List<String> skipped)
    {
        try {
            CsvRecovery.skipRestOfRow(parser, skipped);
        }
        catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private static SimulatorException unreadable(Path file, IOException e)
    {
        return new SimulatorException(ErrorCode.FILE_NOT_READABLE,
                "cannot read %s (%s): check that it is a readable text file, or a complete gzip file".formatted(file, e.getMessage()), e);
    }

    @Override
    public void close()
    {
        try {
            parser.close();
        }
        catch (IOException ignored) {
            // read only: a failed close loses nothing
        }
        closeQuietly(counter);
    }

    private static void closeQuietly(InputStream input)
    {
        if (input == null) {
            return;
        }
        try {
            input.close();
        }
        catch (IOException ignored) {
            // read only: a failed close loses nothing
        }
    }

    /** Counts the bytes read from the file, for progress and the load rate. */
    private static final class CountingInputStream
            extends FilterInputStream
    {
        private final AtomicLong count = new AtomicLong();

        CountingInputStream(InputStream in)
        {
            super(in);
        }

        @Override
        public int read()
                throws IOException
        {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length)
                throws IOException
        {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count.addAndGet(read);
            }
            return read;
        }

        @Override
        public long skip(long n)
                throws IOException
        {
            long skipped = super.skip(n);
            count.addAndGet(skipped);
            return skipped;
        }

        long count()
        {
            return count.get();
        }
    }
}
