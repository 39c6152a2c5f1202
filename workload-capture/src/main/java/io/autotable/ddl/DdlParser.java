package io.autotable.ddl;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Reads a schema DDL script (CREATE TABLE statements, with Redshift's DISTSTYLE, DISTKEY, SORTKEY
 * and ENCODE clauses) into a {@link DdlImport}: the tables it declares and their physical design.
 * <p>
 * Statements that are not CREATE TABLE (ALTER TABLE, CREATE INDEX, COPY, SELECT, ...) are skipped
 * and counted. An import is all or nothing: the first statement that cannot be imported fails the
 * whole script with {@link ErrorCode#INVALID_DDL}, so a caller never applies half a schema.
 */
public interface DdlParser
{
    /**
     * @param text the script
     * @param sourceName where the script comes from (a file name), used in messages
     * @throws CaptureException with {@link ErrorCode#INVALID_DDL} naming the source, the line where the
     *         bad statement starts, the start of that statement, what is wrong and what to do
     */
    DdlImport parse(String text, String sourceName);

    /**
     * Reads a script from a file, as UTF-8; messages name the file as given.
     *
     * @throws CaptureException with {@link ErrorCode#FILE_NOT_FOUND} or {@link ErrorCode#FILE_NOT_READABLE}
     *         when the file cannot be read, or as {@link #parse(String, String)}
     */
    default DdlImport parse(Path file)
    {
        requireNonNull(file, "file is null");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException e) {
            throw new CaptureException(ErrorCode.FILE_NOT_FOUND, "DDL file %s does not exist: check the path".formatted(file), e);
        }
        catch (IOException e) {
            throw new CaptureException(ErrorCode.FILE_NOT_READABLE,
                    "cannot read DDL file %s (%s): check that it is a readable UTF-8 text file".formatted(file, e.getMessage()), e);
        }
        return parse(text, file.toString());
    }
}
