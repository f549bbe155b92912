package dev.policygate.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policygate.Corpus;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of the HTTP API over real HTTP: generated (jqwik) JSON bodies with wrong shapes and
 * types, random uploads, random content types, random IDs and query parameters. Whatever arrives, the answer
 * is never a 5xx, and every 4xx is problem+json with a title and a detail. 2,800 requests in all.
 */
@QuarkusTest
public class ApiFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static List<String> sentences;

    // the generators must reach both sides: inputs that are accepted and inputs that are refused
    private static final AtomicInteger ACCEPTED = new AtomicInteger();
    private static final AtomicInteger REJECTED = new AtomicInteger();

    @TestHTTPResource("/")
    URI root;
    @BeforeEach
    void resetCounts() {
        ACCEPTED.set(0);
        REJECTED.set(0);
    }

    @AfterEach
    void bothOutcomesWereExercised() {
        assertTrue(ACCEPTED.get() > 0 && REJECTED.get() > 0, "accepted " + ACCEPTED + ", rejected " + REJECTED);
    }

    @BeforeAll
    static void loadSentences() {
        sentences = new ArrayList<>();
        for (var p : Corpus.government()) {
            for (String line : Corpus.read(p).split("\n")) {
                if (!line.isBlank()) {
                    sentences.add(line.strip());
                }
            }
        }
    }

    /** The property: no 5xx; a 4xx explains itself as problem+json. */
    private static void assertClean(int status, String contentType, String body, String what) {
        (status < 300 ? ACCEPTED : REJECTED).incrementAndGet();
        assertTrue(status < 500, what + " → " + status + ": " + body);
        if (status >= 400 && status != 401 && status != 405) {
            assertTrue(contentType != null && contentType.startsWith("application/problem+json"), what + " → " + contentType);
            try {
                var problem = JSON.readTree(body);
                assertEquals(status, problem.path("status").asInt(), what);
                assertTrue(problem.hasNonNull("title") && problem.hasNonNull("detail"), what + " → " + body);
            } catch (IOException e) {
                throw new AssertionError(what + " → not JSON: " + body, e);
            }
        }
    }

    private static void assertClean(Response r, String what) {
        assertClean(r.statusCode(), r.contentType(), r.asString(), what);
    }

    /** A POST with exactly these bytes and this content type (RestAssured would re-encode odd combinations). */
    private void postRaw(String path, String contentType, byte[] body, String what) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(root.resolve(path))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertClean(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body(), what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> void forEachSample(Arbitrary<T> inputs, int count, Consumer<T> request) {
        inputs.sampleStream().limit(count).forEach(request);
    }

    // --- generators ---

    private static Arbitrary<String> policyText() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMaxSize(15)
                        .map(is -> String.join("\n", is.stream().map(i -> sentences.get(i % sentences.size())).toList())),
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMaxLength(300),
                Arbitraries.strings().withChars("<>&\"'\\/\u0000\ud800\ufeff\n ").ofMaxLength(50),
                Arbitraries.just(""));
    }

    /** Any JSON value, nested a few levels: the wrong type for every field sooner or later. */
    private static Arbitrary<Object> anyJson(int depth) {
        List<Arbitrary<Object>> leaves = List.of(
                Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        if (depth == 0) {
            return Arbitraries.oneOf(leaves);
        }
        List<Arbitrary<Object>> all = new ArrayList<>(leaves);
        all.add(anyJson(depth - 1).list().ofMaxSize(4).map(l -> (Object) l));
        all.add(Arbitraries.maps(Arbitraries.of("text", "format", "title", "ruleSetVersion", "type", "citations",
                "facts", "x"), anyJson(depth - 1)).ofMaxSize(4).map(m -> (Object) m));
        return Arbitraries.oneOf(all);
    }

    /** A request body: valid-looking objects with fields of random type, broken JSON, or random text. */
    private static Arbitrary<String> body(List<String> fields) {
        Arbitrary<String> object = Arbitraries.subsetOf(fields).flatMap(keys -> {
            if (keys.isEmpty()) {
                return Arbitraries.just("{}");
            }
            List<Arbitrary<Object>> values = keys.stream().map(k -> k.equals("text")
                    ? Arbitraries.oneOf(policyText().map(s -> (Object) s), anyJson(1)) : anyJson(2)).toList();
            return Combinators.combine(values).as(vs -> {
                Map<String, Object> m = new LinkedHashMap<>();
                List<String> ks = new ArrayList<>(keys);
                for (int i = 0; i < ks.size(); i++) {
                    m.put(ks.get(i), vs.get(i));
                }
                return write(m);
            });
        });
        Arbitrary<String> broken = object.flatMap(json -> Arbitraries.integers().between(0, Math.max(0, json.length() - 1))
                .map(cut -> json.substring(0, cut)));
        return Arbitraries.frequencyOf(
                Tuple.of(6, object),
                Tuple.of(2, broken),
                Tuple.of(1, anyJson(3).map(ApiFuzzTest::write)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(100)));
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Arbitrary<String> contentType() {
        return Arbitraries.of("application/json", "application/json; charset=UTF-8", "application/json; charset=GBK",
                "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                "application/octet-stream", "text/html; charset=nonsense", "*/*", "application/problem+json");
    }

    // --- properties ---

    @Test
    void jsonEndpointsAnswerEveryBodyWithoutServerErrors() {
        List<String> assess = List.of("text", "format", "title", "ruleSetVersion");
        List<String> gate = List.of("text", "format", "title", "ruleSetVersion", "failUnder", "require",
                "partialPasses", "failOnVerdict");
        record Call(String path, String body, String contentType) {
        }
        Arbitrary<Call> calls = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("/api/v1/assessments", "/api/v1/extractions"), body(assess),
                        Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("application/json")),
                                Tuple.of(2, contentType()))).as(Call::new),
                Combinators.combine(Arbitraries.just("/api/v1/gate"), body(gate), Arbitraries.just("application/json"))
                        .as(Call::new));
        forEachSample(calls, 1200, c -> postRaw(c.path(), c.contentType(), c.body().getBytes(StandardCharsets.UTF_8),
                "POST " + c.path() + " " + c.body()));
    }

    @Test
    void evaluationsAnswerEveryFactListWithoutServerErrors() {
        Arbitrary<String> type = Arbitraries.of("Handler", "Contact", "DataCollection", "ResponseDeadline",
                "RightStatement", "ThirdParty", "MinorsClause", "PolicyDate", "Retention", "NoSuchFact", "");
        Arbitrary<Object> citation = Combinators.combine(Arbitraries.integers(), Arbitraries.integers(),
                Arbitraries.strings().ofMaxLength(10), Arbitraries.strings().ofMaxLength(20))
                .as((s, e, sec, q) -> (Object) Map.of("start", s, "end", e, "section", sec, "quote", q));
        Arbitrary<Object> fact = Combinators.combine(type, Arbitraries.maps(Arbitraries.of("name", "kind", "value",
                        "days", "workingDays", "right", "piTypes", "function", "date", "ageThreshold"), anyJson(1))
                        .ofMaxSize(4), citation.list().ofMaxSize(2).injectNull(0.1))
                .as((t, fields, cs) -> {
                    Map<String, Object> m = new LinkedHashMap<>(fields);
                    m.put("type", t);
                    m.put("citations", cs);
                    return (Object) m;
                });
        Arbitrary<String> request = Combinators.combine(fact.list().ofMaxSize(6).injectNull(0.05),
                        Arbitraries.integers().between(-2, 3).injectNull(0.5))
                .as((facts, v) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("facts", facts);
                    m.put("ruleSetVersion", v);
                    return write(m);
                });
        forEachSample(request, 600, body -> postRaw("/api/v1/evaluations", "application/json",
                body.getBytes(StandardCharsets.UTF_8), "POST /api/v1/evaluations " + body));
    }

    @Test
    void uploadsOfRandomFilesAnswerWithoutServerErrors() {
        Arbitrary<byte[]> bytes = Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(2048),
                policyText().map(s -> s.getBytes(StandardCharsets.UTF_8)),
                policyText().map(s -> ("%PDF-1.4\n" + s).getBytes(StandardCharsets.ISO_8859_1)),
                policyText().map(s -> ("<html><body><p>" + s).getBytes(StandardCharsets.UTF_16)));
        Arbitrary<String> name = Arbitraries.of("policy.txt", "policy.pdf", "policy.html", "p", "../../etc/passwd",
                "政策.htm", "x.docx");
        Arbitrary<String> format = Arbitraries.of("text", "html", "pdf", "", "docx").injectNull(0.5);
        record Upload(byte[] bytes, String name, String format, String path) {
        }
        Arbitrary<Upload> uploads = Combinators.combine(bytes, name, format,
                Arbitraries.of("/api/v1/assessments", "/api/v1/extractions", "/api/v1/gate")).as(Upload::new);
        forEachSample(uploads, 500, u -> {
            var spec = given().multiPart("file", u.name(), u.bytes(), "application/octet-stream");
            if (u.format() != null) {
                spec = spec.multiPart("format", u.format());
            }
            assertClean(spec.post(u.path()), "upload " + u.name() + " (" + u.bytes().length + " bytes) to " + u.path());
        });
    }

    @Test
    void readEndpointsAnswerEveryIdAndParameterWithoutServerErrors() {
        Arbitrary<String> id = Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMaxLength(40),
                Arbitraries.create(() -> UUID.randomUUID().toString()),
                Arbitraries.of("-1", "0", "99999999999999999999", "%00", "..%2F..", "null", "1e9"));
        Arbitrary<String> param = Arbitraries.strings().ofMaxLength(12);
        Arbitrary<Supplier<Response>> gets = Arbitraries.oneOf(
                id.map(i -> () -> given().urlEncodingEnabled(true).get("/api/v1/assessments/{id}", i)),
                Combinators.combine(id, Arbitraries.of("json", "sarif", "junit", "markdown", "html", "pdf", ""), param)
                        .as((i, f, fu) -> () -> given().queryParam("format", f).queryParam("failUnder", fu)
                                .get("/api/v1/assessments/{id}/report", i)),
                Combinators.combine(param, param, param).as((q, page, size) -> () -> given().queryParam("q", q)
                        .queryParam("page", page).queryParam("size", size).get("/api/v1/assessments")),
                id.map(i -> () -> given().get("/api/v1/rulesets/{v}", i)),
                id.map(i -> () -> given().get("/api/v1/obligations/{id}", i)),
                Combinators.combine(id, param).as((i, v) -> () -> given().queryParam("version", v)
                        .get("/api/v1/obligations/{id}", i)));
        forEachSample(gets, 500, g -> assertClean(g.get(), "GET"));
    }
}
