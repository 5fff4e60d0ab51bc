package dev.irsa.verify.eval;

import dev.irsa.core.internal.Quote;
import dev.irsa.verify.eval.internal.ArnPattern;
import dev.irsa.verify.eval.internal.Ascii;
import dev.irsa.verify.eval.internal.PrincipalMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to evaluate: who ({@code principal}), what ({@code action}), on what
 * ({@code resource}), and the context keys with their values. Keys compare case-insensitively;
 * a key given a list of values is multivalued (use {@code ForAllValues:}/{@code ForAnyValue:} in
 * policies for it). The context is used exactly as given: nothing is derived from the principal
 * (see {@link IrsaSession} for a builder that derives what AWS supplies for an IRSA session).
 *
 * <pre>{@code
 * RequestContext r = RequestContext.builder()
 *     .principal("arn:aws:sts::111122223333:assumed-role/app/s1")
 *     .action("s3:GetObject")
 *     .resource("arn:aws:s3:::my-bucket/key")
 *     .context("aws:SecureTransport", "true")
 *     .build();
 * }</pre>
 */
public final class RequestContext {

  private final String principal;
  private final String action;
  private final String resource;
  private final Optional<String> resourceAccount;
  private final Map<String, List<String>> context;
  private final Map<String, String[]> byLowerKey;
  private final String lowerAction;
  private final String service;
  private final PrincipalMatcher.Caller caller;
  private final ArnPattern.Parts resourceParts;

  private RequestContext(Builder b) {
    this.principal = b.principal;
    this.action = Objects.requireNonNull(b.action, "action is required");
    this.resource = Objects.requireNonNull(b.resource, "resource is required");
    this.resourceAccount = Optional.ofNullable(b.resourceAccount);
    Map<String, List<String>> ctx = new LinkedHashMap<>();
    Map<String, String[]> lower = new HashMap<>();
    b.context.forEach((k, v) -> ctx.put(k, List.copyOf(v)));
    b.keyByLower.forEach((lowerKey, k) -> { // the builder has lower-cased each key once already
      List<String> v = b.context.get(k);
      lower.put(lowerKey, v.toArray(new String[v.size()])); // sized: no reflective array creation
    });
    this.context = Collections.unmodifiableMap(ctx);
    this.byLowerKey = lower;
    this.lowerAction = Ascii.lower(action);
    int colon = lowerAction.indexOf(':');
    this.service = colon < 0 ? lowerAction : lowerAction.substring(0, colon);
    this.caller = PrincipalMatcher.Caller.of(principal);
    this.resourceParts = ArnPattern.Parts.of(resource);
  }

  /** arn:partition:service:region:account:resource with partition, service and resource not empty. */
  private static boolean isArn(String s) {
    if (!s.startsWith("arn:")) {
      return false;
    }
    int partition = 4;
    int service = s.indexOf(':', partition) + 1;
    int region = service == 0 ? 0 : s.indexOf(':', service) + 1;
    int account = region == 0 ? 0 : s.indexOf(':', region) + 1;
    int resource = account == 0 ? 0 : s.indexOf(':', account) + 1;
    return resource > 0 && service - 1 > partition && region - 1 > service && resource < s.length();
  }

  /** {@code [A-Za-z0-9-]+:[A-Za-z0-9_-]+} (IAM's service prefix and action name characters). */
  static boolean isAction(String s) {
    int colon = s.indexOf(':');
    if (colon <= 0 || colon == s.length() - 1) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
          || (i > colon && c == '_') || i == colon;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Twelve ASCII digits. */
  static boolean isAccount(String s) {
    if (s.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code [A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+}, e.g. {@code lambda.amazonaws.com}. */
  static boolean isServicePrincipal(String s) {
    int labels = 0;
    int len = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '.';
      if (c == '.') {
        if (len == 0) {
          return false;
        }
        labels++;
        len = 0;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
        len++;
      } else {
        return false;
      }
    }
    return labels >= 2;
  }

  ArnPattern.Parts resourceParts() {
    return resourceParts;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A request with no context keys. */
  public static RequestContext of(String principal, String action, String resource) {
    return builder().principal(principal).action(action).resource(resource).build();
  }

  public Builder toBuilder() {
    Builder b = new Builder().principal(principal).action(action).resource(resource);
    resourceAccount.ifPresent(b::resourceAccount);
    context.forEach(b::context);
    return b;
  }

  /** The caller's ARN (user, role or role session), a service principal, or empty for anonymous. */
  public Optional<String> principal() {
    return Optional.ofNullable(principal);
  }

  public String action() {
    return action;
  }

  public String resource() {
    return resource;
  }

  /** The account that owns the resource when given; else taken from the resource ARN, else the caller's. */
  public Optional<String> resourceAccount() {
    return resourceAccount;
  }

  /** Context keys as given, in order. */
  public Map<String, List<String>> context() {
    return context;
  }

  /** The values of a key (case-insensitive), empty when absent. */
  public List<String> values(String key) {
    String[] v = byLowerKey.get(Ascii.lower(key));
    return v == null ? List.of() : List.of(v);
  }

  String[] valuesLower(String lowerCaseKey) {
    return byLowerKey.get(lowerCaseKey);
  }

  String lowerAction() {
    return lowerAction;
  }

  String service() {
    return service;
  }

  PrincipalMatcher.Caller caller() {
    return caller;
  }

  /** Context keys are not printed (values may be sensitive); their names are. */
  @Override
  public String toString() {
    return "RequestContext{" + (principal == null ? "anonymous" : principal) + " " + action + " " + resource
        + (context.isEmpty() ? "" : " keys=" + context.keySet()) + "}";
  }

  /** Builds a {@link RequestContext}; action and resource are required. */
  public static final class Builder {
    private String principal;
    private String action;
    private String resource;
    private String resourceAccount;
    private final Map<String, List<String>> context = new LinkedHashMap<>();
    private final Map<String, String> keyByLower = new HashMap<>(); // lower-cased key -> the key as given

    private Builder() {}

    /**
     * The caller: a user, role or role-session ARN (or an OIDC/SAML provider ARN for federation),
     * or a service principal such as {@code lambda.amazonaws.com}; {@code null} for anonymous.
     *
     * @throws IllegalArgumentException when it is neither an ARN nor a service principal
     */
    public Builder principal(String principal) {
      if (principal != null && !isArn(principal) && !isServicePrincipal(principal)) {
        throw new IllegalArgumentException("principal must be an ARN (arn:partition:service:region:account:resource) "
            + "or a service principal (e.g. lambda.amazonaws.com), got: " + Quote.single(principal));
      }
      this.principal = principal;
      return this;
    }

    /**
     * {@code service:Action}, e.g. {@code s3:GetObject} (case-insensitive when matched).
     *
     * @throws IllegalArgumentException when it is not {@code service:Action} (a request names one
     *     action, so no wildcards)
     */
    public Builder action(String action) {
      Objects.requireNonNull(action, "action");
      if (!isAction(action)) {
        throw new IllegalArgumentException(
            "action must be service:Action without wildcards (e.g. s3:GetObject), got: " + Quote.single(action));
      }
      this.action = action;
      return this;
    }

    /**
     * The resource ARN, or {@code *} for actions without resource-level permissions (as IAM's
     * policy simulator and the Service Authorization Reference do).
     *
     * @throws IllegalArgumentException when it is neither an ARN nor {@code *}
     */
    public Builder resource(String resource) {
      Objects.requireNonNull(resource, "resource");
      if (!resource.equals("*") && !isArn(resource)) {
        throw new IllegalArgumentException("resource must be an ARN (arn:partition:service:region:account:resource) "
            + "or * for actions without a resource type, got: " + Quote.single(resource));
      }
      this.resource = resource;
      return this;
    }

    /**
     * The 12-digit account that owns the resource (S3 ARNs have none).
     *
     * @throws IllegalArgumentException when it is not 12 digits
     */
    public Builder resourceAccount(String account) {
      Objects.requireNonNull(account, "account");
      if (!isAccount(account)) {
        throw new IllegalArgumentException("resourceAccount must be a 12-digit account ID, got: " + Quote.single(account));
      }
      this.resourceAccount = account;
      return this;
    }

    /** A single-valued key (replaces an earlier value of the same key). */
    public Builder context(String key, String value) {
      return context(key, List.of(Objects.requireNonNull(value, "value")));
    }

    /** A multivalued key; an empty list is present-but-empty (ForAllValues true, ForAnyValue false). */
    public Builder context(String key, List<String> values) {
      Objects.requireNonNull(key, "key");
      List<String> copy = new ArrayList<>(values);
      String earlier = keyByLower.put(Ascii.lower(key), key);
      if (earlier != null) {
        context.remove(earlier);
      }
      context.put(key, copy);
      return this;
    }

    /** Removes a key (case-insensitive). */
    public Builder removeContext(String key) {
      String earlier = keyByLower.remove(Ascii.lower(key));
      if (earlier != null) {
        context.remove(earlier);
      }
      return this;
    }

    public RequestContext build() {
      return new RequestContext(this);
    }
  }
}
