package dev.policygate.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.policygate.app.ApkReader;
import dev.policygate.ingest.IngestLimits;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every kustomization under k8s/ with {@code kubectl kustomize}, reads each object with
 * fabric8's model (unknown fields are errors), and checks what the server and the sweep need to
 * run safely on Kubernetes. A plain unit test: no Quarkus, no cluster.
 */
class ManifestTest {

    static final String SERVER = "policygate";
    static final String PLACEHOLDER_PASSWORD = "REPLACE_ME";
    /**
     * The server's settings that must come from a Secret: the prod profile refuses to start without them. Each is
     * read from a file of a Secret volume ({@code NAME_FILE}), never from the environment.
     */
    static final List<String> SECRET_ENV = List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
            "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "POLICYGATE_ADMIN_PASSWORD", "POLICYGATE_AUTHOR_PASSWORD",
            "POLICYGATE_REVIEWER_PASSWORD", "POLICYGATE_AUDIT_HMAC_KEY");
    /** quarkus.management.port: health, metrics and API docs, never on the public port. */
    static final int MANAGEMENT_PORT = 9000;
    static final Pattern RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)");
    static final BigDecimal MI = BigDecimal.valueOf(1024L * 1024L);

    // ---------------------------------------------------------------- discovery

    /** k8s/overlays/*: each one is a deployable server. */
    static Stream<String> overlays() {
        return Kustomize.allKustomizations().stream()
                .filter(d -> d.startsWith("overlays/") && d.indexOf('/', "overlays/".length()) < 0)
                .filter(d -> !Kustomize.isComponent(Kustomize.K8S.resolve(d)));
    }

    /** k8s/sweep and the kustomizations below it (not its components). */
    static Stream<String> sweeps() {
        return Kustomize.allKustomizations().stream()
                .filter(d -> d.equals("sweep") || d.startsWith("sweep/"))
                .filter(d -> !Kustomize.isComponent(Kustomize.K8S.resolve(d)));
    }

    static Stream<String> everything() {
        return Stream.concat(overlays(), sweeps());
    }

    @Test
    void everyKustomizationUnderK8sIsCheckedHere() {
        List<String> all = Kustomize.allKustomizations();
        List<String> checked = everything().toList();
        List<String> unchecked = all.stream()
                .filter(d -> !d.equals("base") && !checked.contains(d))
                .filter(d -> !Kustomize.isComponent(Kustomize.K8S.resolve(d)))
                .toList();
        assertTrue(unchecked.isEmpty(), "kustomizations no test renders (put overlays in k8s/overlays/NAME, "
                + "sweeps under k8s/sweep, or make it a Component): " + unchecked);
        assertTrue(overlays().count() >= 2, "expected the self-contained and external-db overlays, found " + checked);
        assertTrue(all.contains("base"), "k8s/base is gone");
    }

    // ---------------------------------------------------------------- every render

    @ParameterizedTest(name = "{0}")
    @MethodSource("everything")
    void everyObjectIsAKnownKindWithOnlyKnownFields(String dir) {
        Rendered r = Rendered.of(dir); // parsing strictly is the check
        assertFalse(r.objects().isEmpty(), dir + " renders nothing");
        for (HasMetadata o : r.objects()) {
            assertNull(o.getMetadata().getNamespace(), dir + ": " + o.getKind() + "/" + o.getMetadata().getName()
                    + " pins a namespace; the namespace is chosen at apply time (-n)");
            Map<String, String> labels = Optional.ofNullable(o.getMetadata().getLabels()).orElse(Map.of());
            assertEquals(SERVER, labels.get("app.kubernetes.io/name"),
                    dir + ": " + o.getKind() + "/" + o.getMetadata().getName() + " lacks app.kubernetes.io/name");
            assertEquals(SERVER, labels.get("app.kubernetes.io/part-of"),
                    dir + ": " + o.getKind() + "/" + o.getMetadata().getName() + " lacks app.kubernetes.io/part-of");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everything")
    void everyContainerHasCpuAndMemoryRequestsAndLimits(String dir) {
        Rendered r = Rendered.of(dir);
        for (Rendered.Workload w : r.workloads()) {
            for (Container c : containers(w.template().getSpec())) {
                String where = dir + ": " + w.owner() + " container " + c.getName();
                assertNotNull(c.getResources(), where + " has no resources");
                Map<String, Quantity> requests = Optional.ofNullable(c.getResources().getRequests()).orElse(Map.of());
                Map<String, Quantity> limits = Optional.ofNullable(c.getResources().getLimits()).orElse(Map.of());
                for (String resource : List.of("cpu", "memory")) {
                    assertTrue(requests.containsKey(resource), where + " has no " + resource + " request");
                    assertTrue(limits.containsKey(resource), where + " has no " + resource + " limit");
                    assertTrue(amount(requests.get(resource)).compareTo(amount(limits.get(resource))) <= 0,
                            where + ": " + resource + " request above its limit");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everything")
    void podsRunAsNonRootOnAReadOnlyRootWithAWritableTmp(String dir) {
        Rendered r = Rendered.of(dir);
        String imageUser = Dockerfile.jvm().user();
        assertFalse(r.workloads().isEmpty(), dir + " has no workload");
        for (Rendered.Workload w : r.workloads()) {
            PodSpec pod = w.template().getSpec();
            PodSecurityContext podSc = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
            assertEquals(Boolean.FALSE, automountsToken(r, pod),
                    dir + ": " + w.owner() + " mounts a service account token it never uses");
            for (Container c : containers(pod)) {
                String where = dir + ": " + w.owner() + " container " + c.getName();
                SecurityContext sc = Optional.ofNullable(c.getSecurityContext()).orElseGet(SecurityContext::new);
                assertEquals(Boolean.TRUE, firstNonNull(sc.getRunAsNonRoot(), podSc.getRunAsNonRoot()),
                        where + ": runAsNonRoot");
                Long uid = firstNonNull(sc.getRunAsUser(), podSc.getRunAsUser());
                assertNotNull(uid, where + ": runAsUser not set");
                assertTrue(uid > 0, where + ": runs as root");
                if (isPolicygateImage(c.getImage())) {
                    assertEquals(imageUser, String.valueOf(uid), where + ": runAsUser differs from the image's USER");
                }
                assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), where + ": allowPrivilegeEscalation");
                assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), where + ": readOnlyRootFilesystem");
                assertNotNull(sc.getCapabilities(), where + ": capabilities not dropped");
                assertTrue(sc.getCapabilities().getDrop().contains("ALL"), where + ": capabilities drop ALL");
                String seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                        : podSc.getSeccompProfile() != null ? podSc.getSeccompProfile().getType() : null;
                assertEquals("RuntimeDefault", seccomp, where + ": seccompProfile");

                VolumeMount tmp = c.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath()))
                        .findFirst().orElseGet(() -> fail(where + ": read-only root but no volume on /tmp"));
                assertTrue(tmp.getReadOnly() == null || !tmp.getReadOnly(), where + ": /tmp is mounted read-only");
                Volume volume = volume(pod, tmp.getName());
                assertNotNull(volume.getEmptyDir(), where + ": /tmp should be an emptyDir");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everything")
    void everyReferencedConfigMapSecretClaimAndServiceAccountIsInTheRender(String dir) {
        Rendered r = Rendered.of(dir);
        for (Rendered.Workload w : r.workloads()) {
            PodSpec pod = w.template().getSpec();
            String owner = dir + ": " + w.owner();
            if (pod.getServiceAccountName() != null) {
                r.one(ServiceAccount.class, pod.getServiceAccountName());
            }
            for (Container c : containers(pod)) {
                for (EnvFromSource from : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null && !Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                        r.one(ConfigMap.class, from.getConfigMapRef().getName());
                    }
                    if (from.getSecretRef() != null && !Boolean.TRUE.equals(from.getSecretRef().getOptional())) {
                        r.one(Secret.class, from.getSecretRef().getName());
                    }
                }
                for (EnvVar v : c.getEnv()) {
                    if (v.getValueFrom() == null) {
                        continue;
                    }
                    var secretRef = v.getValueFrom().getSecretKeyRef();
                    if (secretRef != null && !Boolean.TRUE.equals(secretRef.getOptional())) {
                        Secret s = r.one(Secret.class, secretRef.getName());
                        assertTrue(secretKeys(s).contains(secretRef.getKey()), owner + " env " + v.getName()
                                + ": Secret " + secretRef.getName() + " has no key " + secretRef.getKey());
                    }
                    var configRef = v.getValueFrom().getConfigMapKeyRef();
                    if (configRef != null && !Boolean.TRUE.equals(configRef.getOptional())) {
                        ConfigMap cm = r.one(ConfigMap.class, configRef.getName());
                        assertTrue(cm.getData() != null && cm.getData().containsKey(configRef.getKey()), owner
                                + " env " + v.getName() + ": ConfigMap " + configRef.getName() + " has no key "
                                + configRef.getKey());
                    }
                }
                for (VolumeMount m : c.getVolumeMounts()) {
                    boolean declared = pod.getVolumes().stream().anyMatch(v -> v.getName().equals(m.getName()))
                            || claimTemplates(r, w).contains(m.getName());
                    assertTrue(declared, owner + " container " + c.getName() + " mounts undeclared volume " + m.getName());
                }
            }
            for (Volume v : pod.getVolumes()) {
                if (v.getConfigMap() != null && !Boolean.TRUE.equals(v.getConfigMap().getOptional())) {
                    r.one(ConfigMap.class, v.getConfigMap().getName());
                }
                if (v.getSecret() != null && !Boolean.TRUE.equals(v.getSecret().getOptional())) {
                    r.one(Secret.class, v.getSecret().getSecretName());
                }
                if (v.getPersistentVolumeClaim() != null) {
                    r.one(PersistentVolumeClaim.class, v.getPersistentVolumeClaim().getClaimName());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everything")
    void policygateContainersRunTheReleasedImageWithAHeapThatFitsTheirMemoryLimit(String dir) {
        Rendered r = Rendered.of(dir);
        Dockerfile image = Dockerfile.jvm();
        String expectedImage = expectedImage();
        int policygateContainers = 0;
        for (Rendered.Workload w : r.workloads()) {
            for (Container c : containers(w.template().getSpec())) {
                String where = dir + ": " + w.owner() + " container " + c.getName();
                if (!isPolicygateImage(c.getImage())) {
                    continue;
                }
                policygateContainers++;
                assertEquals(expectedImage, c.getImage(), where + ": image (kustomize images: must match the pom version)");

                Map<String, String> env = r.effectiveEnv(c);
                String flags;
                if (c.getCommand().isEmpty()) {
                    // The image's run-java.sh: JAVA_OPTS_APPEND replaces the image's own value, so it must repeat it.
                    flags = env.getOrDefault("JAVA_OPTS_APPEND", "");
                    for (String flag : image.env().getOrDefault("JAVA_OPTS_APPEND", "").split("\\s+")) {
                        assertTrue(List.of(flags.split("\\s+")).contains(flag), where
                                + ": JAVA_OPTS_APPEND drops the image's " + flag + " (src/main/docker/Dockerfile.jvm)");
                    }
                } else {
                    assertEquals("java", c.getCommand().get(0), where + ": a policygate container runs java");
                    flags = env.getOrDefault("JAVA_TOOL_OPTIONS", "") + " " + String.join(" ", c.getCommand());
                }
                assertFalse(flags.matches("(?s).*-Xmx\\S*.*"), where
                        + ": a fixed -Xmx ignores the memory limit; use -XX:MaxRAMPercentage");
                Matcher m = RAM_PERCENTAGE.matcher(flags);
                assertTrue(m.find(), where + ": no -XX:MaxRAMPercentage in the JVM flags: " + flags);
                double percent = Double.parseDouble(m.group(1));
                assertTrue(percent >= 50 && percent <= 80, where + ": MaxRAMPercentage " + percent + " outside 50..80");

                BigDecimal limit = amount(c.getResources().getLimits().get("memory"));
                BigDecimal request = amount(c.getResources().getRequests().get("memory"));
                assertEquals(0, request.compareTo(limit), where
                        + ": memory request must equal the limit, the heap is sized from the limit");
                BigDecimal heap = limit.multiply(BigDecimal.valueOf(percent / 100));
                assertTrue(heap.compareTo(MI.multiply(BigDecimal.valueOf(256))) >= 0,
                        where + ": heap " + heap.divide(MI, 0, java.math.RoundingMode.DOWN) + "Mi is below 256Mi");
                // outside the heap: metaspace, threads and code cache (128Mi), and the child JVM that reads PDFs and APKs
                BigDecimal childReader = BigDecimal.valueOf(Math.max(IngestLimits.defaults().pdfReaderHeapBytes(),
                                ApkReader.Limits.DEFAULT.heapBytes()))
                        .add(MI.multiply(BigDecimal.valueOf(96)));
                BigDecimal outside = MI.multiply(BigDecimal.valueOf(128)).add(childReader);
                assertTrue(limit.subtract(heap).compareTo(outside) >= 0, where + ": under "
                        + outside.divide(MI, 0, java.math.RoundingMode.UP) + "Mi left outside the heap (metaspace, "
                        + "threads, code cache, and the child reader's JVM)");
            }
        }
        assertTrue(policygateContainers > 0, dir + " runs no policygate container");
    }

    // ---------------------------------------------------------------- the server (overlays)

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void serverIsReplicatedAndRollsWithoutLosingCapacity(String dir) {
        Rendered r = Rendered.of(dir);
        Deployment d = r.one(Deployment.class, SERVER);
        assertNotNull(d.getSpec().getReplicas(), dir + ": replicas not set");
        assertTrue(d.getSpec().getReplicas() >= 2, dir + ": replicas " + d.getSpec().getReplicas() + " < 2");
        assertEquals("RollingUpdate", d.getSpec().getStrategy().getType(), dir + ": strategy");
        IntOrString maxUnavailable = d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable();
        assertTrue(isZero(maxUnavailable), dir + ": maxUnavailable must be 0, is "
                + (maxUnavailable == null ? "unset (25%)" : maxUnavailable.getValue()));
        assertTrue(Rendered.selects(d.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels()),
                dir + ": Deployment selector does not match its own pod labels");
        assertEquals(List.of("Deployment/" + SERVER), workloadsSelectedBy(r, d.getSpec().getSelector()),
                dir + ": the Deployment's selector also picks other pods");
        for (var spread : d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()) {
            assertEquals(List.of("Deployment/" + SERVER), workloadsSelectedBy(r, spread.getLabelSelector()),
                    dir + ": topologySpreadConstraints on " + spread.getTopologyKey() + " count other pods");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void probesAndTheScrapeUseTheManagementPort(String dir) {
        Rendered r = Rendered.of(dir);
        Container c = serverContainer(r);
        assertEquals(8080, httpPort(c), dir + ": container port http");
        assertEquals(MANAGEMENT_PORT, managementPort(c), dir + ": container port management");
        Map<String, String> annotations = r.one(Deployment.class, SERVER).getSpec().getTemplate().getMetadata()
                .getAnnotations();
        assertEquals("/q/metrics", annotations.get("prometheus.io/path"), dir + ": scrape path");
        assertEquals(String.valueOf(MANAGEMENT_PORT), annotations.get("prometheus.io/port"), dir + ": scrape port");
        assertProbe(dir, "startupProbe", c.getStartupProbe(), "/q/health/started", c);
        assertProbe(dir, "readinessProbe", c.getReadinessProbe(), "/q/health/ready", c);
        assertProbe(dir, "livenessProbe", c.getLivenessProbe(), "/q/health/live", c);
        String port = r.effectiveEnv(c).get("QUARKUS_HTTP_PORT");
        if (port != null) {
            assertEquals(String.valueOf(httpPort(c)), port, dir + ": QUARKUS_HTTP_PORT differs from the container port");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void serverIsConfiguredForProductionFromItsConfigMapAndSecret(String dir) {
        Rendered r = Rendered.of(dir);
        Container c = serverContainer(r);
        Map<String, String> env = r.effectiveEnv(c);
        assertTrue(c.getEnvFrom().stream().anyMatch(f -> f.getConfigMapRef() != null),
                dir + ": the server takes no ConfigMap through envFrom");
        assertEquals("prod", env.get("QUARKUS_PROFILE"), dir + ": QUARKUS_PROFILE");
        assertEquals("true", env.get("QUARKUS_LOG_CONSOLE_JSON_ENABLED"), dir + ": JSON logs");
        String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
        assertNotNull(url, dir + ": QUARKUS_DATASOURCE_JDBC_URL not set");
        assertTrue(url.startsWith("jdbc:postgresql://"), dir + ": not a PostgreSQL JDBC URL: " + url);
        for (String key : SECRET_ENV) {
            assertTrue(c.getEnv().stream().noneMatch(e -> e.getName().equals(key)),
                    dir + ": " + key + " must not be in the environment (read from a file: " + key + "_FILE)");
            SecretFile f = secretFile(r, c, key);
            assertNotNull(r.one(Secret.class, f.secret()), dir + ": Secret " + f.secret());
        }
        // No credential anywhere in the ConfigMaps.
        for (ConfigMap cm : r.all(ConfigMap.class)) {
            Map<String, String> data = Optional.ofNullable(cm.getData()).orElse(Map.of());
            assertTrue(data.keySet().stream().noneMatch(k -> k.contains("PASSWORD")),
                    dir + ": ConfigMap " + cm.getMetadata().getName() + " holds a password");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void committedSecretsHoldOnlyThePlaceholder(String dir) {
        Rendered r = Rendered.of(dir);
        Container c = serverContainer(r);
        for (String key : SECRET_ENV) {
            if (key.equals("QUARKUS_DATASOURCE_USERNAME")) {
                continue;
            }
            SecretFile ref = secretFile(r, c, key);
            Secret s = r.one(Secret.class, ref.secret());
            assertEquals(PLACEHOLDER_PASSWORD, secretValue(s, ref.key()), dir + ": " + key + " from Secret "
                    + ref.secret() + " must hold the documented placeholder in git; real secrets go in a local"
                    + " overlay (k8s/README.md)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void jdbcUrlPointsAtADatabaseTheRenderProvidesOrOutsideTheCluster(String dir) {
        Rendered r = Rendered.of(dir);
        String url = r.effectiveEnv(serverContainer(r)).get("QUARKUS_DATASOURCE_JDBC_URL");
        URI uri = URI.create(url.substring("jdbc:".length()));
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String host = uri.getHost();
        assertNotNull(host, dir + ": no host in " + url);
        assertTrue(uri.getPath() != null && uri.getPath().length() > 1, dir + ": no database name in " + url);
        NetworkPolicy np = serverNetworkPolicy(r);
        assertTrue(np.getSpec().getEgress().stream().anyMatch(e -> allowsPort(e.getPorts(), port)),
                dir + ": the server's NetworkPolicy blocks egress to the database port " + port);

        boolean inCluster = !host.contains(".") || host.endsWith(".svc") || host.endsWith(".svc.cluster.local");
        if (!inCluster) {
            assertTrue(r.all(StatefulSet.class).isEmpty(),
                    dir + ": runs its own database but the JDBC URL points outside: " + url);
            return;
        }
        String serviceName = host.split("\\.")[0];
        Service svc = r.one(Service.class, serviceName);
        ServicePort sp = svc.getSpec().getPorts().stream().filter(p -> p.getPort() == port).findFirst()
                .orElseGet(() -> fail(dir + ": Service " + serviceName + " has no port " + port));
        List<Rendered.Workload> backends = r.workloads().stream()
                .filter(w -> Rendered.selects(svc.getSpec().getSelector(), w.template().getMetadata().getLabels()))
                .toList();
        assertEquals(1, backends.size(), dir + ": Service " + serviceName + " selects " + backends.size() + " workloads");
        Container db = backends.get(0).template().getSpec().getContainers().get(0);
        assertTrue(db.getPorts().stream().anyMatch(p -> portMatches(sp.getTargetPort(), p)),
                dir + ": Service " + serviceName + " targets a port the database container does not expose");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void gracePeriodOutlastsQuarkusShutdownTimeout(String dir) {
        Rendered r = Rendered.of(dir);
        Deployment d = r.one(Deployment.class, SERVER);
        String timeout = r.effectiveEnv(serverContainer(r)).get("QUARKUS_SHUTDOWN_TIMEOUT");
        assertNotNull(timeout, dir + ": QUARKUS_SHUTDOWN_TIMEOUT not set: Quarkus would not drain requests on SIGTERM");
        long grace = Optional.ofNullable(d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).orElse(30L);
        long shutdown = quarkusDuration(timeout).toSeconds();
        assertTrue(grace >= shutdown + 5, dir + ": terminationGracePeriodSeconds " + grace
                + " must exceed quarkus.shutdown.timeout " + timeout + " by 5s or more");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void serviceExposesTheServerOnItsHttpPort(String dir) {
        Rendered r = Rendered.of(dir);
        Deployment d = r.one(Deployment.class, SERVER);
        Service svc = r.one(Service.class, SERVER);
        assertTrue(svc.getSpec().getType() == null || "ClusterIP".equals(svc.getSpec().getType()), dir + ": Service type");
        ServicePort sp = svc.getSpec().getPorts().stream().filter(p -> p.getPort() == 8080).findFirst()
                .orElseGet(() -> fail(dir + ": Service " + SERVER + " has no port 8080"));
        assertTrue(serverContainer(r).getPorts().stream().anyMatch(p -> portMatches(sp.getTargetPort(), p)),
                dir + ": Service targetPort " + sp.getTargetPort() + " is not a container port");
        assertEquals(List.of("Deployment/" + SERVER), workloadsSelectedBy(r, svc.getSpec().getSelector()),
                dir + ": Service " + SERVER + " selector");
        assertTrue(Rendered.selects(svc.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void autoscalerAndDisruptionBudgetTargetTheServer(String dir) {
        Rendered r = Rendered.of(dir);
        Deployment d = r.one(Deployment.class, SERVER);
        HorizontalPodAutoscaler hpa = r.only(HorizontalPodAutoscaler.class);
        var target = hpa.getSpec().getScaleTargetRef();
        assertEquals("Deployment", target.getKind(), dir + ": HPA target kind");
        assertEquals("apps/v1", target.getApiVersion(), dir + ": HPA target apiVersion");
        assertEquals(SERVER, target.getName(), dir + ": HPA target name");
        int min = Optional.ofNullable(hpa.getSpec().getMinReplicas()).orElse(1);
        assertTrue(min >= 2, dir + ": HPA minReplicas " + min + " < 2");
        assertTrue(hpa.getSpec().getMaxReplicas() >= min, dir + ": HPA maxReplicas below minReplicas");
        assertTrue(min <= d.getSpec().getReplicas() && d.getSpec().getReplicas() <= hpa.getSpec().getMaxReplicas(),
                dir + ": Deployment replicas outside the HPA's range");
        MetricSpec cpu = hpa.getSpec().getMetrics().stream()
                .filter(m -> m.getResource() != null && "cpu".equals(m.getResource().getName())).findFirst()
                .orElseGet(() -> fail(dir + ": HPA has no CPU metric"));
        assertEquals("Utilization", cpu.getResource().getTarget().getType(), dir + ": HPA CPU target type");
        assertNotNull(cpu.getResource().getTarget().getAverageUtilization(), dir + ": HPA CPU utilization");

        PodDisruptionBudget pdb = r.only(PodDisruptionBudget.class);
        assertEquals(List.of("Deployment/" + SERVER), workloadsSelectedBy(r, pdb.getSpec().getSelector().getMatchLabels()),
                dir + ": PDB selector");
        assertEquals(d.getSpec().getSelector(), pdb.getSpec().getSelector(), dir + ": PDB selector differs from the Deployment's");
        IntOrString minAvailable = pdb.getSpec().getMinAvailable();
        assertNotNull(minAvailable, dir + ": PDB minAvailable");
        assertTrue(minAvailable.getIntVal() != null && minAvailable.getIntVal() >= 1 && minAvailable.getIntVal() < min,
                dir + ": PDB minAvailable must be at least 1 and below the minimum replica count, is " + minAvailable);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void networkPolicyAdmitsOnlyHttpAndInClusterManagementAndLetsTheServerReachDns(String dir) {
        Rendered r = Rendered.of(dir);
        NetworkPolicy np = serverNetworkPolicy(r);
        assertTrue(np.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")), dir + ": policyTypes");
        List<NetworkPolicyIngressRule> ingress = np.getSpec().getIngress();
        assertFalse(ingress.isEmpty(), dir + ": no ingress allowed to the server");
        for (NetworkPolicyIngressRule rule : ingress) {
            assertFalse(rule.getPorts().isEmpty(), dir + ": an ingress rule open on every port");
            for (NetworkPolicyPort p : rule.getPorts()) {
                boolean management = portIs(p, MANAGEMENT_PORT, serverContainer(r));
                assertTrue(management || portIs(p, 8080, serverContainer(r)),
                        dir + ": ingress to a port other than 8080 and " + MANAGEMENT_PORT + ": " + p.getPort());
                // the management port from pods of the cluster only, never from ipBlocks (outside it)
                assertTrue(!management || !rule.getFrom().isEmpty() && rule.getFrom().stream()
                        .allMatch(peer -> peer.getIpBlock() == null), dir + ": management port open beyond the cluster");
            }
        }
        assertTrue(np.getSpec().getEgress().stream().anyMatch(e -> allowsPort(e.getPorts(), 53)), dir + ": DNS egress");
        for (NetworkPolicyEgressRule rule : np.getSpec().getEgress()) {
            assertFalse(rule.getPorts().isEmpty(), dir + ": an egress rule open on every port");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyNetworkPolicySelectsPodsOfThisRender(String dir) {
        Rendered r = Rendered.of(dir);
        for (NetworkPolicy np : r.all(NetworkPolicy.class)) {
            List<String> selected = workloadsSelectedBy(r, np.getSpec().getPodSelector().getMatchLabels());
            assertEquals(1, selected.size(), dir + ": NetworkPolicy " + np.getMetadata().getName()
                    + " should select exactly one workload, selects " + selected);
        }
    }

    // ---------------------------------------------------------------- the sweep

    @ParameterizedTest(name = "{0}")
    @MethodSource("sweeps")
    void sweepIsAnIndexedJobWithOneShardPerCompletion(String dir) {
        Rendered r = Rendered.of(dir);
        List<JobSpec> specs = jobSpecs(r);
        assertEquals(1, specs.size(), dir + ": expected one Job or CronJob");
        JobSpec spec = specs.get(0);
        assertEquals("Indexed", spec.getCompletionMode(), dir + ": completionMode");
        assertNotNull(spec.getParallelism(), dir + ": parallelism");
        assertTrue(spec.getParallelism() >= 2, dir + ": parallelism " + spec.getParallelism() + " < 2");
        assertNotNull(spec.getCompletions(), dir + ": completions");
        assertTrue(spec.getCompletions() >= spec.getParallelism(), dir + ": fewer completions than parallel pods");
        String restart = spec.getTemplate().getSpec().getRestartPolicy();
        assertTrue("Never".equals(restart) || "OnFailure".equals(restart), dir + ": restartPolicy " + restart);

        Container c = spec.getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = r.effectiveEnv(c);
        assertEquals(String.valueOf(spec.getCompletions()), env.get("SWEEP_SHARDS"),
                dir + ": SWEEP_SHARDS must equal completions, or shards are skipped or checked twice");
        EnvVar index = c.getEnv().stream().filter(e -> e.getName().equals("SHARD_INDEX")).findFirst()
                .orElseGet(() -> fail(dir + ": SHARD_INDEX not set"));
        assertEquals("metadata.annotations['batch.kubernetes.io/job-completion-index']",
                index.getValueFrom().getFieldRef().getFieldPath(), dir + ": SHARD_INDEX source");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sweeps")
    void sweepRunsTheCliOnItsInputAgainstTheServerService(String dir) {
        Rendered r = Rendered.of(dir);
        JobSpec spec = jobSpecs(r).get(0);
        Container c = spec.getTemplate().getSpec().getContainers().get(0);
        String cliJar = "/deployments/policygate-cli.jar";
        assertEquals(List.of("java", "-jar", cliJar), c.getCommand(), dir + ": command");
        assertTrue(Dockerfile.jvm().copies().stream().anyMatch(cp -> cp.destination().equals(cliJar)),
                dir + ": the image has no " + cliJar + " (src/main/docker/Dockerfile.jvm)");

        List<String> args = c.getArgs();
        assertEquals("check", args.get(0), dir + ": CLI subcommand");
        String input = args.get(1);
        VolumeMount inputMount = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(input)).findFirst()
                .orElseGet(() -> fail(dir + ": the input directory " + input + " is not a mounted volume"));
        assertEquals(Boolean.TRUE, inputMount.getReadOnly(), dir + ": the input is mounted read-write");
        assertEquals("$(SHARD_INDEX)/$(SWEEP_SHARDS)", option(args, "--shard"), dir + ": --shard");
        assertEquals("json", option(args, "--format"), dir + ": --format");
        String output = option(args, "--output");
        assertTrue(c.getVolumeMounts().stream().anyMatch(m -> output.startsWith(m.getMountPath() + "/")
                && !Boolean.TRUE.equals(m.getReadOnly())), dir + ": --output " + output + " is not on a writable volume");
        assertTrue(output.contains("$(SHARD_INDEX)"), dir + ": shards would overwrite each other's --output");

        URI server = URI.create(option(args, "--server"));
        for (String overlay : overlays().toList()) {
            Rendered o = Rendered.of(overlay);
            Service svc = o.one(Service.class, server.getHost());
            ServicePort sp = svc.getSpec().getPorts().stream().filter(p -> p.getPort() == server.getPort()).findFirst()
                    .orElseGet(() -> fail(dir + ": --server " + server + " but " + overlay + "'s Service has no such port"));
            // The sweep's NetworkPolicy must let its pods reach the server pods behind that Service.
            Deployment d = o.one(Deployment.class, SERVER);
            Map<String, String> serverPods = d.getSpec().getTemplate().getMetadata().getLabels();
            NetworkPolicy np = r.all(NetworkPolicy.class).stream()
                    .filter(p -> Rendered.selects(p.getSpec().getPodSelector(), spec.getTemplate().getMetadata().getLabels()))
                    .findFirst().orElseGet(() -> fail(dir + ": no NetworkPolicy for the sweep pods"));
            boolean reaches = np.getSpec().getEgress().stream().anyMatch(e -> e.getTo().stream()
                    .anyMatch(peer -> peer.getPodSelector() != null
                            && Rendered.selects(peer.getPodSelector(), serverPods))
                    && e.getPorts().stream().anyMatch(p -> portIs(p, resolvePort(sp.getTargetPort(), serverContainer(o)),
                            serverContainer(o))));
            assertTrue(reaches, dir + ": NetworkPolicy " + np.getMetadata().getName()
                    + " blocks the sweep from the server pods of " + overlay);
            assertTrue(np.getSpec().getEgress().stream().anyMatch(e -> allowsPort(e.getPorts(), 53)), dir + ": DNS egress");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sweeps")
    void aPolicyFailureDoesNotReRunTheSweepAndItsReportOutlivesThePod(String dir) {
        Rendered r = Rendered.of(dir);
        JobSpec spec = jobSpecs(r).get(0);
        Container c = spec.getTemplate().getSpec().getContainers().get(0);
        assertTrue(c.getArgs().contains("--sweep"), dir + ": without --sweep a failing policy exits "
                + dev.policygate.cli.PolicygateCli.FAIL + " and fails the pod: " + c.getArgs());
        assertEquals("Never", spec.getTemplate().getSpec().getRestartPolicy(), dir + ": podFailurePolicy needs Never");
        assertNotNull(spec.getBackoffLimit(), dir + ": backoffLimit");
        assertTrue(spec.getBackoffLimit() <= 3, dir + ": backoffLimit " + spec.getBackoffLimit()
                + " re-runs shards (and uploads their policies again) too often");

        var rules = spec.getPodFailurePolicy() == null ? List.<io.fabric8.kubernetes.api.model.batch.v1
                .PodFailurePolicyRule>of() : spec.getPodFailurePolicy().getRules();
        assertFalse(rules.isEmpty(), dir + ": no podFailurePolicy");
        var failJob = rules.stream().filter(rule -> "FailJob".equals(rule.getAction()) && rule.getOnExitCodes() != null)
                .findFirst().orElseGet(() -> fail(dir + ": no FailJob rule on exit codes"));
        assertEquals(c.getName(), failJob.getOnExitCodes().getContainerName(), dir + ": FailJob container");
        assertEquals("In", failJob.getOnExitCodes().getOperator());
        assertTrue(failJob.getOnExitCodes().getValues().containsAll(List.of(dev.policygate.cli.PolicygateCli.FAIL,
                dev.policygate.cli.PolicygateCli.USAGE)), dir + ": a policy failure or a usage error must not re-run");
        assertFalse(failJob.getOnExitCodes().getValues().contains(dev.policygate.cli.PolicygateCli.SWEEP_STOPPED),
                dir + ": a sweep that could not reach the server is worth a retry");
        assertTrue(rules.stream().anyMatch(rule -> "Ignore".equals(rule.getAction()) && rule.getOnPodConditions() != null
                        && rule.getOnPodConditions().stream().anyMatch(pc -> "DisruptionTarget".equals(pc.getType()))),
                dir + ": an evicted pod should not count against backoffLimit");

        // --output and --summary-csv on a claimed volume, one directory per Job
        for (String option : List.of("--output", "--summary-csv")) {
            String path = option(c.getArgs(), option);
            assertTrue(path.contains("$(JOB_NAME)") && path.contains("$(SHARD_INDEX)"), dir + ": " + option + " " + path);
            VolumeMount mount = c.getVolumeMounts().stream().filter(m -> path.startsWith(m.getMountPath() + "/"))
                    .findFirst().orElseGet(() -> fail(dir + ": " + option + " " + path + " is on no volume"));
            Volume volume = spec.getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertNotNull(volume.getPersistentVolumeClaim(), dir + ": " + option + " goes to " + mount.getName()
                    + ", which dies with the pod");
            r.one(PersistentVolumeClaim.class, volume.getPersistentVolumeClaim().getClaimName());
        }
        EnvVar jobName = c.getEnv().stream().filter(e -> e.getName().equals("JOB_NAME")).findFirst()
                .orElseGet(() -> fail(dir + ": JOB_NAME not set"));
        assertEquals("metadata.labels['batch.kubernetes.io/job-name']",
                jobName.getValueFrom().getFieldRef().getFieldPath(), dir + ": JOB_NAME source");
        assertEquals(185L, spec.getTemplate().getSpec().getSecurityContext().getFsGroup(),
                dir + ": the reports volume must be writable by the image's user");
    }

    @Test
    void nightlySweepRunsTheSameJobAsTheOneOffSweep() {
        Job job = Rendered.of("sweep").only(Job.class);
        CronJob cron = Rendered.of("sweep/nightly").only(CronJob.class);
        assertEquals(job.getSpec(), cron.getSpec().getJobTemplate().getSpec(),
                "k8s/sweep/nightly/cronjob.yaml's jobTemplate.spec drifted from k8s/sweep/job.yaml's spec");
        assertNotNull(cron.getSpec().getSchedule());
        assertEquals("Forbid", cron.getSpec().getConcurrencyPolicy(), "overlapping sweeps would check everything twice");
    }

    // ---------------------------------------------------------------- the image

    @Test
    void imageCarriesServerCliAndRulesAndRunsAsTheNonRootUser() throws IOException {
        Dockerfile image = Dockerfile.jvm();
        assertTrue(image.from().startsWith("registry.access.redhat.com/ubi9/openjdk-17-runtime:"), image.from());
        assertEquals("185", image.user());
        assertEquals("/deployments/quarkus-run.jar", image.env().get("JAVA_APP_JAR"));
        String rulesDir = image.env().get("POLICYGATE_RULES_DIR");
        assertEquals("/deployments/rules", rulesDir);
        assertTrue(image.copies().stream().anyMatch(c -> stripSlash(c.source()).equals("rules")
                && stripSlash(c.destination()).equals(rulesDir)), "rules/ is not copied to " + rulesDir);
        for (String part : List.of("lib", "app", "quarkus")) {
            assertTrue(image.copies().stream().anyMatch(c -> c.source().equals("target/quarkus-app/" + part + "/")
                    && c.destination().equals("/deployments/" + part + "/")), "fast-jar " + part + "/ not copied");
        }
        // Every COPY source must survive .dockerignore, or the build fails with "not found".
        List<String> allowed = Files.readAllLines(Kustomize.ROOT.resolve(".dockerignore")).stream()
                .map(String::strip).filter(l -> l.startsWith("!")).map(l -> l.substring(1)).toList();
        for (Dockerfile.Copy copy : image.copies()) {
            String source = copy.source();
            boolean kept = allowed.stream().anyMatch(p -> {
                String prefix = p.endsWith("*") ? p.substring(0, p.length() - 1) : p;
                return source.equals(p) || source.startsWith(prefix);
            });
            assertTrue(kept, ".dockerignore excludes COPY source " + source);
        }
    }

    // ---------------------------------------------------------------- the strict reading itself

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: x
            spec:
              %s: 2
              selector:
                matchLabels: {app: x}
              template:
                metadata:
                  labels: {app: x}
                spec:
                  containers:
                    - name: x
                      image: x:1
                      %s: IfNotPresent
            """;

    @Test
    void correctlySpelledFieldsParse() {
        List<HasMetadata> objects = StrictKubernetesYaml.parseAll(DEPLOYMENT.formatted("replicas", "imagePullPolicy"));
        assertEquals(2, ((Deployment) objects.get(0)).getSpec().getReplicas());
    }

    @Test
    void aTypoedFieldFailsTheRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrictKubernetesYaml.parseAll(DEPLOYMENT.formatted("replica", "imagePullPolicy")));
        assertTrue(e.getMessage().contains("\"replica\""), e.getMessage());
        assertTrue(e.getMessage().contains("Deployment x"), e.getMessage());
    }

    @Test
    void aTypoedFieldDeepInAPodTemplateFailsTheRead() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrictKubernetesYaml.parseAll(DEPLOYMENT.formatted("replicas", "imagePullPolice")));
        assertTrue(e.getMessage().contains("\"imagePullPolice\""), e.getMessage());
    }

    @Test
    void anUnexpectedKindOrApiVersionFailsTheRead() {
        String hpaV1 = """
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata: {name: x}
                spec: {maxReplicas: 2, scaleTargetRef: {kind: Deployment, name: x}}
                """;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StrictKubernetesYaml.parseAll(hpaV1));
        assertTrue(e.getMessage().contains("autoscaling/v1/HorizontalPodAutoscaler"), e.getMessage());
    }

    /** The whole path: a typo in k8s/base, rendered by kustomize (which keeps it), is caught for every overlay. */
    @Test
    void aTypoInTheBaseFailsEveryOverlay(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("k8s");
        copyTree(Kustomize.K8S, copy);
        Path deployment = copy.resolve("base/deployment.yaml");
        String original = Files.readString(deployment);
        assertTrue(original.contains("\n  replicas: 2\n"), "k8s/base/deployment.yaml no longer has '  replicas: 2'");
        Files.writeString(deployment, original.replace("\n  replicas: 2\n", "\n  replica: 2\n"));
        for (String overlay : overlays().toList()) {
            String yaml = Kustomize.renderUncached(copy.resolve(overlay));
            assertTrue(yaml.contains("replica: 2"), "kustomize dropped the typo; this test proves nothing any more");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StrictKubernetesYaml.parseAll(yaml), overlay + " accepted 'replica: 2'");
            assertTrue(e.getMessage().contains("\"replica\""), e.getMessage());
        }
    }

    /** k8s/README.md's recipe for real credentials: a local overlay that replaces the placeholder Secret. */
    @Test
    void aLocalOverlayReplacesThePlaceholderCredentials(@TempDir Path tmp) throws IOException {
        for (String overlay : overlays().toList()) {
            Path local = Files.createDirectories(tmp.resolve(overlay.replace('/', '-')));
            Files.writeString(local.resolve("db.env"), "username=app\npassword=correct-horse-battery-staple\n");
            Files.writeString(local.resolve("auth.env"), """
                    session-encryption-key=0123456789abcdef0123456789abcdef-local
                    audit-hmac-key=fedcba9876543210fedcba9876543210-local
                    admin-password=admin-Local-Secret-1
                    author-password=author-Local-Secret-1
                    reviewer-password=reviewer-Local-Secret-1
                    """);
            Files.writeString(local.resolve("kustomization.yaml"), """
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    resources:
                      - %s
                    secretGenerator:
                      - name: policygate-db
                        behavior: replace
                        envs:
                          - db.env
                      - name: policygate-auth
                        behavior: replace
                        envs:
                          - auth.env
                    """.formatted(local.toAbsolutePath().relativize(Kustomize.K8S.resolve(overlay).toAbsolutePath())
                    .toString().replace('\\', '/')));
            Rendered r = new Rendered(overlay + " + local credentials",
                    StrictKubernetesYaml.parseAll(Kustomize.renderUncached(local)));
            List<Secret> secrets = r.all(Secret.class);
            assertEquals(2, secrets.size(), overlay + ": a placeholder Secret is still there");
            for (Secret s : secrets) {
                for (String key : secretKeys(s)) {
                    assertFalse(secretValue(s, key).contains(PLACEHOLDER_PASSWORD), overlay + ": Secret "
                            + s.getMetadata().getName() + " key " + key + " still holds the placeholder");
                }
            }
            Map<String, Secret> byName = secrets.stream().collect(java.util.stream.Collectors.toMap(
                    s -> s.getMetadata().getName(), s -> s));
            for (Rendered.Workload w : r.workloads()) {
                for (Container c : containers(w.template().getSpec())) {
                    for (EnvVar v : c.getEnv()) {
                        if (v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null) {
                            assertTrue(byName.containsKey(v.getValueFrom().getSecretKeyRef().getName()),
                                    overlay + ": " + w.owner() + " still reads an old Secret");
                        }
                    }
                }
            }
            SecretFile adminRef = secretFile(r, serverContainer(r), "POLICYGATE_ADMIN_PASSWORD");
            assertEquals("admin-Local-Secret-1", secretValue(byName.get(adminRef.secret()), adminRef.key()));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Which Secret and key a {@code NAME_FILE} variable's file comes from (through the container's volume mounts). */
    record SecretFile(String secret, String key) {
    }

    static SecretFile secretFile(Rendered r, Container c, String name) {
        String path = c.getEnv().stream().filter(e -> e.getName().equals(name + "_FILE")).findFirst()
                .map(EnvVar::getValue).orElseGet(() -> fail(r.dir() + ": " + name + "_FILE not set"));
        var mount = c.getVolumeMounts().stream().filter(m -> path.startsWith(m.getMountPath() + "/")).findFirst()
                .orElseGet(() -> fail(r.dir() + ": " + path + " is on no volume mount"));
        var volume = r.one(Deployment.class, SERVER).getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst()
                .orElseGet(() -> fail(r.dir() + ": no volume " + mount.getName()));
        assertNotNull(volume.getSecret(), r.dir() + ": " + name + " must come from a Secret volume");
        return new SecretFile(volume.getSecret().getSecretName(), path.substring(mount.getMountPath().length() + 1));
    }

    static Container serverContainer(Rendered r) {
        Deployment d = r.one(Deployment.class, SERVER);
        return d.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(SERVER)).findFirst()
                .orElseGet(() -> fail(r.dir() + ": no container named " + SERVER));
    }

    static NetworkPolicy serverNetworkPolicy(Rendered r) {
        Map<String, String> pods = r.one(Deployment.class, SERVER).getSpec().getTemplate().getMetadata().getLabels();
        List<NetworkPolicy> found = r.all(NetworkPolicy.class).stream()
                .filter(np -> Rendered.selects(np.getSpec().getPodSelector(), pods)).toList();
        assertEquals(1, found.size(), r.dir() + ": NetworkPolicies selecting the server pods");
        return found.get(0);
    }

    static List<JobSpec> jobSpecs(Rendered r) {
        List<JobSpec> specs = new ArrayList<>();
        r.all(Job.class).forEach(j -> specs.add(j.getSpec()));
        r.all(CronJob.class).forEach(c -> specs.add(c.getSpec().getJobTemplate().getSpec()));
        return specs;
    }

    static List<String> workloadsSelectedBy(Rendered r, Map<String, String> selector) {
        assertTrue(selector != null && !selector.isEmpty(), r.dir() + ": an empty selector selects every pod");
        return r.workloads().stream()
                .filter(w -> Rendered.selects(selector, w.template().getMetadata().getLabels()))
                .map(Rendered.Workload::owner).toList();
    }

    static List<String> workloadsSelectedBy(Rendered r, io.fabric8.kubernetes.api.model.LabelSelector selector) {
        assertTrue(selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
        return workloadsSelectedBy(r, selector.getMatchLabels());
    }

    static List<Container> containers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getInitContainers());
        all.addAll(pod.getContainers());
        return all;
    }

    static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseGet(() -> fail("no volume " + name));
    }

    static List<String> claimTemplates(Rendered r, Rendered.Workload w) {
        String[] owner = w.owner().split("/", 2);
        if (!owner[0].equals("StatefulSet")) {
            return List.of();
        }
        return r.one(StatefulSet.class, owner[1]).getSpec().getVolumeClaimTemplates().stream()
                .map(pvc -> pvc.getMetadata().getName()).toList();
    }

    static Boolean automountsToken(Rendered r, PodSpec pod) {
        if (pod.getAutomountServiceAccountToken() != null) {
            return pod.getAutomountServiceAccountToken();
        }
        if (pod.getServiceAccountName() != null) {
            Boolean sa = r.one(ServiceAccount.class, pod.getServiceAccountName()).getAutomountServiceAccountToken();
            return sa == null ? Boolean.TRUE : sa;
        }
        return Boolean.TRUE;
    }

    static void assertProbe(String dir, String kind, Probe probe, String path, Container c) {
        assertNotNull(probe, dir + ": no " + kind);
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, dir + ": " + kind + " is not an HTTP GET");
        assertEquals(path, get.getPath(), dir + ": " + kind + " path");
        assertEquals(managementPort(c), resolvePort(get.getPort(), c), dir + ": " + kind + " port");
    }

    static int managementPort(Container c) {
        return c.getPorts().stream().filter(p -> "management".equals(p.getName())).findFirst()
                .orElseGet(() -> fail("container " + c.getName() + " has no port named management")).getContainerPort();
    }

    static int httpPort(Container c) {
        return c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                .orElseGet(() -> fail("container " + c.getName() + " has no port named http")).getContainerPort();
    }

    static int resolvePort(IntOrString port, Container c) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .orElseGet(() -> fail("container " + c.getName() + " has no port named " + port.getStrVal()))
                .getContainerPort();
    }

    static boolean portMatches(IntOrString target, ContainerPort p) {
        return target.getIntVal() != null ? target.getIntVal().equals(p.getContainerPort())
                : target.getStrVal().equals(p.getName());
    }

    static boolean portIs(NetworkPolicyPort p, int number, Container c) {
        if (p.getPort() == null) {
            return false;
        }
        return p.getPort().getIntVal() != null ? p.getPort().getIntVal() == number
                : resolvePort(p.getPort(), c) == number;
    }

    /** An egress rule's ports allow this port (a rule with no ports allows all). */
    static boolean allowsPort(List<NetworkPolicyPort> ports, int number) {
        return ports.isEmpty() || ports.stream().anyMatch(p -> p.getPort() != null && p.getPort().getIntVal() != null
                && p.getPort().getIntVal() <= number
                && number <= Optional.ofNullable(p.getEndPort()).orElse(p.getPort().getIntVal()));
    }

    static boolean isZero(IntOrString v) {
        return v != null && (Objects.equals(v.getIntVal(), 0) || "0%".equals(v.getStrVal()));
    }

    static boolean isPolicygateImage(String image) {
        String name = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
        return name.equals(SERVER) || name.endsWith("/" + SERVER);
    }

    static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        assertTrue(i >= 0 && i + 1 < args.size(), "no " + name + " in " + args);
        return args.get(i + 1);
    }

    static List<String> secretKeys(Secret s) {
        List<String> keys = new ArrayList<>();
        if (s.getData() != null) {
            keys.addAll(s.getData().keySet());
        }
        if (s.getStringData() != null) {
            keys.addAll(s.getStringData().keySet());
        }
        return keys;
    }

    static String secretValue(Secret s, String key) {
        if (s.getStringData() != null && s.getStringData().containsKey(key)) {
            return s.getStringData().get(key);
        }
        String encoded = s.getData() == null ? null : s.getData().get(key);
        assertNotNull(encoded, "Secret " + s.getMetadata().getName() + " has no key " + key);
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    static BigDecimal amount(Quantity q) {
        return Quantity.getAmountInBytes(q);
    }

    /** A Quarkus duration: "20s", "PT20S" or a bare number of seconds. */
    static Duration quarkusDuration(String value) {
        String v = value.strip();
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        if (v.startsWith("P") || v.startsWith("p")) {
            return Duration.parse(v);
        }
        if (v.matches("\\d+d")) {
            return Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.parse("PT" + v.toUpperCase());
    }

    static String expectedImage() {
        try {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(Kustomize.ROOT.resolve("pom.xml").toFile());
            var children = doc.getDocumentElement().getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if ("version".equals(children.item(i).getNodeName())) {
                    return SERVER + ":" + children.item(i).getTextContent().strip().replace("-SNAPSHOT", "");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the project version from pom.xml", e);
        }
        throw new IllegalStateException("pom.xml has no <version>");
    }

    static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
