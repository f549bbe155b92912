package dev.policygate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policygate.report.AssessmentReport;
import dev.policygate.report.JsonReport;
import dev.policygate.report.ReportSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Assesses files through a running service: uploads each as multipart/form-data to
 * {@code POST /api/v1/assessments} (stored there for audit) and renders the returned assessment here, so
 * that report positions refer to the local file. A busy server (503, 429) is asked again after its Retry-After
 * (else after a doubling backoff), at most {@value #MAX_ATTEMPTS} times and for at most {@link #RETRY_BUDGET} in
 * all; a refused connection is tried {@value #MAX_CONNECT_ATTEMPTS} times (a service that is still starting).
 */
final class RemoteAssessor implements Assessor {
    static final int MAX_ATTEMPTS = 5;
    static final int MAX_CONNECT_ATTEMPTS = 3;
    /** Waiting between attempts for one file stops once it would pass this. */
    static final Duration RETRY_BUDGET = Duration.ofSeconds(60);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    /** A Retry-After above this is not waited for: the answer is reported as it is. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** An app input as the multipart part it becomes: {@code apk} (a file) or {@code appProfile} (JSON text). */
    record AppInput(String part, String fileName, byte[] bytes) {
    }

    /** The app's APK or app profile sent beside each policy, or null. */
    private final AppInput app;

    /** Authenticates with the API token if there is one, else with user and password (basic), else not at all. */
    RemoteAssessor(String server, String user, String password, String token, AppInput app) {
        this.base = URI.create(server.endsWith("/") ? server : server + "/");
        this.app = app;
        if (token != null && !token.isBlank()) {
            this.authorization = "Bearer " + token.strip();
        } else {
            this.authorization = user == null || user.isBlank() ? null : "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public Set<String> obligationIds() {
        return null;
    }

    @Override
    public ReportSource assess(Path file, String uri) {
        byte[] bytes;
        try {
            bytes = PolicyFile.bytes(file);
        } catch (PolicyFile.InputError e) {
            return ReportSource.failed(uri, e.getMessage());
        }
        String boundary = "policygate-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length + 512);
        String name = file.getFileName().toString().replace("\"", "_");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(bytes);
        if (app != null) {
            boolean apkPart = app.part().equals("apk");
            write(body, "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + app.part() + "\""
                    + (apkPart ? "; filename=\"" + app.fileName().replace("\"", "_") + "\"" : "")
                    + "\r\nContent-Type: " + (apkPart ? "application/octet-stream" : "text/plain; charset=UTF-8")
                    + "\r\n\r\n");
            body.writeBytes(app.bytes());
        }
        write(body, "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + file.getFileName() + "\r\n--" + boundary + "--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/v1/assessments"))
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = sendWithRetries(request.build());
            if (response.statusCode() != 201 && response.statusCode() != 200) {
                return ReportSource.failed(uri, file + ": server answered " + response.statusCode() + problem(response.body()));
            }
            AssessmentReport report = JsonReport.MAPPER.readValue(response.body(), AssessmentReport.class);
            return ReportSource.of(uri, PolicyFile.original(bytes, PolicyFile.formatOf(file)), report);
        } catch (IOException e) {
            return ReportSource.failed(uri, file + ": cannot reach " + base + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ReportSource.failed(uri, file + ": interrupted");
        }
    }

    /** Sends the request, again after a busy answer or a refused connection (see the class comment). */
    private HttpResponse<String> sendWithRetries(HttpRequest request) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + RETRY_BUDGET.toNanos();
        Duration backoff = FIRST_BACKOFF;
        int attempts = 0;
        int connectAttempts = 0;
        while (true) {
            Duration wait;
            try {
                attempts++;
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if ((status != 503 && status != 429) || attempts >= MAX_ATTEMPTS) {
                    return response;
                }
                wait = retryAfter(response.headers().firstValue("Retry-After").orElse(null), backoff);
                if (wait == null || System.nanoTime() + wait.toNanos() > deadline) {
                    return response;
                }
            } catch (java.net.ConnectException e) {
                if (++connectAttempts >= MAX_CONNECT_ATTEMPTS || System.nanoTime() + backoff.toNanos() > deadline) {
                    throw e;
                }
                wait = backoff;
            }
            Thread.sleep(wait.toMillis());
            backoff = backoff.multipliedBy(2);
        }
    }

    /**
     * How long to wait before asking again: the server's Retry-After (seconds or an HTTP date), else the backoff;
     * null when the server asks for longer than {@link #MAX_RETRY_AFTER}.
     */
    static Duration retryAfter(String header, Duration backoff) {
        Duration wait = backoff;
        if (header != null && !header.isBlank()) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(header.strip()));
            } catch (NumberFormatException e) {
                try {
                    wait = Duration.between(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC),
                            java.time.ZonedDateTime.parse(header.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME));
                } catch (java.time.format.DateTimeParseException unreadable) {
                    wait = backoff;
                }
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? null : wait;
    }

    private static String problem(String body) {
        try {
            JsonNode p = JsonReport.MAPPER.readTree(body);
            return ": " + p.path("title").asText("") + " — " + p.path("detail").asText("");
        } catch (IOException | RuntimeException e) {
            return body == null || body.isBlank() ? "" : ": " + body.substring(0, Math.min(200, body.length()));
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
