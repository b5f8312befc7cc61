package io.tracemark.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of the project's OpenAPI documents, read by the standard swagger parser and used by the
 * Atlassian interaction validator to check real HTTP exchanges against it.
 */
public final class OpenApiContract {

    /** The station ↔ platform contract. */
    public static final Path PLATFORM = Path.of("docs/platform-api.yaml");
    /** The touch panel's REST API. */
    public static final Path PANEL = Path.of("src/main/resources/panel/openapi.yaml");
    /** What the site server adds beside the platform contract. */
    public static final Path SITE = Path.of("docs/site-api.yaml");

    private final Path file;
    private final OpenApiInteractionValidator validator;

    private OpenApiContract(Path file) {
        this.file = file;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(text(file)).build();
    }

    public static OpenApiContract platform() {
        return new OpenApiContract(PLATFORM);
    }

    public static OpenApiContract site() {
        return new OpenApiContract(SITE);
    }

    public static OpenApiContract panel() {
        return new OpenApiContract(PANEL);
    }

    /** What a standard parser finds wrong with the document (empty when it is valid OpenAPI 3). */
    public static List<String> documentProblems(Path file) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(text(file), null, options);
        List<String> problems = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
        if (result.getOpenAPI() == null) {
            problems.add("not read as OpenAPI at all");
        }
        return problems;
    }

    /** Problems of the request of one exchange against the document, one line each. */
    public List<String> checkRequest(Exchange x) {
        return lines(x, "request", validator.validateRequest(request(x)));
    }

    /**
     * Problems of the response of one exchange against the document (status, headers, body). The
     * reply to a path the document does not have (a 404 for a wrong URL) is not judged here.
     */
    public List<String> checkResponse(Exchange x) {
        List<String> problems = lines(x, "response",
                validator.validateResponse(x.path(), Request.Method.valueOf(x.method()), response(x)));
        problems.removeIf(p -> p.contains("validation.request.path.missing"));
        return problems;
    }

    private static SimpleRequest request(Exchange x) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(x.method()), x.path());
        x.query().forEach((name, values) -> request.withQueryParam(name, values));
        x.requestHeaders().forEach((name, values) -> request.withHeader(name, values));
        if (!x.requestBody().isEmpty()) {
            request.withBody(x.requestBody(), StandardCharsets.UTF_8);
        }
        return request.build();
    }

    private static SimpleResponse response(Exchange x) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(x.status());
        x.responseHeaders().forEach((name, values) -> response.withHeader(name, values));
        if (!x.responseBody().isEmpty()) {
            response.withBody(x.responseBody(), StandardCharsets.UTF_8);
        }
        return response.build();
    }

    private List<String> lines(Exchange x, String side, ValidationReport report) {
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                problems.add(file.getFileName() + ": " + x.method() + " " + x.path() + " → " + x.status() + ": " + side + ": "
                        + m.getKey() + ": " + m.getMessage().replaceAll("\\s+", " ")
                        + m.getNestedMessages().stream().map(n -> " [" + n.getMessage().replaceAll("\\s+", " ") + "]")
                        .collect(java.util.stream.Collectors.joining()));
            }
        }
        return problems;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One HTTP request and its response as they crossed the wire. */
    public record Exchange(String method, String path, Map<String, List<String>> query,
                           Map<String, List<String>> requestHeaders, String requestBody, int status,
                           Map<String, List<String>> responseHeaders, String responseBody) {
    }
}
