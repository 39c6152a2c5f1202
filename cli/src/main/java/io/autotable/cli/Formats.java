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
}
