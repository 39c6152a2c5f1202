package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Query texts that ship inside autotable's jar (or a library's), read from the class path. */
public final class Resources
{
    private Resources() {}

    /**
     * @throws SimulatorException with {@link ErrorCode#INTERNAL}: a missing template is a broken build, not a user's mistake
     */
    public static String read(String path)
    {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new SimulatorException(ErrorCode.INTERNAL, "the query template " + path + " is missing from the autotable jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new SimulatorException(ErrorCode.INTERNAL, "cannot read the query template " + path, e);
        }
    }
}
