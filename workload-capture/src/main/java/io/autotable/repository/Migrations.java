package io.autotable.repository;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository's schema history, read from the SQL scripts shipped in this package's
 * {@code migrations} resources.
 */
public final class Migrations
{
    private static final List<String> SCRIPTS = List.of("V1__core.sql", "V2__advice.sql", "V3__daemon.sql");

    private Migrations() {}

    /** Every migration of this version of autotable, oldest first. */
    public static List<Migration> builtin()
    {
        List<Migration> migrations = new ArrayList<>();
        for (String script : SCRIPTS) {
            int version = Integer.parseInt(script.substring(1, script.indexOf("__")));
            String description = script.substring(script.indexOf("__") + 2, script.length() - ".sql".length());
            migrations.add(new Migration(version, description, splitStatements(read(script))));
        }
        return List.copyOf(migrations);
    }

    /** The newest schema version this autotable writes. */
    public static int latestVersion()
    {
        return SCRIPTS.size();
    }

    private static String read(String script)
    {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
            if (in == null) {
                throw new CaptureException(ErrorCode.INTERNAL, "migration script " + script + " is missing from the autotable jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new CaptureException(ErrorCode.INTERNAL, "cannot read migration script " + script, e);
        }
    }

    // our own scripts: statements end with ';' at the end of a line, comments are whole lines
    static List<String> splitStatements(String script)
    {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
