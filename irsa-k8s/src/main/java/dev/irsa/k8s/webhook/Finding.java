package dev.irsa.k8s.webhook;

import java.util.Objects;
import java.util.Optional;

/**
 * One observation about a pod's IRSA wiring: a code for programs, a sentence for people, and the
 * container it concerns (empty for the pod as a whole).
 */
public record Finding(Code code, String container, String message) {
  /** What was observed. */
  public enum Code {
    /** No container has IRSA or Pod Identity credentials. */
    NOT_WIRED,
    /** The service account has no role annotation. */
    NO_ROLE_ANNOTATION,
    /** The role annotation (or the pod's {@code AWS_ROLE_ARN}) is not an IAM role ARN: STS rejects it. */
    INVALID_ROLE_ARN,
    /** The service account names a role but the pod was not mutated: created before the annotation, or the webhook did not run. */
    STALE_NOT_WIRED,
    /** The pod was created after its service account was annotated and still has no wiring: the webhook did not run. */
    WEBHOOK_DID_NOT_RUN,
    /** The pod is wired for another role than its service account names now. */
    STALE_OTHER_ROLE,
    /** The pod is wired for a role its service account no longer names. */
    STALE_ANNOTATION_REMOVED,
    /** A container the others are wired in is not (skip-containers, or created differently). */
    CONTAINER_NOT_WIRED,
    /** {@code AWS_ROLE_ARN} is set but the token volume is not mounted. */
    TOKEN_NOT_MOUNTED,
    /** Static keys ({@code AWS_ACCESS_KEY_ID}, ...) in env or envFrom win over IRSA in the credential chain. */
    OVERRIDDEN_STATIC_KEYS,
    /** {@code AWS_PROFILE} in env or envFrom selects a profile instead of the web identity token. */
    OVERRIDDEN_PROFILE,
    /** envFrom names a ConfigMap or Secret whose keys could not be checked for credentials. */
    ENV_FROM_UNCHECKED,
    /** A non-root container without {@code fsGroup} (or a shared runAsUser) cannot read the token file. */
    TOKEN_UNREADABLE
  }

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** The container concerned; empty when the finding is about the whole pod. */
  public Optional<String> containerName() {
    return Optional.ofNullable(container);
  }

  @Override
  public String toString() {
    return code + (container == null ? "" : "[" + container + "]") + ": " + message;
  }
}
