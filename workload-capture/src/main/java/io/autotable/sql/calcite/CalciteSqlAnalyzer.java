package io.autotable.sql.calcite;

import io.autotable.catalog.Catalog;
import io.autotable.sql.Analysis;
import io.autotable.sql.ParseError;
import io.autotable.sql.SqlAnalyzer;
import io.autotable.sql.SqlDialect;
import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;
import io.autotable.workload.Write;
import io.autotable.workload.WriteKind;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A {@link SqlAnalyzer} on Apache Calcite's Babel parser, which accepts the union of the common
 * dialects (Redshift's {@code DATEADD}, Spark's {@code INTERVAL 30 DAYS}, PostgreSQL's casts).
 * Only the parser is used: names are resolved against our catalog by {@link ShapeCollector}, not by
 * Calcite's validator, so no schema objects are needed and unknown tables do not fail a statement.
 *
 * <p>{@code COPY table FROM ...}, which Babel does not parse, is recognised lexically.
 * A statement that does not parse gives the parser's reason and position; a statement the walker
 * cannot handle (or one nested so deeply that the parser runs out of stack) gives a reason at the
 * statement's start. Nothing escapes as an exception.
 */
public final class CalciteSqlAnalyzer
        implements SqlAnalyzer
{
    private static final Pattern COPY = Pattern.compile(
            "\\s*copy\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"[^\"]+\"|[\\w$]+))*)[\\s(]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_VIEW = Pattern.compile(
            "\\s*create\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?view\\s+(?:\"[^\"]+\"|[\\w$.]+)\\s*(?:\\([^)]*\\))?\\s*as\\s",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_COMMENTS = Pattern.compile("\\A(?:\\s+|--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/)*", Pattern.DOTALL);

    @Override
    public Analysis analyze(String sql, Catalog catalog, SqlDialect dialect)
    {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(dialect, "dialect is null");
        if (sql == null || sql.isBlank()) {
            return Analysis.failed(new ParseError("the statement is empty", 1, 1));
        }
        try {
            SqlNodeList statements = SqlParser.create(sql, config(dialect)).parseStmtList();
            if (statements.isEmpty()) {
                return Analysis.failed(new ParseError("the statement is empty", 1, 1));
            }
            if (statements.size() > 1) {
                SqlParserPos second = statements.get(1).getParserPosition();
                return Analysis.failed(new ParseError("the text has %d statements; analyse one at a time".formatted(statements.size()),
                        Math.max(1, second.getLineNum()), Math.max(1, second.getColumnNum())));
            }
            ShapeCollector collector = new ShapeCollector(catalog);
            QueryShape shape = collector.collect(statements.get(0));
            return Analysis.of(shape, collector.warnings());
        }
        catch (SqlParseException e) {
            return copy(sql).or(() -> view(sql, catalog, dialect)).orElseGet(() -> Analysis.failed(parseError(e)));
        }
        catch (StackOverflowError e) {
            return Analysis.failed(new ParseError("the statement is nested too deeply to analyse", 1, 1));
        }
        catch (RuntimeException e) {
            // the walker met a construct it does not model; report it rather than guess
            return Analysis.failed(new ParseError("cannot analyse the statement: " + describe(e), 1, 1));
        }
    }

    private static SqlParser.Config config(SqlDialect dialect)
    {
        return SqlParser.config()
                .withParserFactory(SqlBabelParserImpl.FACTORY)
                .withConformance(SqlConformanceEnum.BABEL)
                .withQuoting(dialect == SqlDialect.SPARK ? Quoting.BACK_TICK : Quoting.DOUBLE_QUOTE)
                .withCaseSensitive(false)
                .withUnquotedCasing(Casing.TO_LOWER)
                .withQuotedCasing(Casing.UNCHANGED)
                .withIdentifierMaxLength(1024);
    }

    private static Optional<Analysis> copy(String sql)
    {
        Matcher leading = LEADING_COMMENTS.matcher(sql);
        int start = leading.lookingAt() ? leading.end() : 0;
        Matcher matcher = COPY.matcher(sql + " ");
        matcher.region(start, sql.length() + 1);
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        String qualified = matcher.group(1);
        String table = qualified.substring(qualified.lastIndexOf('.') + 1).strip();
        QueryShape shape = new QueryShape(StatementKind.COPY, List.of(), List.of(new Write(table, WriteKind.COPY)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), false, List.of());
        return Optional.of(Analysis.of(shape, List.of()));
    }

    /**
     * {@code CREATE [OR REPLACE] [MATERIALIZED] VIEW v AS query}, which Babel does not parse: the
     * query is what the statement reads, so its shape is the view's, as a DDL statement.
     */
    private Optional<Analysis> view(String sql, Catalog catalog, SqlDialect dialect)
    {
        Matcher leading = LEADING_COMMENTS.matcher(sql);
        int start = leading.lookingAt() ? leading.end() : 0;
        Matcher matcher = CREATE_VIEW.matcher(sql);
        matcher.region(start, sql.length());
        if (!matcher.lookingAt()) {
            return Optional.empty();
        }
        Analysis query = analyze(sql.substring(matcher.end()), catalog, dialect);
        return query.shape().map(shape -> Analysis.of(new QueryShape(StatementKind.DDL, shape.tablesRead(), shape.writes(), shape.columns(), shape.joins(),
                shape.predicates(), shape.groupBy(), shape.orderBy(), shape.partitionBy(), shape.distinct(), shape.aggregates()), query.warnings()));
    }

    private static ParseError parseError(SqlParseException e)
    {
        SqlParserPos position = e.getPos();
        int line = position == null ? 1 : Math.max(1, position.getLineNum());
        int column = position == null ? 1 : Math.max(1, position.getColumnNum());
        return new ParseError(describe(e), line, column);
    }

    private static String describe(Throwable e)
    {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StackOverflowError) {
                return "the statement is nested too deeply to analyse";
            }
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return firstLine(cause.getMessage());
            }
        }
        return e.getClass().getSimpleName();
    }

    private static String firstLine(String message)
    {
        String line = message.strip();
        int newline = line.indexOf('\n');
        line = newline < 0 ? line : line.substring(0, newline).strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
