package io.autotable.ddl.jsqlparser;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Identifiers;
import io.autotable.catalog.Table;
import io.autotable.ddl.DdlImport;
import io.autotable.ddl.DdlParser;
import io.autotable.ddl.jsqlparser.SqlScript.Token;
import io.autotable.ddl.jsqlparser.SqlScript.TokenKind;
import io.autotable.design.DistStyle;
import io.autotable.design.Encoding;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A {@link DdlParser} on JSqlParser. The script is split into statements by {@link SqlScript};
 * each CREATE TABLE is parsed by JSqlParser, which reads names, columns, types, constraints and
 * keeps Redshift's clauses as raw tokens (table options, column specs) that this class interprets.
 * <p>
 * JSqlParser 5.4 accepts {@code DISTKEY(c)}, {@code [COMPOUND|INTERLEAVED] SORTKEY(...)},
 * {@code DISTSTYLE EVEN|KEY} and column-level {@code ENCODE x}, {@code DISTKEY}, {@code SORTKEY},
 * but rejects a table option whose value is one of its reserved words: {@code DISTSTYLE ALL},
 * {@code DISTSTYLE AUTO}, {@code SORTKEY AUTO}, {@code ENCODE AUTO}, {@code BACKUP NO}. Before
 * parsing, the bare-word value of those options (outside parentheses only) is quoted,
 * {@code DISTSTYLE "ALL"}, which the parser accepts as an ordinary option and which is unquoted
 * again here.
 * <p>
 * Rules, following Redshift:
 * <ul>
 * <li>names are folded to lower case; a schema-qualified name {@code s.t} imports as {@code t},
 * since the catalog is one flat namespace matched against queries that rarely qualify their
 * tables; two tables of the same name in different schemas are an error;</li>
 * <li>NOT NULL and PRIMARY KEY (column or table constraint) make a column NOT NULL; other
 * constraints, defaults and identities are ignored;</li>
 * <li>a DISTKEY without DISTSTYLE means KEY; no distribution clause means EVEN (Redshift would
 * choose AUTO); DISTSTYLE AUTO imports as EVEN with a warning, SORTKEY AUTO as no sort key with a
 * warning;</li>
 * <li>DISTSTYLE KEY without a DISTKEY, a DISTKEY with DISTSTYLE EVEN, ALL or AUTO, a DISTKEY or
 * SORTKEY naming a column the table lacks, two different DISTKEYs, a sort key declared on both a
 * column and the table, or an unknown type or encoding fail the import;</li>
 * <li>CREATE TABLE AS and CREATE TABLE (LIKE ...) have no column list to import: they are skipped
 * with a warning; other table options (BACKUP, ENGINE, ...) are ignored with a warning.</li>
 * </ul>
 * The import is all or nothing: the first statement that cannot be imported throws, naming the
 * source, the line where that statement starts and its beginning, so that callers can apply a
 * {@link DdlImport} atomically. Statements other than CREATE TABLE are skipped without a warning.
 * <p>
 * Thread-safe: it holds no state. Linear in the script's length.
 */
public final class JSqlParserDdlParser
        implements DdlParser
{
    private static final int EXCERPT_LENGTH = 60;
    private static final Set<String> TABLE_MODIFIERS = Set.of("LOCAL", "GLOBAL", "TEMP", "TEMPORARY", "UNLOGGED");
    private static final Set<String> OPTIONS_WITH_WORD_VALUES = Set.of("DISTSTYLE", "SORTKEY", "ENCODE", "BACKUP");
    private static final String SYNTAX_HINT = "fix the statement (autotable reads standard CREATE TABLE with Redshift's DISTSTYLE, DISTKEY, SORTKEY and ENCODE clauses) or remove it";
    private static final String COLUMN_HINT = "name a column the table declares";

    @Override
    public DdlImport parse(String text, String sourceName)
    {
        requireNonNull(text, "text is null");
        requireNonNull(sourceName, "sourceName is null");
        List<SqlScript.Statement> statements = SqlScript.split(text, sourceName);
        List<String> warnings = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        Map<String, TableDesign> designs = new HashMap<>();
        Map<String, Integer> createdAt = new HashMap<>();
        int skipped = 0;
        for (SqlScript.Statement statement : statements) {
            if (!isCreateTable(statement)) {
                skipped++;
                continue;
            }
            Optional<Declared> declared = new StatementImport(statement, sourceName, warnings).run();
            if (declared.isEmpty()) {
                skipped++;
                continue;
            }
            Table table = declared.get().table();
            Integer previous = createdAt.putIfAbsent(table.name(), statement.line());
            if (previous != null) {
                throw error(sourceName, statement, "table %s was already created at line %d".formatted(table.name(), previous),
                        "drop one of the two statements (schemas are not kept, so s1.t and s2.t are the same table)");
            }
            tables.add(table);
            designs.put(table.name(), declared.get().design());
        }
        return new DdlImport(new Catalog(tables), new PhysicalDesign(designs), warnings, statements.size(), skipped);
    }

    private static boolean isCreateTable(SqlScript.Statement statement)
    {
        List<Token> tokens = statement.tokens();
        if (!tokens.get(0).isWord("CREATE")) {
            return false;
        }
        int i = 1;
        while (i < tokens.size() && tokens.get(i).kind() == TokenKind.WORD && TABLE_MODIFIERS.contains(tokens.get(i).text().toUpperCase(Locale.ROOT))) {
            i++;
        }
        return i < tokens.size() && tokens.get(i).isWord("TABLE");
    }

    private record Declared(Table table, TableDesign design) {}

    /** Imports one CREATE TABLE statement; absent when it declares no column list. */
    private static final class StatementImport
    {
        private final SqlScript.Statement statement;
        private final String sourceName;
        private final List<String> warnings;

        StatementImport(SqlScript.Statement statement, String sourceName, List<String> warnings)
        {
            this.statement = statement;
            this.sourceName = sourceName;
            this.warnings = warnings;
        }

        Optional<Declared> run()
        {
            CreateTable create = parseWithJSqlParser();
            if (create.getSelect() != null) {
                warn("CREATE TABLE %s AS SELECT skipped: it lists no columns to import".formatted(create.getTable().getName()));
                return Optional.empty();
            }
            if (create.getLikeTable() != null) {
                warn("CREATE TABLE %s (LIKE %s) skipped: it lists no columns to import".formatted(create.getTable().getName(), create.getLikeTable()));
                return Optional.empty();
            }
            if (create.getColumnDefinitions() == null || create.getColumnDefinitions().isEmpty()) {
                throw fail("the table has no columns", "declare its columns");
            }
            try {
                return Optional.of(declare(create));
            }
            catch (CaptureException e) {
                if (e.errorCode() == ErrorCode.INVALID_DDL) {
                    throw e;
                }
                // the model's own validation (a column declared twice, too many interleaved columns, ...)
                throw fail(e.getMessage(), "fix the statement or remove it");
            }
        }

        private CreateTable parseWithJSqlParser()
        {
            String sql = quoteOptionValues();
            net.sf.jsqlparser.statement.Statement parsed;
            try {
                parsed = CCJSqlParserUtil.newParser(sql).Statement();
            }
            catch (ParseException e) {
                throw fail("the SQL parser stopped " + describe(e), SYNTAX_HINT);
            }
            catch (TokenMgrException e) {
                throw fail("the SQL parser cannot read a character: " + e.getMessage().lines().findFirst().orElse(""), SYNTAX_HINT);
            }
            if (!(parsed instanceof CreateTable create)) {
                throw fail("the SQL parser read it as %s, not CREATE TABLE".formatted(parsed == null ? "nothing" : parsed.getClass().getSimpleName()), SYNTAX_HINT);
            }
            return create;
        }

        private String quoteOptionValues()
        {
            List<Token> tokens = statement.tokens();
            StringBuilder sql = new StringBuilder(statement.text());
            int depth = 0;
            int shift = 0;
            for (int i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.isSymbol('(')) {
                    depth++;
                }
                else if (token.isSymbol(')')) {
                    depth--;
                }
                else if (depth == 0 && i + 1 < tokens.size() && token.kind() == TokenKind.WORD
                        && OPTIONS_WITH_WORD_VALUES.contains(upper(token.text()))) {
                    Token value = tokens.get(i + 1);
                    if (value.kind() == TokenKind.WORD) {
                        sql.insert(value.end() + shift, '"');
                        sql.insert(value.start() + shift, '"');
                        shift += 2;
                    }
                }
            }
            return sql.toString();
        }

        private String describe(ParseException e)
        {
            net.sf.jsqlparser.parser.Token next = e.currentToken == null ? null : e.currentToken.next;
            if (next == null) {
                return "(" + e.getMessage().lines().findFirst().orElse("") + ")";
            }
            int line = statement.line() + next.beginLine - 1;
            int column = next.beginLine == 1 ? statement.column() + next.beginColumn - 1 : next.beginColumn;
            if (next.kind == 0) {
                return "at the end of the statement (line %d): it is incomplete".formatted(line);
            }
            return "at unexpected '%s' (line %d, column %d)".formatted(next.image, line, column);
        }

        private Declared declare(CreateTable create)
        {
            String tableName = Identifiers.normalize(create.getTable().getName(), "table");
            Set<String> notNull = new HashSet<>();
            Map<String, Encoding> encodings = new LinkedHashMap<>();
            List<String> columnDistkeys = new ArrayList<>();
            List<String> columnSortkeys = new ArrayList<>();
            List<ColumnDefinition> definitions = create.getColumnDefinitions();
            List<String> names = new ArrayList<>();
            for (ColumnDefinition definition : definitions) {
                String name = Identifiers.normalize(definition.getColumnName(), "column");
                names.add(name);
                List<String> specs = definition.getColumnSpecs() == null ? List.of() : definition.getColumnSpecs();
                for (int i = 0; i < specs.size(); i++) {
                    String spec = upper(specs.get(i));
                    String following = i + 1 < specs.size() ? upper(specs.get(i + 1)) : "";
                    if (spec.equals("PRIMARY") && following.equals("KEY")) {
                        notNull.add(name);
                        i++;
                    }
                    else if (spec.equals("NOT") && following.equals("NULL")) {
                        notNull.add(name);
                        i++;
                    }
                    else if (spec.equals("ENCODE")) {
                        if (i + 1 >= specs.size()) {
                            throw fail("column %s: ENCODE names no encoding".formatted(name), "write ENCODE followed by one of " + List.of(Encoding.values()));
                        }
                        encodings.put(name, encoding(name, specs.get(i + 1)));
                        i++;
                    }
                    else if (spec.equals("DISTKEY")) {
                        columnDistkeys.add(name);
                    }
                    else if (spec.equals("SORTKEY")) {
                        columnSortkeys.add(name);
                    }
                }
            }
            for (Index index : create.getIndexes() == null ? List.<Index>of() : create.getIndexes()) {
                if (index.getType() != null && index.getType().replaceAll("\\s+", " ").equalsIgnoreCase("primary key")) {
                    for (String column : index.getColumnsNames()) {
                        String normalized = Identifiers.normalize(column, "column");
                        if (!names.contains(normalized)) {
                            throw fail("PRIMARY KEY names column %s, which table %s does not have (it has: %s)".formatted(normalized, tableName, names), COLUMN_HINT);
                        }
                        notNull.add(normalized);
                    }
                }
            }

            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < definitions.size(); i++) {
                String name = names.get(i);
                ColumnType type = type(name, definitions.get(i).getColDataType());
                columns.add(notNull.contains(name) ? Column.notNull(name, type) : Column.of(name, type));
            }
            Table table = Table.declared(tableName, columns);
            TableDesign design = design(table, create.getTableOptionsStrings() == null ? List.of() : create.getTableOptionsStrings(),
                    columnDistkeys, columnSortkeys, encodings);
            return new Declared(table, design);
        }

        private ColumnType type(String column, ColDataType dataType)
        {
            StringBuilder text = new StringBuilder(dataType.getDataType());
            List<String> arguments = dataType.getArgumentsStringList();
            if (arguments != null && !arguments.isEmpty()) {
                text.append('(').append(String.join(",", arguments)).append(')');
            }
            if (dataType.getArrayData() != null && !dataType.getArrayData().isEmpty()) {
                throw fail("column %s: array types are not supported".formatted(column), "declare a scalar type");
            }
            try {
                return ColumnType.parse(text.toString());
            }
            catch (CaptureException e) {
                throw fail("column %s: unknown type '%s'".formatted(column, text),
                        "declare it as SMALLINT, INTEGER, BIGINT, DECIMAL(p,s), REAL, DOUBLE PRECISION, BOOLEAN, CHAR(n), VARCHAR(n), DATE, TIME, TIMESTAMP or TIMESTAMPTZ (or an alias)");
            }
        }

        private Encoding encoding(String column, String value)
        {
            try {
                return Encoding.parse(unquote(value));
            }
            catch (CaptureException e) {
                throw fail("column %s: unknown encoding '%s'".formatted(column, value), "use one of " + List.of(Encoding.values()));
            }
        }

        /**
         * Interprets JSqlParser's table options: a flat list of words and parenthesised lists as
         * written, e.g. {@code [diststyle, key, distkey, (a), compound, sortkey, (a,b)]}.
         */
        private TableDesign design(Table table, List<String> options, List<String> columnDistkeys, List<String> columnSortkeys, Map<String, Encoding> encodings)
        {
            Optional<String> distStyle = Optional.empty();
            Optional<String> distkey = Optional.empty();
            Optional<SortStyle> sortStyle = Optional.empty();
            List<String> sortkey = List.of();
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                String option = upper(options.get(i));
                String value = i + 1 < options.size() ? options.get(i + 1) : "";
                switch (option) {
                    case "DISTSTYLE" -> {
                        if (distStyle.isPresent()) {
                            throw fail("DISTSTYLE is given twice", "keep one");
                        }
                        String style = upper(unquote(value));
                        if (!Set.of("EVEN", "ALL", "KEY", "AUTO").contains(style)) {
                            throw fail("DISTSTYLE must be EVEN, ALL, KEY or AUTO, got '%s'".formatted(unquote(value)), "write one of those");
                        }
                        distStyle = Optional.of(style);
                        i++;
                    }
                    case "DISTKEY" -> {
                        List<String> columns = columnList(value, "DISTKEY");
                        if (columns.size() != 1) {
                            throw fail("DISTKEY takes exactly one column, got %s".formatted(columns), "name one column: DISTKEY(column)");
                        }
                        if (distkey.isPresent()) {
                            throw fail("DISTKEY is given twice", "keep one");
                        }
                        distkey = Optional.of(columns.get(0));
                        i++;
                    }
                    case "COMPOUND", "INTERLEAVED" -> {
                        if (!upper(value).equals("SORTKEY")) {
                            throw fail("%s must be followed by SORTKEY(columns)".formatted(option), SYNTAX_HINT);
                        }
                        sortStyle = Optional.of(option.equals("COMPOUND") ? SortStyle.COMPOUND : SortStyle.INTERLEAVED);
                    }
                    case "SORTKEY" -> {
                        if (!sortkey.isEmpty()) {
                            throw fail("SORTKEY is given twice", "keep one");
                        }
                        if (upper(unquote(value)).equals("AUTO")) {
                            warn("table %s: SORTKEY AUTO imported as no sort key (autotable recommends one instead)".formatted(table.name()));
                            sortStyle = Optional.of(SortStyle.NONE);
                        }
                        else {
                            sortkey = columnList(value, "SORTKEY");
                            if (sortkey.isEmpty()) {
                                throw fail("SORTKEY lists no columns", "list the sort key's columns: SORTKEY(a, b)");
                            }
                        }
                        i++;
                    }
                    case "ENCODE" -> {
                        if (!upper(unquote(value)).equals("AUTO")) {
                            throw fail("a table's ENCODE clause must be ENCODE AUTO, got '%s'".formatted(unquote(value)), "put ENCODE on each column instead");
                        }
                        i++;
                    }
                    case "BACKUP" -> i++;
                    default -> ignored.add(options.get(i));
                }
            }
            if (!ignored.isEmpty()) {
                warn("table %s: ignored table options %s".formatted(table.name(), String.join(" ", ignored)));
            }

            if (columnDistkeys.size() > 1) {
                throw fail("columns %s are all marked DISTKEY".formatted(columnDistkeys), "mark one column");
            }
            if (!columnDistkeys.isEmpty()) {
                if (distkey.isPresent() && !distkey.get().equals(columnDistkeys.get(0))) {
                    throw fail("column %s is marked DISTKEY but the table says DISTKEY(%s)".formatted(columnDistkeys.get(0), distkey.get()), "keep one of them");
                }
                distkey = Optional.of(columnDistkeys.get(0));
            }
            if (columnSortkeys.size() > 1) {
                throw fail("columns %s are all marked SORTKEY".formatted(columnSortkeys), "mark one column, or declare SORTKEY(a, b) on the table");
            }
            if (!columnSortkeys.isEmpty()) {
                if (!sortkey.isEmpty() || sortStyle.isPresent()) {
                    throw fail("column %s is marked SORTKEY and the table declares a sort key too".formatted(columnSortkeys.get(0)), "keep one of them");
                }
                sortkey = columnSortkeys;
            }

            DistStyle distribution;
            switch (distStyle.orElse(distkey.isPresent() ? "KEY" : "EVEN")) {
                case "KEY" -> {
                    if (distkey.isEmpty()) {
                        throw fail("DISTSTYLE KEY needs a DISTKEY column", "add DISTKEY(column), or use DISTSTYLE EVEN or ALL");
                    }
                    distribution = DistStyle.KEY;
                }
                case "ALL" -> distribution = DistStyle.ALL;
                case "AUTO" -> {
                    warn("table %s: DISTSTYLE AUTO imported as EVEN (autotable recommends EVEN, ALL or KEY itself)".formatted(table.name()));
                    distribution = DistStyle.EVEN;
                }
                default -> distribution = DistStyle.EVEN;
            }
            if (distribution != DistStyle.KEY && distkey.isPresent()) {
                throw fail("DISTSTYLE %s takes no DISTKEY, got DISTKEY(%s)".formatted(distStyle.orElseThrow(), distkey.get()),
                        "drop DISTKEY, or use DISTSTYLE KEY");
            }
            if (distkey.isPresent() && table.findColumn(distkey.get()).isEmpty()) {
                throw fail("DISTKEY names column %s, which table %s does not have (it has: %s)".formatted(distkey.get(), table.name(), table.columnNames()), COLUMN_HINT);
            }
            for (String column : sortkey) {
                if (table.findColumn(column).isEmpty()) {
                    throw fail("SORTKEY names column %s, which table %s does not have (it has: %s)".formatted(column, table.name(), table.columnNames()), COLUMN_HINT);
                }
            }
            SortStyle style = sortkey.isEmpty() ? SortStyle.NONE : sortStyle.filter(s -> s != SortStyle.NONE).orElse(SortStyle.COMPOUND);
            return new TableDesign(distribution, distkey, style, sortkey, encodings);
        }

        /** The columns of a parenthesised list as JSqlParser keeps it: {@code (a, "B")}. */
        private List<String> columnList(String list, String clause)
        {
            List<Token> tokens = SqlScript.tokenize(list, sourceName);
            if (tokens.size() < 2 || !tokens.get(0).isSymbol('(') || !tokens.get(tokens.size() - 1).isSymbol(')')) {
                throw fail("%s must be followed by a parenthesised column list, got '%s'".formatted(clause, list), "write %s(column, ...)".formatted(clause));
            }
            Set<String> columns = new LinkedHashSet<>();
            for (int i = 1; i < tokens.size() - 1; i++) {
                Token token = tokens.get(i);
                boolean expectName = i % 2 == 1;
                if (expectName ? !token.isIdentifier() : !token.isSymbol(',') || i == tokens.size() - 2) {
                    throw fail("%s has an unexpected '%s' in its column list %s".formatted(clause, token.text(), list), "write %s(column, ...)".formatted(clause));
                }
                if (expectName && !columns.add(Identifiers.normalize(token.text(), "column"))) {
                    throw fail("%s names column %s twice".formatted(clause, Identifiers.normalize(token.text(), "column")), "name each column once");
                }
            }
            return List.copyOf(columns);
        }

        private void warn(String message)
        {
            warnings.add("%s:%d: %s".formatted(sourceName, statement.line(), message));
        }

        private CaptureException fail(String reason, String hint)
        {
            return error(sourceName, statement, reason, hint);
        }
    }

    private static CaptureException error(String sourceName, SqlScript.Statement statement, String reason, String hint)
    {
        return new CaptureException(ErrorCode.INVALID_DDL, "%s:%d: cannot import '%s': %s; %s".formatted(
                sourceName, statement.line(), statement.excerpt(EXCERPT_LENGTH), reason, hint));
    }

    private static String unquote(String text)
    {
        String stripped = text.strip();
        if (stripped.length() >= 2 && (stripped.startsWith("\"") && stripped.endsWith("\"") || stripped.startsWith("`") && stripped.endsWith("`"))) {
            return stripped.substring(1, stripped.length() - 1);
        }
        return stripped;
    }

    private static String upper(String text)
    {
        return text.toUpperCase(Locale.ROOT);
    }
}
