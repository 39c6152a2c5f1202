package io.autotable.ddl.jsqlparser;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The lexical layer under the DDL importer: splits a script into statements at semicolons and
 * tokenizes a clause, knowing only what decides where a statement ends (quoted strings and
 * identifiers, dollar quoting, {@code --} and block comments). The grammar is JSqlParser's job.
 */
final class SqlScript
{
    private SqlScript() {}

    enum TokenKind
    {
        WORD,
        QUOTED_IDENTIFIER,
        STRING,
        NUMBER,
        SYMBOL
    }

    /**
     * A token of the script.
     *
     * @param start offset of the first character in the text that was tokenized
     * @param end offset after the last character
     * @param line 1-based line of the first character
     * @param column 1-based column of the first character
     */
    record Token(TokenKind kind, String text, int start, int end, int line, int column)
    {
        Token
        {
            requireNonNull(kind, "kind is null");
            requireNonNull(text, "text is null");
        }

        boolean isWord(String word)
        {
            return kind == TokenKind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char symbol)
        {
            return kind == TokenKind.SYMBOL && text.charAt(0) == symbol;
        }

        boolean isIdentifier()
        {
            return kind == TokenKind.WORD || kind == TokenKind.QUOTED_IDENTIFIER;
        }
    }

    /**
     * A statement without its terminating semicolon.
     *
     * @param text the statement from its first token to its last, comments inside kept
     * @param tokens the statement's tokens, offsets relative to {@code text}
     * @param line 1-based line of the statement's first token in the script
     * @param column 1-based column of the statement's first token in the script
     */
    record Statement(String text, List<Token> tokens, int line, int column)
    {
        Statement
        {
            requireNonNull(text, "text is null");
            tokens = List.copyOf(requireNonNull(tokens, "tokens is null"));
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("a statement has at least one token");
            }
        }

        /** The statement's start on one line, for messages. */
        String excerpt(int maxLength)
        {
            String flat = text.replaceAll("\\s+", " ").strip();
            return flat.length() <= maxLength ? flat : flat.substring(0, maxLength) + "...";
        }
    }

    /**
     * @throws CaptureException with {@link ErrorCode#INVALID_DDL} when a string, quoted identifier or
     *         comment is not closed
     */
    static List<Statement> split(String script, String sourceName)
    {
        List<Token> tokens = tokenize(script, sourceName);
        List<Statement> statements = new ArrayList<>();
        int first = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).isSymbol(';')) {
                if (i > first) {
                    statements.add(statement(script, tokens.subList(first, i)));
                }
                first = i + 1;
            }
        }
        return List.copyOf(statements);
    }

    private static Statement statement(String script, List<Token> tokens)
    {
        Token head = tokens.get(0);
        int offset = head.start();
        List<Token> relative = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            relative.add(new Token(token.kind(), token.text(), token.start() - offset, token.end() - offset, token.line(), token.column()));
        }
        return new Statement(script.substring(offset, tokens.get(tokens.size() - 1).end()), relative, head.line(), head.column());
    }

    /**
     * @throws CaptureException with {@link ErrorCode#INVALID_DDL} when a string, quoted identifier or
     *         comment is not closed
     */
    static List<Token> tokenize(String text, String sourceName)
    {
        requireNonNull(text, "text is null");
        requireNonNull(sourceName, "sourceName is null");
        List<Token> tokens = new ArrayList<>();
        int length = text.length();
        int position = 0;
        int line = 1;
        int lineStart = 0;
        while (position < length) {
            char c = text.charAt(position);
            if (c == '\n') {
                position++;
                line++;
                lineStart = position;
                continue;
            }
            if (Character.isWhitespace(c)) {
                position++;
                continue;
            }
            int start = position;
            int startLine = line;
            int column = start - lineStart + 1;
            TokenKind kind;
            if (c == '-' && position + 1 < length && text.charAt(position + 1) == '-') {
                while (position < length && text.charAt(position) != '\n') {
                    position++;
                }
                continue;
            }
            if (c == '/' && position + 1 < length && text.charAt(position + 1) == '*') {
                int close = text.indexOf("*/", position + 2);
                if (close < 0) {
                    throw unterminated(sourceName, startLine, "comment", "close it with */");
                }
                position = close + 2;
                for (int i = start; i < position; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                // a doubled quote inside is the quote itself
                position++;
                while (true) {
                    if (position >= length) {
                        throw unterminated(sourceName, startLine, c == '\'' ? "string" : "quoted identifier", "close it with " + c);
                    }
                    char d = text.charAt(position);
                    position++;
                    if (d == '\n') {
                        line++;
                        lineStart = position;
                    }
                    else if (d == c) {
                        if (position < length && text.charAt(position) == c) {
                            position++;
                        }
                        else {
                            break;
                        }
                    }
                }
                kind = c == '\'' ? TokenKind.STRING : TokenKind.QUOTED_IDENTIFIER;
            }
            else if (c == '$' && dollarTagEnd(text, position) > 0) {
                String tag = text.substring(position, dollarTagEnd(text, position));
                int close = text.indexOf(tag, position + tag.length());
                if (close < 0) {
                    throw unterminated(sourceName, startLine, "dollar-quoted string", "close it with " + tag);
                }
                position = close + tag.length();
                for (int i = start; i < position; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                kind = TokenKind.STRING;
            }
            else if (Character.isLetter(c) || c == '_') {
                while (position < length && isWordPart(text.charAt(position))) {
                    position++;
                }
                kind = TokenKind.WORD;
            }
            else if (Character.isDigit(c)) {
                while (position < length && (isWordPart(text.charAt(position)) || text.charAt(position) == '.')) {
                    position++;
                }
                kind = TokenKind.NUMBER;
            }
            else {
                position++;
                kind = TokenKind.SYMBOL;
            }
            tokens.add(new Token(kind, text.substring(start, position), start, position, startLine, column));
        }
        return tokens;
    }

    private static boolean isWordPart(char c)
    {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The offset after a dollar-quote tag ({@code $$} or {@code $name$}) starting at position, or -1. */
    private static int dollarTagEnd(String text, int position)
    {
        int i = position + 1;
        while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_'
                || i > position + 1 && Character.isDigit(text.charAt(i)))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '$' ? i + 1 : -1;
    }

    private static CaptureException unterminated(String sourceName, int line, String what, String fix)
    {
        return new CaptureException(ErrorCode.INVALID_DDL,
                "%s:%d: %s starting here is never closed, so the statements after it cannot be told apart: %s".formatted(sourceName, line, what, fix));
    }
}
