package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.design.Encoding;

import static java.util.Objects.requireNonNull;

/**
 * Chooses a column's compression encoding from a sample of its values. Implementations differ in
 * how much of the sample they encode to decide: {@code exhaustive} encodes all of it with every
 * applicable encoding (the oracle), {@code sampled} encodes small runs of it with the candidates
 * cheap rules leave, {@code learned} predicts from the sample's {@link ColumnProfile}. Whatever
 * the technique, the choice is one Redshift allows on the type ({@link EncodingTypes}), and the
 * same sample always gives the same choice.
 */
public interface EncodingSelector
{
    /** The selector's name in reports: {@code exhaustive}, {@code sampled}, {@code learned}, ... */
    String name();

    /**
     * Chooses an encoding for a column of the type whose sample this is.
     *
     * @throws EncodingException when the sample's class does not match the type
     */
    Selection select(ColumnType type, Column sample);

    /**
     * A selector's choice.
     *
     * @param encoding the chosen encoding, one that applies to the column's type
     * @param trialEncodings how many trial encodings of (part of) the sample the choice took
     */
    record Selection(Encoding encoding, int trialEncodings)
    {
        public Selection
        {
            requireNonNull(encoding, "encoding is null");
            if (trialEncodings < 0) {
                throw EncodingException.invalidInput("trialEncodings must be >= 0, got %d", trialEncodings);
            }
        }
    }
}
