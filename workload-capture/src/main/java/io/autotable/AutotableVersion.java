package io.autotable;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of autotable that is running, written into everything it outputs.
 */
public final class AutotableVersion
{
    private AutotableVersion() {}

    public static String get()
    {
        try (InputStream in = AutotableVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        }
        catch (IOException e) {
            return "unknown";
        }
    }
}
