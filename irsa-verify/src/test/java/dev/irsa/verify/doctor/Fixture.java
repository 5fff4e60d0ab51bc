package dev.irsa.verify.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The healthy snapshot as files in the standard formats (test resources {@code doctor/healthy/}):
 * a service account annotated with the seed's role, its pod as the webhook mutated it, the webhook
 * configuration, the account's role and policy, its OIDC provider and the cluster. Tests break one
 * thing with {@link #replace} and read the snapshot back through {@link SnapshotFiles}.
 */
final class Fixture {
  static final String ISSUER = "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
  static final String ROLE = "arn:aws:iam::111122223333:role/irsa-demo-aws-cli";

  final Map<String, String> files = new LinkedHashMap<>();

  static Fixture healthy() {
    Fixture f = new Fixture();
    for (String name : new String[] {"sa", "default-sa", "pod", "webhooks", "iam", "oidc-providers", "cluster"}) {
      f.files.put(name, resource("doctor/healthy/" + name + ".json"));
    }
    return f;
  }

  static String resource(String path) {
    try (InputStream in = Fixture.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces text in one file; fails when the text is not there (a break that breaks nothing). */
  Fixture replace(String file, String from, String to) {
    String text = files.get(file);
    assertThat(text).as(file).contains(from);
    files.put(file, text.replace(from, to));
    return this;
  }

  Fixture set(String file, String text) {
    files.put(file, text);
    return this;
  }

  /** What {@code kubectl get serviceaccounts,pods -A -o json} prints: a v1 List. */
  String kubectlList() {
    return "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [" + files.get("sa") + ",\n" + files.get("default-sa")
        + ",\n" + files.get("pod") + "], \"metadata\": {\"resourceVersion\": \"\"}}";
  }

  Snapshot snapshot() {
    Snapshot.Builder b = Snapshot.builder();
    SnapshotFiles.addKubernetes(b, "k8s.json", kubectlList());
    SnapshotFiles.addKubernetes(b, "webhooks.json", files.get("webhooks"));
    SnapshotFiles.addIam(b, "iam.json", files.get("iam"));
    SnapshotFiles.addOidcProviders(b, "oidc-providers.json", files.get("oidc-providers"));
    SnapshotFiles.addCluster(b, "cluster.json", files.get("cluster"));
    return b.build();
  }
}
