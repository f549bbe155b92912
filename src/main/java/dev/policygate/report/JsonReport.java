package dev.policygate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/** The assessment as JSON, exactly as the API returns it (several policies: an array; unreadable ones as errors). */
public final class JsonReport {
    /** A mapper for reports outside Quarkus (the CLI): ISO dates, records as the API writes them. */
    public static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private JsonReport() {
    }

    public static String render(AssessmentReport report) {
        return write(report);
    }

    public static String render(List<ReportSource> sources) {
        if (sources.size() == 1 && sources.get(0).report() != null) {
            return render(sources.get(0).report());
        }
        return write(sources.stream().map(s -> s.report() != null ? (Object) s.report()
                : java.util.Map.of("file", s.uri(), "error", s.error())).toList());
    }

    private static String write(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
