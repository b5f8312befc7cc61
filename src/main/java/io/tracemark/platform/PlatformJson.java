package io.tracemark.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON mapping of the platform contract, shared by the client, the sender and the reference platform. */
public final class PlatformJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // an optional field without a value is left out, as the contract documents it (not null)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private PlatformJson() {
    }

    /** A mapper for contract documents: ISO-8601 dates, unknown fields ignored (the contract may grow), absent values left out. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
