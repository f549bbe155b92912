package dev.policygate.api;

import dev.policygate.assess.AssessmentService;
import dev.policygate.facts.Fact;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Section;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Extraction only: the normalised text, its sections and the facts with citations. Nothing is stored. */
@Path("/api/v1/extractions")
@Produces(MediaType.APPLICATION_JSON)
public class ExtractionResource {
    @Inject
    AssessmentService assessments;
    @Inject
    PolicyInputs inputs;

    public record Extraction(String normalizedText, String sourceFormat, List<Section> sections, List<Fact> facts) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Extraction extract(AssessmentRequest request) {
        if (request == null) {
            throw new ProblemException(400, "Missing body", "Send {\"text\": \"...\"} as JSON or a multipart file.");
        }
        return extraction(inputs.fromText(request.text(), request.format()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Extraction extractUpload(@RestForm("file") FileUpload file, @RestForm String format) {
        return extraction(inputs.fromUpload(file, format));
    }

    private Extraction extraction(Document document) {
        return new Extraction(document.normalizedText(), document.sourceFormat().name(), document.sections(),
                assessments.extract(document));
    }
}
