package io.autotable.cli;

import java.util.Locale;

/** How numbers read on a terminal. */
final class Formats
{
    private Formats() {}

    static String bytes(long bytes)
    {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String scale(double scale)
    {
        return scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
    }

    static String percent(double fraction)
    {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** How much {@code after} differs from {@code before}: {@code -12.3%}, {@code same} or {@code +inf} from 0. */
    static String change(double before, double after)
    {
        if (before == 0) {
            return after == 0 ? "same" : "+inf";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (after - before) / before * 100);
    }

    /** The text, cut to {@code width} characters with {@code ...} when longer. */
    static String cut(String text, int width)
    {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }

    /** A statement on one line, whitespace runs folded, cut to {@code width} characters. */
    static String excerpt(String sql, int width)
    {
        return cut(sql.replaceAll("\\s+", " ").strip(), width);
    }
}
