package dev.irsa.verify.expect;

import dev.irsa.core.arn.Arn;
import dev.irsa.core.catalog.ActionLookup;
import dev.irsa.core.catalog.ServiceAction;
import dev.irsa.core.catalog.ServiceCatalog;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One check: an action on a resource that must be allowed, or denied. Built only through
 * {@link #allow(String, String)} and {@link #deny(String, String)}, which refuse an action the AWS
 * service catalog does not know (with its suggestions), a wildcard, a resource that is neither
 * {@code *} nor an ARN, and an ARN the action can never apply to: a typo must not make a "denied"
 * check pass.
 *
 * <pre>{@code
 * Expectation.allow("s3:ListBucket", "arn:aws:s3:::irsa-demo-bucket");
 * Expectation.deny("s3:DeleteObject", "arn:aws:s3:::irsa-demo-bucket/hello.txt");
 * Expectation.deny("s3:ListBuckets", "*");   // IllegalArgumentException: unknown action s3:ListBuckets
 *                                            //   (did you mean s3:ListBucket, s3:ListAllMyBuckets?)
 * }</pre>
 *
 * <p>Equality ignores the label.
 */
public final class Expectation {
  /** {@code sts:GetCallerIdentity}: the identity check (needs no permission; proves the role can be assumed). */
  public static final String CALLER_IDENTITY = "sts:GetCallerIdentity";

  private final ExpectedOutcome expected;
  private final String action;
  private final String resource;
  private final String label;
  private final Map<String, String> probeKey;

  private Expectation(ExpectedOutcome expected, String action, String resource, String label) {
    this(expected, action, resource, label, Map.of());
  }

  private Expectation(ExpectedOutcome expected, String action, String resource, String label, Map<String, String> probeKey) {
    this.expected = Objects.requireNonNull(expected, "expected");
    this.action = Objects.requireNonNull(action, "action");
    this.resource = Objects.requireNonNull(resource, "resource");
    this.label = Objects.requireNonNull(label, "label");
    this.probeKey = Collections.unmodifiableMap(new LinkedHashMap<>(probeKey));
  }

  /**
   * The key of an item a live probe may read (e.g. {@code dynamodb:GetItem}: string attributes of the
   * table's primary key), or empty. Equality ignores it.
   */
  public Map<String, String> probeKey() {
    return probeKey;
  }

  /**
   * This expectation with the key a read-only probe may use (string attributes, e.g. {@code id -> "1"}).
   *
   * @throws IllegalArgumentException when the key is empty or has an empty name
   */
  public Expectation withProbeKey(Map<String, String> key) {
    if (key.isEmpty() || key.keySet().stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("probe key must name at least one attribute, got: " + key);
    }
    key.values().forEach(v -> Objects.requireNonNull(v, "probe key value"));
    return new Expectation(expected, action, resource, label, key);
  }

  /** ALLOW or DENY. */
  public ExpectedOutcome expected() {
    return expected;
  }

  /** The catalog's spelling of the action, e.g. {@code s3:GetObject}. */
  public String action() {
    return action;
  }

  /** An ARN or {@code *}. */
  public String resource() {
    return resource;
  }

  /** What a person would run for this check (e.g. {@code aws s3 ls s3://bucket}), or empty. */
  public String label() {
    return label;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Expectation e && e.expected == expected && e.action.equals(action) && e.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expected, action, resource);
  }

  /**
   * {@code action} on {@code resource} must be allowed.
   *
   * @throws IllegalArgumentException for an unknown service or action (with suggestions), a wildcard
   *     action, a resource that is not an ARN or {@code *}, or one the action cannot apply to
   */
  public static Expectation allow(String action, String resource) {
    return of(ExpectedOutcome.ALLOW, action, resource, "");
  }

  /**
   * {@code action} on {@code resource} must be denied.
   *
   * @throws IllegalArgumentException as {@link #allow(String, String)}
   */
  public static Expectation deny(String action, String resource) {
    return of(ExpectedOutcome.DENY, action, resource, "");
  }

  /** The identity check: the service account gets a session of the role ({@code aws sts get-caller-identity}). */
  public static Expectation callerIdentity() {
    return new Expectation(ExpectedOutcome.ALLOW, CALLER_IDENTITY, "*", "aws sts get-caller-identity");
  }

  /**
   * A validated expectation.
   *
   * @throws IllegalArgumentException as {@link #allow(String, String)}
   */
  public static Expectation of(ExpectedOutcome expected, String action, String resource, String label) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    ServiceAction known = lookup(action);
    if (!resource.equals("*") && !Arn.isValid(resource)) {
      throw new IllegalArgumentException("resource must be an ARN or *, got: '" + resource + "'");
    }
    if (resource.indexOf('*') >= 0 && !resource.equals("*") || resource.indexOf('?') >= 0) {
      throw new IllegalArgumentException("resource must name one resource (no wildcard), got: '" + resource + "'");
    }
    if (!known.canMatch(resource)) {
      throw new IllegalArgumentException(known.fullName() + " can never apply to " + resource
          + (known.resources().isEmpty() ? " (it takes only *)"
              : " (it takes " + String.join(", ", known.resources().stream().map(r -> r.type().name()).toList()) + ")"));
    }
    return new Expectation(expected, known.fullName(), resource, label);
  }

  private static ServiceAction lookup(String action) {
    if (action.indexOf('*') >= 0 || action.indexOf('?') >= 0) {
      throw new IllegalArgumentException("action must name one action (no wildcard), got: '" + action + "'");
    }
    ActionLookup l = ServiceCatalog.aws().lookup(action);
    return switch (l.status()) {
      case FOUND -> l.actions().get(0);
      case INVALID -> throw new IllegalArgumentException("action must be service:Action, got: '" + action + "'");
      case UNKNOWN_SERVICE -> throw new IllegalArgumentException("unknown service in action " + action + suggest(l));
      case UNKNOWN_ACTION -> throw new IllegalArgumentException("unknown action " + action + suggest(l));
    };
  }

  private static String suggest(ActionLookup l) {
    return l.suggestions().isEmpty() ? "" : " (did you mean " + String.join(", ", l.suggestions()) + "?)";
  }

  /** This expectation with a label (the command a person would run for it). */
  public Expectation withLabel(String label) {
    return new Expectation(expected, action, resource, Objects.requireNonNull(label, "label"), probeKey);
  }

  /** True for the identity check ({@link #CALLER_IDENTITY}). */
  public boolean isCallerIdentity() {
    return action.equals(CALLER_IDENTITY);
  }

  /** A short, stable name: {@code allow s3:ListBucket on arn:aws:s3:::b}. */
  public String name() {
    return (expected == ExpectedOutcome.ALLOW ? "allow " : "deny ") + action + " on " + resource;
  }

  @Override
  public String toString() {
    return name();
  }
}
