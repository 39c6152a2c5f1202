package io.autotable.capture.jdbc;

import io.autotable.sql.Fingerprinter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * TEMPORARY stand-in until {@code LexicalFingerprinter} exists: hashes the statement with its
 * whitespace collapsed. It does not replace literals, so {@code WHERE id = 1} and
 * {@code WHERE id = 2} get different fingerprints; statements with parameters ({@code ?},
 * {@code $1}), which is what a JDBC application mostly runs, group correctly.
 *
 * <p>The capture driver uses the first {@link Fingerprinter} registered with
 * {@link java.util.ServiceLoader} and falls back to this one, so the real fingerprinter replaces
 * it by registering itself in {@code META-INF/services/io.autotable.sql.Fingerprinter}.
 */
public final class Sha256Fingerprinter
        implements Fingerprinter
{
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    @Override
    public String fingerprint(String sql)
    {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(normalize(sql).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            // every Java platform must have SHA-256
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String normalize(String sql)
    {
        return WHITESPACE.matcher(sql.strip()).replaceAll(" ");
    }
}
