package dev.irsa.verify.eval;

import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.verify.eval.internal.EvalAccess;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The policies that apply to a request, by layer, each compiled once and named for results
 * ({@code identity[0]}, {@code resource}, {@code boundary[0]}, {@code session}, {@code scp[0][1]},
 * {@code rcp[1][0]} unless named explicitly). Organization levels are given root first; each SCP
 * level must allow; RCPs only deny (RCPFullAWSAccess is implicitly attached at every level).
 * Immutable and thread-safe: build once, evaluate many requests. Builder methods named
 * {@code addX} append, the others ({@code resourcePolicy}, {@code sessionPolicy}) replace.
 *
 * <pre>{@code
 * PolicySet set = PolicySet.builder()
 *     .addIdentityPolicy(Permissions.builder().s3Read("my-bucket").build())
 *     .addPermissionsBoundary(boundaryJson)
 *     .build();
 * }</pre>
 */
public final class PolicySet {
  static {
    EvalAccess.engine(Evaluator.ENGINE);
  }

  /** A policy with the name results use for it. */
  public record Named(String name, CompiledPolicy policy) {
    public Named {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(policy, "policy");
    }
  }

  private final List<Named> identity;
  private final Optional<Named> resource;
  private final List<Named> boundaries;
  private final Optional<Named> session;
  private final List<List<Named>> scps;
  private final List<List<Named>> rcps;

  private PolicySet(Builder b) {
    this.identity = List.copyOf(b.identity);
    this.resource = Optional.ofNullable(b.resource);
    this.boundaries = List.copyOf(b.boundaries);
    this.session = Optional.ofNullable(b.session);
    this.scps = b.scps.stream().map(List::copyOf).toList();
    this.rcps = b.rcps.stream().map(List::copyOf).toList();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A set with identity policies only. */
  public static PolicySet ofIdentity(PolicyDocument... docs) {
    Builder b = builder();
    for (PolicyDocument d : docs) {
      b.addIdentityPolicy(d);
    }
    return b.build();
  }

  public List<Named> identityPolicies() {
    return identity;
  }

  public Optional<Named> resourcePolicy() {
    return resource;
  }

  /** Permissions boundaries (a role has at most one; several are all required to allow). */
  public List<Named> permissionsBoundaries() {
    return boundaries;
  }

  public Optional<Named> sessionPolicy() {
    return session;
  }

  /** SCPs per organization level, root first. */
  public List<List<Named>> scpLevels() {
    return scps;
  }

  /** RCPs per organization level, root first. */
  public List<List<Named>> rcpLevels() {
    return rcps;
  }

  @Override
  public String toString() {
    return "PolicySet{identity=" + identity.size() + ", resource=" + resource.isPresent() + ", boundaries="
        + boundaries.size() + ", session=" + session.isPresent() + ", scpLevels=" + scps.size() + ", rcpLevels="
        + rcps.size() + "}";
  }

  /** Builds a {@link PolicySet}; JSON and documents are compiled as they are added. */
  public static final class Builder {
    private final List<Named> identity = new ArrayList<>();
    private Named resource;
    private final List<Named> boundaries = new ArrayList<>();
    private Named session;
    private final List<List<Named>> scps = new ArrayList<>();
    private final List<List<Named>> rcps = new ArrayList<>();

    private Builder() {}

    public Builder addIdentityPolicy(PolicyDocument doc) {
      return addIdentityPolicy(CompiledPolicy.compile(doc));
    }

    /** @throws dev.irsa.core.policy.PolicyParseException for a malformed policy */
    public Builder addIdentityPolicy(String json) {
      return addIdentityPolicy(CompiledPolicy.compile(json));
    }

    public Builder addIdentityPolicy(CompiledPolicy policy) {
      return addIdentityPolicy("identity[" + identity.size() + "]", policy);
    }

    public Builder addIdentityPolicy(String name, CompiledPolicy policy) {
      identity.add(new Named(name, policy));
      return this;
    }

    /** Sets the resource policy (replacing an earlier one): a request has at most one. */
    public Builder resourcePolicy(PolicyDocument doc) {
      return resourcePolicy("resource", CompiledPolicy.compile(doc));
    }

    /** @throws dev.irsa.core.policy.PolicyParseException for a malformed policy */
    public Builder resourcePolicy(String json) {
      return resourcePolicy("resource", CompiledPolicy.compile(json));
    }

    /** Sets the resource policy under a name of your choice (replacing an earlier one). */
    public Builder resourcePolicy(String name, CompiledPolicy policy) {
      this.resource = new Named(name, policy);
      return this;
    }

    /** Appends a permissions boundary (a role has at most one; several must all allow). */
    public Builder addPermissionsBoundary(PolicyDocument doc) {
      return addPermissionsBoundary("boundary[" + boundaries.size() + "]", CompiledPolicy.compile(doc));
    }

    /**
     * Appends a permissions boundary given as JSON.
     *
     * @throws dev.irsa.core.policy.PolicyParseException for a malformed policy
     */
    public Builder addPermissionsBoundary(String json) {
      return addPermissionsBoundary("boundary[" + boundaries.size() + "]", CompiledPolicy.compile(json));
    }

    /** Appends a permissions boundary under a name of your choice. */
    public Builder addPermissionsBoundary(String name, CompiledPolicy policy) {
      boundaries.add(new Named(name, policy));
      return this;
    }

    /** Sets the session policy (replacing an earlier one). */
    public Builder sessionPolicy(PolicyDocument doc) {
      return sessionPolicy("session", CompiledPolicy.compile(doc));
    }

    /** @throws dev.irsa.core.policy.PolicyParseException for a malformed policy */
    public Builder sessionPolicy(String json) {
      return sessionPolicy("session", CompiledPolicy.compile(json));
    }

    public Builder sessionPolicy(String name, CompiledPolicy policy) {
      this.session = new Named(name, policy);
      return this;
    }

    /** Appends an organization level of SCPs (root first); each must allow for a request to be allowed. */
    public Builder addScpLevel(List<CompiledPolicy> level) {
      scps.add(name("scp[" + scps.size() + "]", level));
      return this;
    }

    public Builder addScpLevelNamed(List<Named> level) {
      scps.add(List.copyOf(level));
      return this;
    }

    /** Appends an organization level of RCPs (root first); RCPFullAWSAccess is implied, so only Denys count. */
    public Builder addRcpLevel(List<CompiledPolicy> level) {
      rcps.add(name("rcp[" + rcps.size() + "]", level));
      return this;
    }

    public Builder addRcpLevelNamed(List<Named> level) {
      rcps.add(List.copyOf(level));
      return this;
    }

    private static List<Named> name(String prefix, List<CompiledPolicy> level) {
      List<Named> out = new ArrayList<>();
      for (int i = 0; i < level.size(); i++) {
        out.add(new Named(prefix + "[" + i + "]", level.get(i)));
      }
      return Collections.unmodifiableList(out);
    }

    public PolicySet build() {
      return new PolicySet(this);
    }
  }
}
