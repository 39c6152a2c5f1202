package io.autotable.cli;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line: {@code 90s}, {@code 30m}, {@code 6h}, {@code 7d}, or ISO-8601 ({@code PT1H30M}). */
final class Durations
{
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

    private Durations() {}

    static Duration parse(String text, String option)
    {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(trimmed);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        }
        catch (DateTimeParseException e) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "%s '%s' is not a duration: write 90s, 30m, 6h, 7d or PT1H30M".formatted(option, text));
        }
    }

    static String format(Duration duration)
    {
        long seconds = duration.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
