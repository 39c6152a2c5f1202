package io.autotable.simulator.workload.files;

import io.autotable.catalog.Catalog;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.workload.DriftStatements;
import io.autotable.simulator.workload.QuerySet;
import io.autotable.simulator.workload.QueryTemplate;
import io.autotable.sql.Analysis;
import io.autotable.sql.ParseError;
import io.autotable.sql.SqlAnalyzer;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.SqlStatements;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.sql.fingerprint.LexicalFingerprinter;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Query templates read from SQL files, for benchmarks whose query text cannot ship with autotable
 * (TPC-DS's, under the TPC's licence) or to replace a benchmark's shipped templates. A directory
 * stands for its {@code *.sql} files (not those of its subdirectories), in name order. Each file
 * is one template, named for the file without {@code .sql} (its path when two files share a
 * name); its statements, split at semicolons outside quotes and comments, run in order.
 *
 * <p>A file that cannot be read (missing, not UTF-8), that has no statement, that leaves a string
 * or comment open, or one of whose statements autotable's SQL analyser cannot parse in any of its
 * dialects, is left out with a problem naming it; the other files are used. Parameters vary as
 * {@link LiteralParameters} says, its pools made from all the files used.
 */
public final class QueryFiles
{
    private static final SqlAnalyzer ANALYZER = new CalciteSqlAnalyzer();

    private QueryFiles() {}

    /**
     * @param firstYear the first year of the benchmark's data, for moving dates
     * @param lastYear the last year of the benchmark's data
     * @throws SimulatorException with {@link ErrorCode#FILE_NOT_READABLE} when no file can be used, listing why for each
     */
    public static QuerySet read(String benchmark, List<Path> paths, int firstYear, int lastYear, DriftStatements drift)
    {
        requireNonNull(benchmark, "benchmark is null");
        requireNonNull(paths, "paths is null");
        requireNonNull(drift, "drift is null");
        List<String> problems = new ArrayList<>();
        List<QueryTemplate> templates = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path file : files(paths, problems)) {
            read(file, problems).ifPresent(statements -> {
                String name = file.getFileName().toString().replaceFirst("(?i)\\.sql$", "");
                templates.add(new QueryTemplate(names.add(name) ? name : file.toString(), statements));
            });
        }
        if (templates.isEmpty()) {
            throw new SimulatorException(ErrorCode.FILE_NOT_READABLE, "no usable query file in %s: %s".formatted(paths, String.join("; ", problems)));
        }
        LiteralParameters parameters = new LiteralParameters(templates, firstYear, lastYear);
        List<String> unvaried = templates.stream().filter(template -> !parameters.varies(template)).map(QueryTemplate::name).toList();
        return new QuerySet(benchmark, "queries=" + fingerprint(templates), templates, parameters, drift, unvaried, problems);
    }

    private static List<Path> files(List<Path> paths, List<String> problems)
    {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> listed = Files.list(path)) {
                    List<Path> sql = listed.filter(file -> Files.isRegularFile(file) && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")).sorted().toList();
                    if (sql.isEmpty()) {
                        problems.add("%s: the directory has no .sql file".formatted(path));
                    }
                    files.addAll(sql);
                }
                catch (IOException e) {
                    problems.add("%s: cannot list the directory: %s".formatted(path, e.getMessage()));
                }
            }
            else if (Files.exists(path)) {
                files.add(path);
            }
            else {
                problems.add("%s: no such file or directory".formatted(path));
            }
        }
        return files;
    }

    /** A file's statements, or empty with a problem naming the file. */
    private static Optional<List<String>> read(Path file, List<String> problems)
    {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (CharacterCodingException e) {
            problems.add("%s: cannot be read: it is not UTF-8 text".formatted(file));
            return Optional.empty();
        }
        catch (IOException e) {
            problems.add("%s: cannot be read: %s".formatted(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return Optional.empty();
        }
        List<String> statements = SqlStatements.split(text);
        if (statements.isEmpty()) {
            problems.add("%s: has no SQL statement".formatted(file));
            return Optional.empty();
        }
        int searchFrom = 0;
        for (int i = 0; i < statements.size(); i++) {
            String statement = statements.get(i);
            int offset = Math.max(0, text.indexOf(statement, searchFrom));
            searchFrom = offset + statement.length();
            int line = (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
            try {
                SqlTokens.tokenize(statement);
            }
            catch (SimulatorException e) {
                problems.add("%s: statement %d (line %d) does not parse: %s".formatted(file, i + 1, line, e.getMessage()));
                return Optional.empty();
            }
            Optional<ParseError> error = parseError(statement);
            if (error.isPresent()) {
                problems.add("%s: statement %d does not parse: line %d, column %d: %s"
                        .formatted(file, i + 1, line + error.get().line() - 1, error.get().column(), error.get().reason()));
                return Optional.empty();
            }
        }
        return Optional.of(statements);
    }

    /** Empty when the statement parses in one of the analyser's dialects; the Redshift dialect's error otherwise. */
    private static Optional<ParseError> parseError(String statement)
    {
        Optional<ParseError> first = Optional.empty();
        for (SqlDialect dialect : List.of(SqlDialect.REDSHIFT, SqlDialect.SPARK)) {
            Analysis analysis = ANALYZER.analyze(statement, Catalog.empty(), dialect);
            if (analysis.succeeded()) {
                return Optional.empty();
            }
            first = first.or(analysis::error);
        }
        return first;
    }

    private static String fingerprint(List<QueryTemplate> templates)
    {
        StringBuilder all = new StringBuilder();
        for (QueryTemplate template : templates) {
            all.append(template.name()).append('\u0000');
            template.statements().forEach(statement -> all.append(statement).append('\u0000'));
        }
        return "%016x".formatted(LexicalFingerprinter.hash(all));
    }
}
