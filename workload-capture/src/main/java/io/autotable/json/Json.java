package io.autotable.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;

/**
 * The one way autotable reads and writes JSON: instants as ISO-8601 strings, absent optionals as
 * missing fields, map keys sorted, unknown fields rejected so a typo in a hand-written file is
 * reported instead of ignored.
 */
public final class Json
{
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Json() {}

    /** The shared mapper. It is immutable once built, so sharing it is safe. */
    public static ObjectMapper mapper()
    {
        return MAPPER;
    }

    public static String write(Object value)
    {
        try {
            return MAPPER.writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new CaptureException(ErrorCode.INTERNAL, "cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String writePretty(Object value)
    {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        }
        catch (JsonProcessingException e) {
            throw new CaptureException(ErrorCode.INTERNAL, "cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param where what the text is, for the error message (a file, a repository row)
     * @throws CaptureException with {@link ErrorCode#INVALID_JSON} naming where and what is wrong
     */
    public static <T> T read(String text, Class<T> type, String where)
    {
        try {
            return MAPPER.readValue(text, type);
        }
        catch (JsonProcessingException e) {
            String location = e.getLocation() == null ? "" : " at line %d, column %d".formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
            throw new CaptureException(ErrorCode.INVALID_JSON,
                    "%s is not a valid %s%s: %s".formatted(where, type.getSimpleName(), location, e.getOriginalMessage()), e);
        }
        catch (RuntimeException e) {
            // a record's constructor rejected a value
            throw new CaptureException(ErrorCode.INVALID_JSON,
                    "%s is not a valid %s: %s".formatted(where, type.getSimpleName(), e.getMessage()), e);
        }
    }
}
