package io.autotable.simulator.load;

import io.autotable.capture.BadRecord;
import io.autotable.capture.SourceFiles;
import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Identifiers;
import io.autotable.catalog.Table;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.error.AutotableException;
import io.autotable.error.ErrorCode;
import io.autotable.repository.CatalogEntry;
import io.autotable.repository.JournalEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.data.RowSink;
import io.autotable.simulator.load.CsvRecordReader.CsvRecord;
import io.autotable.simulator.load.FieldParsers.FieldParser;
import io.autotable.simulator.stats.StatsOptions;
import io.autotable.simulator.stats.TableStats;
import io.autotable.simulator.stats.TableStatsCollector;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.simulator.warehouse.RowPipeline;
import io.autotable.simulator.warehouse.TableLoad;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Loads delimited text files (CSV, Redshift UNLOAD output; gzip or not) into a table of the
 * embedded warehouse, computing its statistics while the rows go in, as benchmark loads do.
 *
 * <p>Columns: the catalog's, when it has the table (from {@code catalog import ddl}, or an earlier
 * load); else inferred from the files by a first pass over them ({@link TypeInference}). With a
 * header the fields are matched to columns by name, in any order (a column the header lacks is
 * NULL); without one, by position.
 *
 * <p>Bad input never stops the load: a record that is not valid CSV, has the wrong number of
 * fields, holds bytes that are not UTF-8, or a value its column's type cannot hold
 * ({@link FieldParsers}) is rejected, reported to the caller with file, line, column and reason,
 * and the load goes on. More than {@link CsvLoadRequest#maxErrors()} rejected rows stop it.
 *
 * <p>Never half-loaded: rows go into a staging table; the table is replaced only after the last
 * row, when nothing was stopped. A load that stops (too many rejected rows, {@link #cancel()},
 * an error) drops the staging table and leaves the table and its catalog entry as they were.
 * The replacement itself is two statements in the warehouse (H2 commits DDL) and two
 * transactions in the repository, in this order: the table is marked INCOMPLETE, replaced,
 * then stored COMPLETE with its statistics and design. A process killed in those milliseconds
 * leaves the table marked INCOMPLETE, never a partial table taken for a complete one.
 */
public final class CsvLoader
{
    private final WorkloadRepository repository;
    private final EmbeddedWarehouse warehouse;
    private final StatsOptions statsOptions;
    private final CsvLoadListener listener;
    private volatile boolean cancelled;

    public CsvLoader(WorkloadRepository repository, EmbeddedWarehouse warehouse, StatsOptions statsOptions, CsvLoadListener listener)
    {
        this.repository = requireNonNull(repository, "repository is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.statsOptions = requireNonNull(statsOptions, "statsOptions is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    /**
     * Asks a running load to stop after the chunk of rows it is writing, from any thread (a
     * shutdown hook on Ctrl-C). The table stays as it was; {@link #load} throws
     * {@link ErrorCode#INTERRUPTED}.
     */
    public void cancel()
    {
        cancelled = true;
    }

    /**
     * Loads the files into the table, replacing its rows.
     *
     * @param rejects told every rejected row, on a thread of the load's own
     * @throws SimulatorException with {@link ErrorCode#FILE_NOT_FOUND} for a missing file,
     *         {@link ErrorCode#INVALID_ARGUMENT} when there are no columns to load into (no DDL, no
     *         data) or a header names unknown columns, {@link ErrorCode#TOO_MANY_REJECTED_ROWS},
     *         {@link ErrorCode#INTERRUPTED}; in every case the table is as it was
     */
    public CsvLoadResult load(CsvLoadRequest request, Consumer<BadRecord> rejects)
    {
        requireNonNull(request, "request is null");
        requireNonNull(rejects, "rejects is null");
        long totalBytes = checkFiles(request.files());
        String name = request.table();
        Optional<CatalogEntry> entry = repository.catalogEntry(name);
        OptionalLong sampleOf = sampleRows(request, entry);

        long inferenceStarted = System.nanoTime();
        boolean inferred = entry.isEmpty();
        long rowsInferred = 0;
        List<Column> columns;
        if (entry.isPresent()) {
            columns = entry.get().table().columns().stream().map(column -> new Column(column.name(), column.type(), column.nullable(), Optional.empty())).toList();
        }
        else {
            listener.inferringTypes(request.files().get(0));
            Inferred guess = infer(request);
            columns = guess.columns();
            rowsInferred = guess.rows();
        }
        Duration inference = inferred ? Duration.ofNanos(System.nanoTime() - inferenceStarted) : Duration.ZERO;
        Table declared = entry.map(CatalogEntry::table).orElseGet(() -> Table.declared(name, columns));
        listener.columnsChosen(Table.declared(name, columns), inferred, rowsInferred);

        long started = System.nanoTime();
        Table staging = Table.declared(EmbeddedWarehouse.STAGING_TABLE, columns);
        listener.tableStarted(name, 0);
        warehouse.createTable(staging);
        Rows rows = new Rows(request, columns, rejects);
        TableStatsCollector stats = new TableStatsCollector(columns, statsOptions);
        try {
            long loaded = RowPipeline.run(
                    warehouse,
                    staging,
                    stats,
                    rows::produce,
                    () -> cancelled,
                    written -> progress(name, written, rows.bytesRead(), totalBytes),
                    () -> interrupted(name));
            long rejected = rows.rejected();
            if (loaded == 0 && rejected > 0) {
                throw new SimulatorException(ErrorCode.TOO_MANY_REJECTED_ROWS,
                        "no row could be loaded into %s: all %,d were rejected, the first because %s; check --format, --delimiter, --quote and --header; table %s is unchanged"
                                .formatted(name, rejected, rows.firstRejection(), name));
            }
            List<String> warnings = new ArrayList<>();
            TableStats tableStats = finishStats(stats, loaded, sampleOf, entry, warnings);
            if (cancelled) {
                throw interrupted(name);
            }
            Table loadedTable = declared.withData(tableStats.columns(), tableStats.rows(), tableStats.sizeBytes());
            String origin = origin(request, loaded, tableStats.rows(), sampleOf);
            replace(name, declared, loadedTable, origin);
            Duration load = Duration.ofNanos(System.nanoTime() - started);
            listener.tableFinished(new TableLoad(name, loaded, loadedTable.sizeBytes(), load));
            repository.appendJournal(JournalEntry.of("load", Optional.of(name), "%s: %d rows loaded, %d rejected in %.1f s".formatted(
                    origin, loaded, rejected, load.toMillis() / 1000.0)));
            return new CsvLoadResult(loadedTable, loaded, rejected, rows.bytesRead(), inferred,
                    sampleOf.isPresent() && sampleOf.getAsLong() > loaded ? sampleOf : OptionalLong.empty(), inference, load, warnings);
        }
        catch (RuntimeException e) {
            dropStagingQuietly(e);
            throw e;
        }
    }

    private OptionalLong sampleRows(CsvLoadRequest request, Optional<CatalogEntry> entry)
    {
        if (request.sample().isEmpty()) {
            return OptionalLong.empty();
        }
        OptionalLong given = request.sample().get().tableRows();
        if (given.isPresent()) {
            return given;
        }
        if (entry.isPresent() && entry.get().table().rows() > 0) {
            return OptionalLong.of(entry.get().table().rows());
        }
        throw new SimulatorException(ErrorCode.INVALID_ARGUMENT,
                "the catalog does not know how many rows table %s has: give them (--sample-of N), or import Redshift's SVV_TABLE_INFO first ('autotable catalog import redshift-svv-table-info FILE')"
                        .formatted(request.table()));
    }

    /**
     * Checks that every file exists and is a regular file, before anything is written.
     *
     * @return the files' bytes
     * @throws SimulatorException with {@link ErrorCode#FILE_NOT_FOUND} or {@link ErrorCode#FILE_NOT_READABLE}, naming the file
     */
    public static long checkFiles(List<Path> files)
    {
        long bytes = 0;
        for (Path file : files) {
            bytes += checkedSize(file);
        }
        return bytes;
    }

    private static long checkedSize(Path file)
    {
        if (!Files.exists(file)) {
            throw new SimulatorException(ErrorCode.FILE_NOT_FOUND, "%s does not exist: check the path; nothing was loaded".formatted(file));
        }
        if (!Files.isRegularFile(file)) {
            throw new SimulatorException(ErrorCode.FILE_NOT_READABLE, "%s is not a file: name the files to load; nothing was loaded".formatted(file));
        }
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new SimulatorException(ErrorCode.FILE_NOT_READABLE, "cannot read %s (%s); nothing was loaded".formatted(file, e.getMessage()), e);
        }
    }

    private record Inferred(List<Column> columns, long rows) {}

    /** Reads every file once: column names from the first header (or {@code column_1...}), types from the fields. */
    private Inferred infer(CsvLoadRequest request)
    {
        List<String> names = null;
        TypeInference inference = null;
        for (Path file : request.files()) {
            try (CsvRecordReader reader = CsvRecordReader.open(file, request.format())) {
                int[] mapping = null;
                while (true) {
                    if (cancelled) {
                        throw interrupted(request.table());
                    }
                    Optional<CsvRecord> next = reader.next();
                    if (next.isEmpty()) {
                        break;
                    }
                    CsvRecord record = next.get();
                    if (request.format().header() && mapping == null) {
                        if (names == null) {
                            names = headerNames(file, record);
                            inference = new TypeInference(names.size());
                        }
                        mapping = headerMapping(file, record, names, request.table()).fieldToColumn();
                        continue;
                    }
                    if (names == null) {
                        if (record.problem().isPresent() || record.isBlank()) {
                            continue;
                        }
                        names = new ArrayList<>();
                        for (int i = 1; i <= record.values().length; i++) {
                            names.add("column_" + i);
                        }
                        inference = new TypeInference(names.size());
                    }
                    if (mapping == null) {
                        mapping = identity(names.size());
                    }
                    if (record.problem().isPresent() || record.values().length != mapping.length || names.size() > 1 && record.isBlank()) {
                        // the load rejects it with its reason
                        continue;
                    }
                    String[] ordered = new String[names.size()];
                    for (int i = 0; i < mapping.length; i++) {
                        ordered[mapping[i]] = record.values()[i];
                    }
                    inference.add(ordered);
                }
            }
        }
        if (inference == null || inference.rows() == 0) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT,
                    "table %s is not in the catalog and %s %s no rows to infer its columns from: import its DDL first ('autotable catalog import ddl FILE')"
                            .formatted(request.table(), request.files().size() == 1 ? request.files().get(0) : "the files", request.files().size() == 1 ? "has" : "have"));
        }
        List<ColumnType> types = inference.types();
        List<Column> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            columns.add(Column.of(names.get(i), types.get(i)));
        }
        return new Inferred(columns, inference.rows());
    }

    private static List<String> headerNames(Path file, CsvRecord header)
    {
        if (header.problem().isPresent()) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "%s:%d: the header cannot be read: %s; fix it, or load with --no-header"
                    .formatted(file, header.line(), header.problem().get().reason()));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.values().length; i++) {
            String value = header.values()[i];
            if (value == null || value.isBlank()) {
                throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "%s:%d: header field %d is empty: name every column, or load with --no-header"
                        .formatted(file, header.line(), i + 1));
            }
            try {
                String name = Identifiers.normalize(stripBom(value), "column");
                if (names.contains(name)) {
                    throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "%s:%d: the header names column %s twice".formatted(file, header.line(), name));
                }
                names.add(name);
            }
            catch (AutotableException e) {
                if (e instanceof SimulatorException) {
                    throw e;
                }
                throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "%s:%d: header field %d: %s".formatted(file, header.line(), i + 1, e.getMessage()), e);
            }
        }
        return names;
    }

    private static String stripBom(String value)
    {
        return value.startsWith("\uFEFF") ? value.substring(1) : value;
    }

    /** Which column each header field is, and the columns no field gives. */
    private record HeaderMapping(int[] fieldToColumn) {}

    private static HeaderMapping headerMapping(Path file, CsvRecord header, List<String> columnNames, String table)
    {
        List<String> names = headerNames(file, header);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < columnNames.size(); i++) {
            byName.put(columnNames.get(i), i);
        }
        int[] mapping = new int[names.size()];
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Integer column = byName.get(names.get(i));
            if (column == null) {
                unknown.add(names.get(i));
            }
            else {
                mapping[i] = column;
            }
        }
        if (!unknown.isEmpty()) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT,
                    "%s:%d: the header names %s, which table %s does not have (it has: %s): fix the header, or load with --no-header to take the fields in the table's column order; nothing was loaded"
                            .formatted(file, header.line(), String.join(", ", unknown), table, String.join(", ", columnNames)));
        }
        return new HeaderMapping(mapping);
    }

    private static int[] identity(int size)
    {
        int[] mapping = new int[size];
        Arrays.setAll(mapping, i -> i);
        return mapping;
    }

    private void progress(String table, long written, long bytesRead, long totalBytes)
    {
        if (bytesRead > 0 && totalBytes > 0) {
            listener.expectedRowsRevised(table, Math.max(written, Math.round((double) written * totalBytes / bytesRead)));
        }
        listener.rowsLoaded(table, written);
    }

    private TableStats finishStats(TableStatsCollector stats, long loaded, OptionalLong sampleOf, Optional<CatalogEntry> entry, List<String> warnings)
    {
        if (sampleOf.isPresent()) {
            if (sampleOf.getAsLong() <= loaded) {
                warnings.add("the table's %,d rows (--sample-of) are not more than the %,d rows loaded: the statistics are the loaded rows' own, unscaled"
                        .formatted(sampleOf.getAsLong(), loaded));
                return stats.finish();
            }
            return stats.finishSample(sampleOf.getAsLong());
        }
        long known = entry.filter(e -> e.state() == TableState.DECLARED).map(e -> e.table().rows()).orElse(0L);
        if (known > loaded) {
            warnings.add("the catalog says table %s has %,d rows (from SVV_TABLE_INFO) but %,d were loaded: if they are a sample, load them again with --sample-of to scale the statistics to the table"
                    .formatted(entry.get().table().name(), known, loaded));
        }
        return stats.finish();
    }

    private static String origin(CsvLoadRequest request, long loaded, long tableRows, OptionalLong sampleOf)
    {
        String files = request.files().size() == 1
                ? request.files().get(0).getFileName().toString()
                : "%d files (%s, ...)".formatted(request.files().size(), request.files().get(0).getFileName());
        if (sampleOf.isPresent() && tableRows > loaded) {
            return "load %s (a sample of %d rows, scaled to %d)".formatted(files, loaded, tableRows);
        }
        return "load " + files;
    }

    private void replace(String name, Table previous, Table loaded, String origin)
    {
        TableDesign design = repository.design().table(name);
        repository.saveTable(previous, TableState.INCOMPLETE, origin + ": replacing the table");
        warehouse.replaceTable(EmbeddedWarehouse.STAGING_TABLE, name);
        repository.saveTables(List.of(loaded), TableState.COMPLETE, origin, PhysicalDesign.empty().with(name, design));
    }

    private void dropStagingQuietly(RuntimeException failure)
    {
        try {
            warehouse.dropTable(EmbeddedWarehouse.STAGING_TABLE);
        }
        catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static SimulatorException interrupted(String table)
    {
        return new SimulatorException(ErrorCode.INTERRUPTED, "the load was interrupted: table %s is unchanged".formatted(table));
    }

    /** The rows of every file, parsed, on the pipeline's producer thread. */
    private final class Rows
    {
        private final CsvLoadRequest request;
        private final List<Column> columns;
        private final FieldParser[] parsers;
        private final boolean[] text;
        private final Consumer<BadRecord> rejects;
        private final AtomicLong rejected = new AtomicLong();
        private final AtomicLong bytesDone = new AtomicLong();
        private volatile CsvRecordReader current;
        private volatile String firstRejection = "";

        Rows(CsvLoadRequest request, List<Column> columns, Consumer<BadRecord> rejects)
        {
            this.request = request;
            this.columns = columns;
            this.rejects = rejects;
            this.parsers = new FieldParser[columns.size()];
            this.text = new boolean[columns.size()];
            for (int i = 0; i < parsers.length; i++) {
                parsers[i] = FieldParsers.forType(columns.get(i).type());
                text[i] = columns.get(i).type().isText();
            }
        }

        long rejected()
        {
            return rejected.get();
        }

        String firstRejection()
        {
            return firstRejection;
        }

        long bytesRead()
        {
            CsvRecordReader reader = current;
            return bytesDone.get() + (reader == null ? 0 : reader.bytesRead());
        }

        void produce(RowSink sink)
        {
            List<String> names = columns.stream().map(Column::name).toList();
            for (Path file : request.files()) {
                try (CsvRecordReader reader = CsvRecordReader.open(file, request.format())) {
                    current = reader;
                    int[] mapping = request.format().header() ? null : identity(columns.size());
                    while (!Thread.currentThread().isInterrupted()) {
                        Optional<CsvRecord> next = reader.next();
                        if (next.isEmpty()) {
                            break;
                        }
                        CsvRecord record = next.get();
                        if (mapping == null) {
                            mapping = headerMapping(file, record, names, request.table()).fieldToColumn();
                            checkMissingColumns(file, record, mapping);
                            continue;
                        }
                        Object[] row = row(file, record, mapping);
                        if (row != null) {
                            sink.accept(row);
                        }
                    }
                    bytesDone.addAndGet(reader.bytesRead());
                    current = null;
                }
            }
        }

        private void checkMissingColumns(Path file, CsvRecord header, int[] mapping)
        {
            boolean[] given = new boolean[columns.size()];
            for (int column : mapping) {
                given[column] = true;
            }
            for (int i = 0; i < given.length; i++) {
                if (!given[i] && !columns.get(i).nullable()) {
                    throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "%s:%d: the header has no field for column %s, which is NOT NULL: add it; nothing was loaded"
                            .formatted(file, header.line(), columns.get(i).name()));
                }
            }
        }

        /** The record as a row of the table's values, or {@code null} when it is rejected. */
        private Object[] row(Path file, CsvRecord record, int[] mapping)
        {
            if (record.problem().isPresent()) {
                CsvRecordReader.Problem problem = record.problem().get();
                reject(file, record, problem.field() == 0 || problem.field() > mapping.length
                        ? problem.reason()
                        : "%s: %s".formatted(describeColumn(mapping[problem.field() - 1]), problem.reason()));
                return null;
            }
            String[] values = record.values();
            if (values.length != mapping.length) {
                if (mapping.length > 1 && record.isBlank()) {
                    return null;
                }
                reject(file, record, "has %d fields, %s %d".formatted(values.length,
                        request.format().header() ? "the header has" : "the table has columns for", mapping.length));
                return null;
            }
            Object[] row = new Object[columns.size()];
            for (int field = 0; field < values.length; field++) {
                int column = mapping[field];
                String value = values[field];
                if (value != null && !text[column] && value.isBlank()) {
                    // COPY loads an empty field of a non-text column as NULL
                    value = null;
                }
                if (value == null) {
                    if (!columns.get(column).nullable()) {
                        reject(file, record, "%s: NULL in a NOT NULL column".formatted(describeColumn(column)));
                        return null;
                    }
                    continue;
                }
                try {
                    row[column] = parsers[column].parse(value);
                }
                catch (IllegalArgumentException e) {
                    reject(file, record, "%s: %s".formatted(describeColumn(column), e.getMessage()));
                    return null;
                }
            }
            return row;
        }

        private String describeColumn(int column)
        {
            Column described = columns.get(column);
            return "column %d (%s %s)".formatted(column + 1, described.name(), described.type());
        }

        private void reject(Path file, CsvRecord record, String reason)
        {
            long count = rejected.incrementAndGet();
            if (count == 1) {
                firstRejection = "%s:%d: %s".formatted(file, record.line(), reason);
            }
            StringBuilder excerpt = new StringBuilder();
            for (int i = 0; i < record.values().length && excerpt.length() <= BadRecord.MAX_EXCERPT; i++) {
                if (i > 0) {
                    excerpt.append(request.format().delimiter());
                }
                String value = record.values()[i];
                excerpt.append(value == null ? "" : value);
            }
            rejects.accept(new BadRecord(file.toString(), record.line(), reason, SourceFiles.excerpt(excerpt)));
            if (request.maxErrors().isPresent() && count > request.maxErrors().getAsLong()) {
                throw new SimulatorException(ErrorCode.TOO_MANY_REJECTED_ROWS,
                        "the load stopped at its %,d%s rejected row (--max-errors %d), %s:%d: table %s is unchanged"
                                .formatted(count, ordinalSuffix(count), request.maxErrors().getAsLong(), file, record.line(), request.table()));
            }
        }
    }

    private static String ordinalSuffix(long n)
    {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        return switch ((int) (n % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
