package dev.irsa.verify.eval;

import dev.irsa.core.arn.AssumedRoleArn;
import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.trust.OidcProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The caller a pod becomes through IRSA: a role session, and the request context keys AWS supplies
 * for it. {@link #request(String, String)} builds requests for evaluation.
 *
 * <p>Derived keys: {@code aws:PrincipalArn} (the role ARN, path included), {@code aws:PrincipalAccount},
 * {@code aws:PrincipalType} = {@code AssumedRole}, {@code aws:userid} = {@code <role id>:<session>}
 * (only when {@link Builder#roleId(String)} is given: the id is not derivable from the ARN),
 * {@code aws:PrincipalTag/<key>} per role tag, {@code aws:CurrentTime} (ISO 8601, seconds) and
 * {@code aws:EpochTime}, {@code aws:SecureTransport} ({@code true} unless set), {@code aws:RequestedRegion}
 * (when a region is given), {@code aws:FederatedProvider} (when the OIDC provider is given),
 * {@code aws:PrincipalIsAWSService} = {@code false}, {@code aws:ViaAWSService} = {@code false}.
 * {@code aws:username} is absent for role sessions, as in AWS. Keys added with
 * {@link Builder#context(String, String)} are added last and win.
 *
 * <pre>{@code
 * IrsaSession s = IrsaSession.builder().role(RoleArn.parse("arn:aws:iam::111122223333:role/ci/app"))
 *     .sessionName("botocore-session-1").region("us-west-2").build();
 * s.sessionArn();   // arn:aws:sts::111122223333:assumed-role/app/botocore-session-1 (path dropped)
 * RequestContext r = s.request("s3:ListBucket", "arn:aws:s3:::my-bucket");
 * }</pre>
 */
public final class IrsaSession {
  private final RoleArn role;
  private final AssumedRoleArn sessionArn;
  private final Map<String, List<String>> context;

  private IrsaSession(Builder b) {
    this.role = Objects.requireNonNull(b.role, "role is required");
    this.sessionArn = role.session(b.sessionName);
    Instant now = b.clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Map<String, List<String>> ctx = new LinkedHashMap<>();
    ctx.put("aws:PrincipalArn", List.of(role.toString()));
    ctx.put("aws:PrincipalAccount", List.of(role.account()));
    ctx.put("aws:PrincipalType", List.of("AssumedRole"));
    if (b.roleId != null) {
      ctx.put("aws:userid", List.of(b.roleId + ":" + b.sessionName));
    }
    b.roleTags.forEach((k, v) -> ctx.put("aws:PrincipalTag/" + k, List.of(v)));
    ctx.put("aws:CurrentTime", List.of(now.toString()));
    ctx.put("aws:EpochTime", List.of(Long.toString(now.getEpochSecond())));
    ctx.put("aws:SecureTransport", List.of(Boolean.toString(b.secureTransport)));
    if (b.region != null) {
      ctx.put("aws:RequestedRegion", List.of(b.region));
    }
    if (b.provider != null) {
      ctx.put("aws:FederatedProvider", List.of(b.provider.arn()));
    }
    ctx.put("aws:PrincipalIsAWSService", List.of("false"));
    ctx.put("aws:ViaAWSService", List.of("false"));
    b.extra.forEach(ctx::put);
    this.context = ctx;
  }

  public static Builder builder() {
    return new Builder();
  }

  public RoleArn role() {
    return role;
  }

  /** {@code arn:<partition>:sts::<account>:assumed-role/<role name>/<session>}: what get-caller-identity returns. */
  public AssumedRoleArn sessionArn() {
    return sessionArn;
  }

  /** The derived keys (and the caller's additions), in order. */
  public Map<String, List<String>> context() {
    return java.util.Collections.unmodifiableMap(context);
  }

  /**
   * A request by this session.
   *
   * @throws IllegalArgumentException when {@code action} is not {@code service:Action} or
   *     {@code resource} is neither an ARN nor {@code *} (see {@link RequestContext.Builder})
   */
  public RequestContext request(String action, String resource) {
    RequestContext.Builder b = RequestContext.builder().principal(sessionArn.toString()).action(action).resource(resource);
    context.forEach(b::context);
    return b.build();
  }

  @Override
  public String toString() {
    return "IrsaSession{" + sessionArn + "}";
  }

  /** Builds an {@link IrsaSession}; {@link #role(RoleArn)} is required. */
  public static final class Builder {
    private RoleArn role;
    private String sessionName = "irsa-session";
    private String roleId;
    private final Map<String, String> roleTags = new LinkedHashMap<>();
    private String region;
    private boolean secureTransport = true;
    private OidcProvider provider;
    private Clock clock = Clock.systemUTC();
    private final Map<String, List<String>> extra = new LinkedHashMap<>();

    private Builder() {}

    public Builder role(RoleArn role) {
      this.role = Objects.requireNonNull(role, "role");
      return this;
    }

    /** The session name (default {@code irsa-session}; the AWS SDKs use {@code botocore-session-<n>} and the like). */
    public Builder sessionName(String name) {
      this.sessionName = Objects.requireNonNull(name, "sessionName");
      return this;
    }

    /** The role's unique id ({@code AROA...}), for {@code aws:userid}. */
    public Builder roleId(String roleId) {
      this.roleId = Objects.requireNonNull(roleId, "roleId");
      return this;
    }

    /** A tag on the role, visible as {@code aws:PrincipalTag/<key>}. */
    public Builder roleTag(String key, String value) {
      roleTags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The region requests go to: {@code aws:RequestedRegion}. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    public Builder secureTransport(boolean secure) {
      this.secureTransport = secure;
      return this;
    }

    /** The cluster's OIDC provider, for {@code aws:FederatedProvider}. */
    public Builder provider(OidcProvider provider) {
      this.provider = Objects.requireNonNull(provider, "provider");
      return this;
    }

    /** The clock for {@code aws:CurrentTime} and {@code aws:EpochTime} (default: the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Any other key (e.g. {@code aws:SourceIp}); replaces a derived key of the same name. */
    public Builder context(String key, String value) {
      extra.put(Objects.requireNonNull(key, "key"), List.of(Objects.requireNonNull(value, "value")));
      return this;
    }

    public Builder context(String key, List<String> values) {
      extra.put(Objects.requireNonNull(key, "key"), List.copyOf(values));
      return this;
    }

    public IrsaSession build() {
      return new IrsaSession(this);
    }
  }
}
