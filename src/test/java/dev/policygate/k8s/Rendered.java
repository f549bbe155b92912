package dev.policygate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One {@code kubectl kustomize} output, parsed strictly, with look-ups the checks share. */
record Rendered(String dir, List<HasMetadata> objects) {

    /** A pod template and the workload that owns it ("Deployment/policygate"). */
    record Workload(String owner, PodTemplateSpec template) {
    }

    static Rendered of(String dirUnderK8s) {
        String yaml = Kustomize.render(Kustomize.K8S.resolve(dirUnderK8s));
        return new Rendered(dirUnderK8s, StrictKubernetesYaml.parseAll(yaml));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
        return find(type, name).orElseGet(() -> fail(dir + ": no " + type.getSimpleName() + " named '" + name
                + "' in the render; there are " + all(type).stream().map(o -> o.getMetadata().getName()).toList()));
    }

    <T extends HasMetadata> T only(Class<T> type) {
        List<T> found = all(type);
        assertEquals(1, found.size(), dir + ": expected exactly one " + type.getSimpleName() + ", found " + found.size());
        return found.get(0);
    }

    List<Workload> workloads() {
        List<Workload> result = new ArrayList<>();
        for (HasMetadata o : objects) {
            String owner = o.getKind() + "/" + o.getMetadata().getName();
            if (o instanceof Deployment d) {
                result.add(new Workload(owner, d.getSpec().getTemplate()));
            } else if (o instanceof StatefulSet s) {
                result.add(new Workload(owner, s.getSpec().getTemplate()));
            } else if (o instanceof Job j) {
                result.add(new Workload(owner, j.getSpec().getTemplate()));
            } else if (o instanceof CronJob c) {
                result.add(new Workload(owner, c.getSpec().getJobTemplate().getSpec().getTemplate()));
            }
        }
        return result;
    }

    /**
     * The environment a container starts with: envFrom ConfigMaps (which must be in this render),
     * then env literals. Values taken from Secrets or the downward API are given as "valueFrom".
     */
    Map<String, String> effectiveEnv(Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                ConfigMap cm = one(ConfigMap.class, from.getConfigMapRef().getName());
                if (cm.getData() != null) {
                    env.putAll(cm.getData());
                }
            }
        }
        for (EnvVar v : c.getEnv()) {
            env.put(v.getName(), v.getValueFrom() == null ? v.getValue() : "valueFrom");
        }
        return env;
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertTrue(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty(),
                "selectors here use matchLabels only");
        return selects(selector.getMatchLabels(), labels);
    }

    static boolean selects(Map<String, String> matchLabels, Map<String, String> labels) {
        if (matchLabels == null || matchLabels.isEmpty()) {
            return true;
        }
        Map<String, String> have = labels == null ? Map.of() : labels;
        return matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
    }
}
