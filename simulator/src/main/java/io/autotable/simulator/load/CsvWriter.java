package io.autotable.simulator.load;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.autotable.catalog.Column;
import io.autotable.catalog.Table;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.data.RowSink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import static java.util.Objects.requireNonNull;

/**
 * Writes a table's rows as a delimited text file that {@link CsvLoader} reads back to the same
 * values: to export generated data for round trips and load benchmarks, as a warehouse's
 * {@code UNLOAD} would. Values are written as Redshift writes them: plain decimals, ISO dates,
 * {@code yyyy-mm-dd hh:mm:ss[.ffffff]} timestamps, {@code true}/{@code false}.
 *
 * <p>Without a quote or escape character a value holding the delimiter or a line break cannot be
 * written; the writer refuses it rather than write a file that reads back differently.
 */
public final class CsvWriter
{
    private static final CsvFactory FACTORY = new CsvFactory();
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
            .toFormatter(Locale.ROOT);

    private CsvWriter() {}

    /**
     * Writes the rows {@code rows} produces into {@code file}, gzip-compressed when
     * {@code gzip}; a header of the column names when the format has one.
     *
     * @return the rows written
     */
    public static long write(Path file, Table table, CsvFormat format, boolean gzip, Consumer<RowSink> rows)
    {
        requireNonNull(file, "file is null");
        requireNonNull(table, "table is null");
        requireNonNull(format, "format is null");
        requireNonNull(rows, "rows is null");
        CsvSchema.Builder columns = CsvSchema.builder();
        for (Column column : table.columns()) {
            columns.addColumn(column.name());
        }
        CsvSchema schema = columns.build()
                .withColumnSeparator(format.delimiter())
                .withLineSeparator("\n")
                .withNullValue(format.nullAs());
        schema = format.quote().isPresent() ? schema.withQuoteChar(format.quote().get()) : schema.withoutQuoteChar();
        schema = format.escape().isPresent() ? schema.withEscapeChar(format.escape().get()) : schema.withoutEscapeChar();
        schema = format.header() ? schema.withHeader() : schema.withoutHeader();
        boolean plain = format.quote().isEmpty() && format.escape().isEmpty();
        long[] written = {0};
        try (OutputStream output = open(file, gzip);
                Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
                CsvGenerator generator = (CsvGenerator) FACTORY.createGenerator(writer)) {
            generator.setSchema(schema);
            generator.enable(CsvGenerator.Feature.ALWAYS_QUOTE_EMPTY_STRINGS);
            rows.accept(row -> {
                try {
                    generator.writeStartArray();
                    for (Object value : row) {
                        if (value == null) {
                            generator.writeNull();
                        }
                        else {
                            generator.writeString(text(value, format, plain));
                        }
                    }
                    generator.writeEndArray();
                    written[0]++;
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        catch (IOException | UncheckedIOException e) {
            throw new SimulatorException(ErrorCode.FILE_NOT_READABLE, "cannot write %s: %s".formatted(file, e.getMessage()), e);
        }
        return written[0];
    }

    private static OutputStream open(Path file, boolean gzip)
            throws IOException
    {
        OutputStream output = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        return gzip ? new GZIPOutputStream(output, 1 << 16) : output;
    }

    private static String text(Object value, CsvFormat format, boolean plain)
    {
        String text;
        if (value instanceof BigDecimal decimal) {
            text = decimal.toPlainString();
        }
        else if (value instanceof LocalDateTime timestamp) {
            text = TIMESTAMP.format(timestamp);
        }
        else if (value instanceof OffsetDateTime timestamp) {
            text = TIMESTAMP.format(timestamp.toLocalDateTime()) + timestamp.getOffset().getId().replace("Z", "+00:00");
        }
        else {
            text = value.toString();
        }
        if (plain && (text.indexOf(format.delimiter()) >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || !format.nullAs().isEmpty() && text.equals(format.nullAs()) || format.nullAs().isEmpty() && text.isEmpty())) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT,
                    "the value '%s' cannot be written without quoting or escaping: it holds the delimiter or a line break, or reads back as NULL".formatted(text));
        }
        return text;
    }
}
