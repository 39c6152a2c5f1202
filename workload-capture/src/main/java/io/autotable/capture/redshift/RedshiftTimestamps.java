package io.autotable.capture.redshift;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Redshift's timestamps as its system tables export them: {@code 2023-07-14 14:08:22.123456},
 * in UTC without a zone. A {@code T} between date and time, 0 to 9 fraction digits and an
 * explicit offset ({@code Z}, {@code +00}, {@code +02:00}) are accepted too.
 */
final class RedshiftTimestamps
{
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .toFormatter();

    private RedshiftTimestamps() {}

    /** The instant, or empty when the text is not a timestamp. */
    static Optional<Instant> parse(String text)
    {
        try {
            TemporalAccessor parsed = FORMAT.parse(text.strip());
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Optional.of(OffsetDateTime.from(parsed).toInstant());
            }
            return Optional.of(LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC));
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
