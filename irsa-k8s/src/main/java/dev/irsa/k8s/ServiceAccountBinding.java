package dev.irsa.k8s;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.core.internal.json.JsonWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@link ServiceAccounts#ensure} writes: a service account annotated with a role, and the
 * optional webhook settings.
 *
 * <pre>{@code
 * ServiceAccountBinding b = ServiceAccountBinding.builder()
 *     .serviceAccount(ServiceAccountRef.of("payments", "api"))
 *     .role(RoleArn.parse("arn:aws:iam::111122223333:role/payments-api"))
 *     .stsRegionalEndpoints(true)
 *     .createNamespace(true)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ServiceAccountBinding {
  ServiceAccountBinding() {}

  /** A binding of {@code serviceAccount} to {@code role} with no other settings. */
  public static ServiceAccountBinding of(ServiceAccountRef serviceAccount, RoleArn role) {
    return builder().serviceAccount(serviceAccount).role(role).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The service account (not a pattern). */
  public abstract ServiceAccountRef serviceAccount();

  /** Written to {@code eks.amazonaws.com/role-arn}. */
  public abstract RoleArn role();

  /** Written to {@code eks.amazonaws.com/audience} when present. */
  public abstract Optional<String> audience();

  /** Written to {@code eks.amazonaws.com/sts-regional-endpoints} when present. */
  public abstract Optional<Boolean> stsRegionalEndpoints();

  /** Written to {@code eks.amazonaws.com/token-expiration} when present (at least 600). */
  public abstract Optional<Long> tokenExpirationSeconds();

  /** Create the namespace when it does not exist (default false: a missing namespace is an error). */
  @Value.Default
  public boolean createNamespace() {
    return false;
  }

  /**
   * Replace a role annotation naming another role (default false: that is a conflict), like
   * eksctl's {@code --override-existing-serviceaccounts}.
   */
  @Value.Default
  public boolean overrideExisting() {
    return false;
  }

  /** Extra labels merged into the service account's. */
  public abstract Map<String, String> labels();

  @Value.Check
  void check() {
    if (serviceAccount().isPattern()) {
      throw new IllegalArgumentException("service account must be a name, not a pattern, got: '" + serviceAccount() + "'");
    }
    if (tokenExpirationSeconds().isPresent() && tokenExpirationSeconds().get() < 600) {
      throw new IllegalArgumentException("token expiration must be at least 600 seconds (the webhook raises lower "
          + "values to 600), got: " + tokenExpirationSeconds().get());
    }
    if (audience().isPresent() && audience().get().isBlank()) {
      throw new IllegalArgumentException("audience must not be blank");
    }
  }

  /** The annotations this binding writes. */
  public Map<String, String> annotations() {
    java.util.LinkedHashMap<String, String> a = new java.util.LinkedHashMap<>();
    a.put(EksAnnotations.ROLE_ARN, role().toString());
    audience().ifPresent(v -> a.put(EksAnnotations.AUDIENCE, v));
    stsRegionalEndpoints().ifPresent(v -> a.put(EksAnnotations.STS_REGIONAL_ENDPOINTS, v.toString()));
    tokenExpirationSeconds().ifPresent(v -> a.put(EksAnnotations.TOKEN_EXPIRATION, v.toString()));
    return a;
  }

  /**
   * The service account {@link ServiceAccounts#ensure} creates for this binding, as a Kubernetes
   * manifest (YAML) for GitOps: the annotations, irsa's managed-by label and the extra labels.
   * Scalars are double-quoted, so no value can change type or break the document.
   */
  public String toYaml() {
    StringBuilder y = new StringBuilder("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n");
    y.append("  name: ").append(JsonWriter.quote(serviceAccount().name())).append('\n');
    y.append("  namespace: ").append(JsonWriter.quote(serviceAccount().namespace())).append('\n');
    y.append("  labels:\n");
    ServiceAccounts.labels(Map.of(), this).forEach((k, v) ->
        y.append("    ").append(JsonWriter.quote(k)).append(": ").append(JsonWriter.quote(v)).append('\n'));
    y.append("  annotations:\n");
    annotations().forEach((k, v) ->
        y.append("    ").append(JsonWriter.quote(k)).append(": ").append(JsonWriter.quote(v)).append('\n'));
    return y.toString();
  }

  /** The manifests of several bindings as one multi-document YAML stream. */
  public static String toYaml(List<ServiceAccountBinding> bindings) {
    StringBuilder y = new StringBuilder();
    for (ServiceAccountBinding b : bindings) {
      y.append("---\n").append(b.toYaml());
    }
    return y.toString();
  }

  @Override
  public String toString() {
    return "ServiceAccountBinding{" + serviceAccount() + " -> " + role() + "}";
  }

  /**
   * Builds a {@link ServiceAccountBinding}.
   *
   * @throws IllegalStateException from {@code build()} when the service account or role is missing
   * @throws IllegalArgumentException from {@code build()} for a pattern service account, a token
   *     expiration below 600 or a blank audience
   */
  public static final class Builder extends ImmutableServiceAccountBinding.Builder {}
}
