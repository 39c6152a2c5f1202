package io.autotable.simulator.wlm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.simulator.SimulatorException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;

import static java.util.Objects.requireNonNull;

/**
 * Reads and writes {@link WlmConfiguration}s in autotable's JSON format. A bad file is reported
 * with the path of the offending field ({@code queues[1].slots}), what is wrong with it, and the
 * file's name.
 */
public final class WlmConfigurationFile
{
    private WlmConfigurationFile() {}

    /**
     * @throws SimulatorException with {@link ErrorCode#FILE_NOT_FOUND} or {@link ErrorCode#FILE_NOT_READABLE}
     *         for a file that cannot be read, {@link ErrorCode#INVALID_JSON} naming the field for one that is not a valid configuration
     */
    public static WlmConfiguration read(Path file)
    {
        requireNonNull(file, "file is null");
        String text;
        try {
            text = Files.readString(file);
        }
        catch (NoSuchFileException e) {
            throw new SimulatorException(ErrorCode.FILE_NOT_FOUND, "WLM configuration file %s does not exist".formatted(file), e);
        }
        catch (IOException e) {
            throw new SimulatorException(ErrorCode.FILE_NOT_READABLE, "WLM configuration file %s cannot be read: %s".formatted(file, e.getMessage()), e);
        }
        return parse(text, file.toString());
    }

    /**
     * @param where what the text is, for error messages (a file name)
     * @throws SimulatorException with {@link ErrorCode#INVALID_JSON} naming where, the field and what is wrong
     */
    public static WlmConfiguration parse(String text, String where)
    {
        requireNonNull(text, "text is null");
        requireNonNull(where, "where is null");
        try {
            // a field left out is 0, false or empty: optional ones mean "none", required ones fail their range check by name
            WlmConfiguration configuration = Json.mapper().readerFor(WlmConfiguration.class).without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).readValue(text);
            if (configuration == null) {
                throw new SimulatorException(ErrorCode.INVALID_JSON, "%s: the WLM configuration is empty: expected an object with \"queues\"".formatted(where));
            }
            return configuration;
        }
        catch (JsonMappingException e) {
            String path = path(e);
            SimulatorException rule = rule(e);
            String problem;
            if (rule != null) {
                problem = path.isEmpty() ? rule.getMessage() : path + "." + rule.getMessage();
            }
            else if (e instanceof UnrecognizedPropertyException unknown) {
                problem = "%s: unknown field; the fields here are %s".formatted(path, names(unknown.getKnownPropertyIds()));
            }
            else {
                problem = "%s: %s".formatted(path.isEmpty() ? "(top level)" : path, e.getOriginalMessage());
            }
            throw new SimulatorException(ErrorCode.INVALID_JSON, "%s is not a valid WLM configuration: %s".formatted(where, problem), e);
        }
        catch (JsonProcessingException e) {
            String location = e.getLocation() == null ? "" : " at line %d, column %d".formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
            throw new SimulatorException(ErrorCode.INVALID_JSON, "%s is not valid JSON%s: %s".formatted(where, location, e.getOriginalMessage()), e);
        }
    }

    /** The configuration in autotable's JSON format, which {@link #parse} reads back. */
    public static String write(WlmConfiguration configuration)
    {
        return Json.writePretty(requireNonNull(configuration, "configuration is null"));
    }

    // queues[1].predictedRuntime
    private static String path(JsonMappingException e)
    {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    // a record's constructor rejected a value: its message names the field
    private static SimulatorException rule(Throwable e)
    {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SimulatorException simulator) {
                return simulator;
            }
        }
        return null;
    }

    private static String names(Collection<Object> ids)
    {
        return ids.stream().map(Object::toString).sorted().toList().toString();
    }
}
