package io.autotable.capture;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static java.util.Objects.requireNonNull;

/**
 * What every {@link WorkloadSource} does with its file: opens it as UTF-8 text that tolerates
 * bytes that are not UTF-8 (they become U+FFFD, so a line of garbage is a bad record, not a failed
 * import), and turns I/O failures into errors that name the file.
 */
public final class SourceFiles
{
    private SourceFiles() {}

    /**
     * @throws CaptureException with {@link ErrorCode#FILE_NOT_FOUND} or {@link ErrorCode#FILE_NOT_READABLE}
     */
    public static BufferedReader open(Path file)
    {
        requireNonNull(file, "file is null");
        if (Files.isDirectory(file)) {
            throw new CaptureException(ErrorCode.FILE_NOT_READABLE, "log file %s is a directory: name a file".formatted(file));
        }
        try {
            return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        }
        catch (NoSuchFileException e) {
            throw notFound(file, e);
        }
        catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The whole file as text, decoded as {@link #open(Path)} does. */
    public static String readString(Path file)
    {
        try (BufferedReader reader = open(file)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[1 << 16];
            int read;
            while ((read = reader.read(buffer)) >= 0) {
                text.append(buffer, 0, read);
            }
            return text.toString();
        }
        catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The file's last-modified time, to the microsecond as events keep it. */
    public static Instant lastModified(Path file)
    {
        try {
            return Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.MICROS);
        }
        catch (NoSuchFileException e) {
            throw notFound(file, e);
        }
        catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    public static CaptureException notFound(Path file, Throwable cause)
    {
        return new CaptureException(ErrorCode.FILE_NOT_FOUND, "log file %s does not exist: check the path".formatted(file), cause);
    }

    public static CaptureException unreadable(Path file, Throwable cause)
    {
        return new CaptureException(ErrorCode.FILE_NOT_READABLE,
                "cannot read log file %s (%s): check that it is a readable file".formatted(file, cause.getMessage()), cause);
    }

    /** The start of a record on one line, for {@link BadRecord#excerpt()}: whitespace runs become one space. */
    public static String excerpt(CharSequence text)
    {
        StringBuilder excerpt = new StringBuilder(BadRecord.MAX_EXCERPT);
        boolean space = false;
        for (int i = 0; i < text.length() && excerpt.length() <= BadRecord.MAX_EXCERPT; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = excerpt.length() > 0;
                continue;
            }
            if (space) {
                excerpt.append(' ');
                space = false;
            }
            excerpt.append(c);
        }
        return excerpt.toString();
    }
}
