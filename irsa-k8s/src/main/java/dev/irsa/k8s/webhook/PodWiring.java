package dev.irsa.k8s.webhook;

import dev.irsa.core.internal.json.JsonWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A pod's IRSA wiring as read back from its spec by {@link PodInspector}: whether the webhook wired
 * it, for which role, and what stops it from getting that role.
 */
public final class PodWiring {
  private final String pod;
  private final String serviceAccount;
  private final CredentialMode mode;
  private final String role;
  private final String expectedRole;
  private final String tokenFile;
  private final String audience;
  private final Long expirationSeconds;
  private final List<ContainerWiring> containers;
  private final List<Finding> findings;

  PodWiring(String pod, String serviceAccount, CredentialMode mode, String role, String expectedRole, String tokenFile,
      String audience, Long expirationSeconds, List<ContainerWiring> containers, List<Finding> findings) {
    this.pod = pod;
    this.serviceAccount = serviceAccount;
    this.mode = mode;
    this.role = role;
    this.expectedRole = expectedRole;
    this.tokenFile = tokenFile;
    this.audience = audience;
    this.expirationSeconds = expirationSeconds;
    this.containers = List.copyOf(containers);
    this.findings = List.copyOf(findings);
  }

  /** How one container gets credentials. */
  public record ContainerWiring(String name, boolean init, CredentialMode mode, boolean skipped) {
    /** True when the container has credentials from the webhook. */
    public boolean wired() {
      return mode != CredentialMode.NONE;
    }
  }

  /** {@code namespace/name}. */
  public String pod() {
    return pod;
  }

  /** {@code namespace/name} of the pod's service account. */
  public String serviceAccount() {
    return serviceAccount;
  }

  public CredentialMode mode() {
    return mode;
  }

  /** True when at least one container has IRSA or Pod Identity credentials. */
  public boolean wired() {
    return mode != CredentialMode.NONE;
  }

  /** The role in the pod's {@code AWS_ROLE_ARN} (IRSA). */
  public Optional<String> role() {
    return Optional.ofNullable(role);
  }

  /** The role the service account names now, when the service account was given. */
  public Optional<String> expectedRole() {
    return Optional.ofNullable(expectedRole);
  }

  public Optional<String> tokenFile() {
    return Optional.ofNullable(tokenFile);
  }

  /** The projected token's audience. */
  public Optional<String> audience() {
    return Optional.ofNullable(audience);
  }

  public OptionalLong tokenExpirationSeconds() {
    return expirationSeconds == null ? OptionalLong.empty() : OptionalLong.of(expirationSeconds);
  }

  public List<ContainerWiring> containers() {
    return containers;
  }

  public List<Finding> findings() {
    return findings;
  }

  /** True when a finding has this code. */
  public boolean has(Finding.Code code) {
    return findings.stream().anyMatch(f -> f.code() == code);
  }

  /** Created before the annotation, wired for another role, or wired for a role no longer annotated. */
  public boolean stale() {
    return has(Finding.Code.STALE_NOT_WIRED) || has(Finding.Code.STALE_OTHER_ROLE)
        || has(Finding.Code.STALE_ANNOTATION_REMOVED);
  }

  /** Static keys or a profile in env/envFrom win over the webhook's credentials. */
  public boolean overridden() {
    return has(Finding.Code.OVERRIDDEN_STATIC_KEYS) || has(Finding.Code.OVERRIDDEN_PROFILE);
  }

  public boolean tokenUnreadable() {
    return has(Finding.Code.TOKEN_UNREADABLE);
  }

  /**
   * True when the pod's wired containers would get the role: wired, for the role the service account
   * names (when given), a well-formed role ARN, with the token mounted and readable, and not overridden.
   */
  public boolean getsRole() {
    return wired() && !has(Finding.Code.STALE_OTHER_ROLE) && !has(Finding.Code.TOKEN_NOT_MOUNTED)
        && !has(Finding.Code.INVALID_ROLE_ARN)
        && !overridden() && !tokenUnreadable();
  }

  /** The findings as JSON (pretty), for the command line. */
  public String toJson() {
    JsonWriter w = new JsonWriter(true);
    w.beginObject();
    w.name("pod").value(pod);
    w.name("serviceAccount").value(serviceAccount);
    w.name("mode").value(mode.name());
    w.name("wired").raw(Boolean.toString(wired()));
    w.name("getsRole").raw(Boolean.toString(getsRole()));
    w.name("role");
    nullable(w, role);
    if (expectedRole != null) {
      w.name("expectedRole").value(expectedRole);
    }
    w.name("stale").raw(Boolean.toString(stale()));
    w.name("overridden").raw(Boolean.toString(overridden()));
    w.name("tokenUnreadable").raw(Boolean.toString(tokenUnreadable()));
    w.name("tokenFile");
    nullable(w, tokenFile);
    w.name("audience");
    nullable(w, audience);
    w.name("tokenExpirationSeconds").raw(expirationSeconds == null ? "null" : expirationSeconds.toString());
    w.name("containers").beginArray();
    for (ContainerWiring c : containers) {
      w.beginObject().name("name").value(c.name()).name("init").raw(Boolean.toString(c.init()))
          .name("mode").value(c.mode().name()).name("skipped").raw(Boolean.toString(c.skipped())).endObject();
    }
    w.endArray();
    w.name("findings").beginArray();
    for (Finding f : findings) {
      w.beginObject().name("code").value(f.code().name());
      if (f.container() != null) {
        w.name("container").value(f.container());
      }
      w.name("message").value(f.message()).endObject();
    }
    w.endArray();
    w.endObject();
    return w.toString();
  }

  private static void nullable(JsonWriter w, String s) {
    if (s == null) {
      w.raw("null");
    } else {
      w.value(s);
    }
  }

  @Override
  public String toString() {
    return "PodWiring{" + pod + ", " + mode + (role == null ? "" : ", role=" + role) + ", getsRole=" + getsRole()
        + ", findings=" + findings.stream().map(f -> f.code().name()).toList() + "}";
  }
}
