package io.autotable.sql;

import io.autotable.catalog.Catalog;
import io.autotable.ddl.jsqlparser.JSqlParserDdlParser;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.testing.BenchmarkFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The benchmark statements of {@code shared/benchmarks}, each with the catalog and dialect to
 * analyse it with.
 *
 * <p>Files are split on semicolons outside quotes and comments. Statements that are not queries
 * are skipped: session settings ({@code set schema 'ssb'} in the LucidDB variants); comments
 * between statements (the Redshift streams' {@code -- start template} lines) are not statements.
 */
final class BenchmarkWorkloads
{
    private static final Map<String, Catalog> CATALOGS = new ConcurrentHashMap<>();
    private static final SqlAnalyzer ANALYZER = new CalciteSqlAnalyzer();
    /** The Redshift streams repeat their templates across scales: each distinct text is analysed once. */
    private static final Map<Statement, Analysis> ANALYSES = new ConcurrentHashMap<>();

    private BenchmarkWorkloads() {}

    /**
     * @param name where it comes from: file and statement number
     */
    record Statement(String directory, String name, String sql, Catalog catalog, SqlDialect dialect)
    {
        Statement
        {
            requireNonNull(directory, "directory is null");
            requireNonNull(name, "name is null");
            requireNonNull(sql, "sql is null");
            requireNonNull(catalog, "catalog is null");
            requireNonNull(dialect, "dialect is null");
        }

        @Override
        public String toString()
        {
            return name;
        }

        /** Statements are the same work when their text, catalog and dialect are. */
        @Override
        public boolean equals(Object other)
        {
            return other instanceof Statement that && sql.equals(that.sql) && catalog.equals(that.catalog) && dialect == that.dialect;
        }

        @Override
        public int hashCode()
        {
            return sql.hashCode();
        }
    }

    static Analysis analyze(Statement statement)
    {
        return ANALYSES.computeIfAbsent(statement, key -> ANALYZER.analyze(key.sql(), key.catalog(), key.dialect()));
    }

    static Catalog catalog(String schemaFile)
    {
        return CATALOGS.computeIfAbsent(schemaFile, file -> new JSqlParserDdlParser().parse(BenchmarkFiles.path(file)).catalog());
    }

    static List<Statement> tpch()
    {
        return statements("tpch/queries", catalog("tpch/schema.sql"), SqlDialect.ANSI);
    }

    static List<Statement> tpcdsSpark()
    {
        return statements("tpcds/queries", catalog("tpcds/schema.sql"), SqlDialect.SPARK);
    }

    static List<Statement> tpcdsDuckdb()
    {
        return statements("tpcds/queries_duckdb", catalog("tpcds/schema.sql"), SqlDialect.POSTGRESQL);
    }

    static List<Statement> ssb()
    {
        return statements("ssb/queries", catalog("ssb/schema.sql"), SqlDialect.ANSI);
    }

    static List<Statement> ssbLuciddb()
    {
        return statements("ssb/queries_luciddb", catalog("ssb/schema_luciddb.sql"), SqlDialect.ANSI);
    }

    /** Every query of the Redshift streams, against the TPC-DS or TPC-H catalog they derive from. */
    static List<Statement> redshift()
    {
        List<Statement> statements = new ArrayList<>();
        for (Path directory : queryDirectories()) {
            String relative = BenchmarkFiles.root().relativize(directory).toString();
            Catalog catalog = relative.contains("TPCDS") ? catalog("tpcds/schema.sql") : catalog("tpch/schema.sql");
            statements.addAll(statements(relative, catalog, SqlDialect.REDSHIFT));
        }
        return statements;
    }

    static List<Statement> all()
    {
        List<Statement> statements = new ArrayList<>();
        statements.addAll(tpch());
        statements.addAll(tpcdsSpark());
        statements.addAll(tpcdsDuckdb());
        statements.addAll(ssb());
        statements.addAll(ssbLuciddb());
        statements.addAll(redshift());
        return statements;
    }

    private static List<Path> queryDirectories()
    {
        try (Stream<Path> paths = Files.walk(BenchmarkFiles.root().resolve("redshift-tpcds"))) {
            return paths.filter(Files::isDirectory)
                    .filter(path -> path.getFileName().toString().equals("queries"))
                    .sorted()
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Statement> statements(String relativeDirectory, Catalog catalog, SqlDialect dialect)
    {
        Path directory = BenchmarkFiles.root().resolve(relativeDirectory);
        List<Statement> statements = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".sql")).sorted().toList()) {
                List<String> pieces = SqlStatements.split(Files.readString(file, StandardCharsets.UTF_8));
                int number = 0;
                for (String piece : pieces) {
                    if (isSessionSetting(piece)) {
                        continue;
                    }
                    number++;
                    String name = "%s/%s#%d".formatted(relativeDirectory, file.getFileName(), number);
                    statements.add(new Statement(relativeDirectory, name, piece, catalog, dialect));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return statements;
    }

    private static boolean isSessionSetting(String statement)
    {
        String code = statement.replaceAll("(?m)^\\s*--.*$", "").strip().toLowerCase(Locale.ROOT);
        return code.startsWith("set ");
    }
}
