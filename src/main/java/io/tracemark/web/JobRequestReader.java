package io.tracemark.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.core.TraceLevel;
import io.tracemark.line.JobRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a job request from JSON. Values that cannot even be read (a date that is no date, a quantity
 * that is no number) become problems naming their field; emptiness is left to the line's validation.
 */
public final class JobRequestReader {

    /** The request, or the problems that kept it from being read. */
    public record Read(JobRequest request, List<Problem> problems) {
    }

    private JobRequestReader() {
    }

    public static Read read(JsonNode body) {
        List<Problem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            problems.add(new Problem("", "the request body must be a JSON object"));
            return new Read(null, problems);
        }
        JobRequest request = new JobRequest(text(body, "productId"), text(body, "batch"),
                date(body, "productionDate", problems), date(body, "expiryDate", problems),
                level(body, problems), text(body, "scheme"), text(body, "template"), text(body, "printer"),
                text(body, "scanner"), quantity(body, problems), text(body, "minimumGrade"));
        return new Read(problems.isEmpty() ? request : null, problems);
    }

    /** The request, or InvalidInputException listing what could not be read. */
    public static JobRequest require(JsonNode body) {
        Read read = read(body);
        if (!read.problems().isEmpty()) {
            throw new InvalidInputException("job request", read.problems());
        }
        return read.request();
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.asText().strip();
        return value.isEmpty() ? null : value;
    }

    private static LocalDate date(JsonNode body, String field, List<Problem> problems) {
        String value = text(body, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "not a date: '" + value + "', expected YYYY-MM-DD"));
            return null;
        }
    }

    private static TraceLevel level(JsonNode body, List<Problem> problems) {
        String value = text(body, "traceLevel");
        if (value == null) {
            return null;
        }
        for (TraceLevel level : TraceLevel.values()) {
            if (level.name().equalsIgnoreCase(value) || level.chineseName().equals(value)) {
                return level;
            }
        }
        problems.add(new Problem("traceLevel", "unknown trace level '" + value
                + "', expected PRODUCT, BATCH, ITEM or COMBINED"));
        return null;
    }

    private static Integer quantity(JsonNode body, List<Problem> problems) {
        String value = text(body, "quantity");
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(new Problem("quantity", "not a whole number: '" + value + "'"));
            return null;
        }
    }
}
