package dev.policygate.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the generated OpenAPI document with what annotations would repeat on every resource: the two ways to
 * authenticate (basic for users, bearer for API tokens; anonymous where the endpoint allows it) and the
 * {@code application/problem+json} answers ({@link Problem}) every {@code /api} operation may give.
 */
public class OpenApiDocumentation implements OASFilter {
    static final String PROBLEM_SCHEMA = "Problem";
    /** Status codes any API operation may answer with a problem, and what they mean here. */
    static final Map<String, String> PROBLEMS = Map.ofEntries(
            Map.entry("400", "Bad input: empty or malformed body, unknown format, invalid parameter"),
            Map.entry("401", "Not logged in (basic or bearer credentials missing or wrong)"),
            Map.entry("403", "Logged in without the role this needs"),
            Map.entry("404", "Unknown assessment, rule-set version, obligation or user"),
            Map.entry("409", "Conflicts with the current state (e.g. a rule set changed meanwhile)"),
            Map.entry("412", "If-Match precondition failed"),
            Map.entry("413", "Text or upload over the configured limit"),
            Map.entry("422", "Readable request whose content cannot be processed (e.g. an unreadable file)"),
            Map.entry("428", "Precondition (If-Match) required"),
            Map.entry("429", "Too many requests: wait Retry-After seconds"),
            Map.entry("503", "Too busy or not ready: retry after Retry-After seconds"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSecurityScheme("basic", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("basic").description("A user of the service (GET/POST /api/v1/users)"));
        components.addSecurityScheme("bearer", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").description("An API token"));
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        // an empty requirement: endpoints open to anyone stay callable without credentials
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("basic"),
                OASFactory.createSecurityRequirement().addScheme("bearer"),
                OASFactory.createSecurityRequirement()));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(OpenApiDocumentation::addProblems);
            }
        });
    }

    private static void addProblems(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        PROBLEMS.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema()
                                        .ref(PROBLEM_SCHEMA)))));
            }
        });
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .required(List.of("title", "status"))
                .addProperty("type", string("A URI naming the kind of problem; about:blank when the status says it"))
                .addProperty("title", string("Short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("What went wrong with this request, and what to do about it"))
                .addProperty("instance", string("The request the problem belongs to"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("Itemised messages, e.g. DRL compiler messages with line and column")
                        .items(OASFactory.createSchema()));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
