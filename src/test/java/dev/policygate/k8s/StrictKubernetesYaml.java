package dev.policygate.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads rendered manifests into fabric8's typed Kubernetes model, failing on any field the model
 * does not know.
 *
 * <p>fabric8's model classes keep unknown fields in an {@code additionalProperties} map through a
 * {@code @JsonAnySetter}, so {@code FAIL_ON_UNKNOWN_PROPERTIES} alone never fires on them. The
 * introspector here hides those any-setters; a typo such as {@code replica: 2} then fails the read
 * instead of being carried along and dropped by the API server.
 *
 * <p>Only the kinds in {@link #KINDS} are accepted: a new kind, or an old apiVersion of a known
 * one, fails until it is added here on purpose.
 */
final class StrictKubernetesYaml {

    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("batch/v1/Job", Job.class),
            Map.entry("batch/v1/CronJob", CronJob.class));

    private static final ObjectMapper STRICT = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .annotationIntrospector(new NoFabric8AnySetter())
            .build();

    private static final ObjectMapper TREE = new ObjectMapper(new YAMLFactory());

    private StrictKubernetesYaml() {
    }

    /** Every document of a multi-document YAML stream, as typed objects. Empty documents are skipped. */
    static List<HasMetadata> parseAll(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = TREE.readerFor(JsonNode.class).readValues(yaml)) {
            int index = 0;
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                index++;
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                objects.add(parse(doc, "document " + index));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML: " + e.getMessage(), e);
        }
        return objects;
    }

    static HasMetadata parse(JsonNode doc, String where) {
        String apiVersion = doc.path("apiVersion").asText("");
        String kind = doc.path("kind").asText("");
        String name = doc.path("metadata").path("name").asText("?");
        Class<? extends HasMetadata> type = KINDS.get(apiVersion + "/" + kind);
        if (type == null) {
            throw new IllegalArgumentException(where + " (" + kind + " " + name + "): apiVersion/kind '"
                    + apiVersion + "/" + kind + "' is not one of " + KINDS.keySet()
                    + "; add it to StrictKubernetesYaml.KINDS if it is meant to be there");
        }
        try {
            return STRICT.treeToValue(doc, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " (" + kind + " " + name + "): " + e.getMessage(), e);
        }
    }

    /** Hides fabric8's {@code setAdditionalProperty} any-setters, so unknown fields are errors. */
    private static final class NoFabric8AnySetter extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated a) {
            if (a instanceof AnnotatedMember member
                    && member.getDeclaringClass().getName().startsWith("io.fabric8.")) {
                return Boolean.FALSE;
            }
            return super.hasAnySetter(a);
        }
    }
}
