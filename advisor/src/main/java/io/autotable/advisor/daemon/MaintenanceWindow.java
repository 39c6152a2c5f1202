package io.autotable.advisor.daemon;

import io.autotable.advisor.AdvisorException;
import io.autotable.error.ErrorCode;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The daily hours in which the daemon may change tables, in a time zone's wall-clock time: from
 * {@code start} (included) to {@code end} (excluded). A window whose end is not after its start
 * wraps midnight: {@code 22:00-02:00} holds 23:30 and 01:00, not 12:00.
 */
public record MaintenanceWindow(LocalTime start, LocalTime end)
{
    private static final Pattern TEXT = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    public MaintenanceWindow
    {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        if (start.equals(end)) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT,
                    "maintenance window %s has no length: give two different times, or no window to allow any time".formatted(format(start, end)));
        }
    }

    /**
     * Parses {@code HH:MM-HH:MM} (24-hour clock), as {@code --window} takes it.
     *
     * @throws AdvisorException with {@link ErrorCode#INVALID_ARGUMENT} saying what is wrong with the text
     */
    public static MaintenanceWindow parse(String text)
    {
        requireNonNull(text, "text is null");
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            throw invalid(text, "expected HH:MM-HH:MM on a 24-hour clock, such as 01:00-05:00");
        }
        return new MaintenanceWindow(time(text, matcher.group(1)), time(text, matcher.group(2)));
    }

    /** Whether the instant falls inside the window, read as wall-clock time in the zone. */
    public boolean contains(Instant instant, ZoneId zone)
    {
        requireNonNull(instant, "instant is null");
        requireNonNull(zone, "zone is null");
        LocalTime time = LocalTime.ofInstant(instant, zone);
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    /** The window as {@link #parse} reads it. */
    @Override
    public String toString()
    {
        return format(start, end);
    }

    private static LocalTime time(String text, String time)
    {
        try {
            return LocalTime.parse(time, HOURS_MINUTES);
        }
        catch (DateTimeParseException e) {
            throw invalid(text, "%s is not a time of day (hours 00 to 23, minutes 00 to 59)".formatted(time));
        }
    }

    private static String format(LocalTime start, LocalTime end)
    {
        return HOURS_MINUTES.format(start) + "-" + HOURS_MINUTES.format(end);
    }

    private static AdvisorException invalid(String text, String why)
    {
        return new AdvisorException(ErrorCode.INVALID_ARGUMENT, "maintenance window '%s': %s".formatted(text, why));
    }
}
