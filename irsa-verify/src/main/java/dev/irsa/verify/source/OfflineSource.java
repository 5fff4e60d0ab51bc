package dev.irsa.verify.source;

import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.verify.PolicyEvaluator;
import dev.irsa.verify.eval.CompiledPolicy;
import dev.irsa.verify.eval.EvaluationResult;
import dev.irsa.verify.eval.IrsaSession;
import dev.irsa.verify.eval.PolicySet;
import dev.irsa.verify.eval.PolicyType;
import dev.irsa.verify.expect.Expectation;
import dev.irsa.verify.expect.Expectations;
import dev.irsa.verify.report.Answer;
import dev.irsa.verify.report.SourceAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates the given documents with {@link PolicyEvaluator}: the trust policy for the identity
 * check, the identity policies (and boundary, session policy) for every other check, as the role
 * session the pod would get. No AWS or Kubernetes call.
 *
 * <pre>{@code
 * OfflineSource offline = OfflineSource.builder().trust(trust).addIdentityPolicy("irsa-demo", policy).build();
 * }</pre>
 */
public final class OfflineSource implements VerificationSource {
  private final String name;
  private final PolicyDocument trust;
  private final Map<String, PolicyDocument> identity;
  private final Map<String, PolicyDocument> boundaries;
  private final Map<String, String> roleTags;
  private final String sessionName;
  private final List<String> identityOrder;
  private final List<String> boundaryOrder;

  private OfflineSource(Builder b) {
    this.name = b.name;
    this.trust = b.trust;
    this.identity = Map.copyOf(b.identity);
    this.boundaries = Map.copyOf(b.boundaries);
    this.roleTags = Map.copyOf(b.roleTags);
    this.sessionName = b.sessionName;
    this.identityOrder = List.copyOf(b.identity.keySet());
    this.boundaryOrder = List.copyOf(b.boundaries.keySet());
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SourceResult run(Target target, Expectations expectations) {
    PolicyEvaluator eval = PolicyEvaluator.create();
    SourceResult.Builder out = SourceResult.builder(name);
    PolicySet.Builder sb = PolicySet.builder();
    for (String n : identityOrder) {
      sb.addIdentityPolicy(n, CompiledPolicy.compile(identity.get(n)));
    }
    for (String n : boundaryOrder) {
      sb.addPermissionsBoundary(n, CompiledPolicy.compile(boundaries.get(n)));
    }
    PolicySet set = sb.build();
    IrsaSession.Builder session = IrsaSession.builder().role(target.role()).sessionName(sessionName);
    target.region().ifPresent(session::region);
    target.provider().ifPresent(session::provider);
    roleTags.forEach(session::roleTag);
    IrsaSession s = session.build();
    for (Expectation e : expectations) {
      long start = System.nanoTime();
      SourceAnswer a = e.isCallerIdentity() ? trust(eval, target, out) : answer(eval.evaluate(set, s.request(e.action(), e.resource())));
      out.add(e, a.withTook(Duration.ofNanos(System.nanoTime() - start)));
    }
    return out.build();
  }

  private SourceAnswer trust(PolicyEvaluator eval, Target target, SourceResult.Builder out) {
    if (trust == null) {
      return SourceAnswer.of(name, Answer.NOT_AVAILABLE, "no trust policy given");
    }
    if (target.provider().isEmpty()) {
      return SourceAnswer.of(name, Answer.NOT_AVAILABLE, "no OIDC provider given: cannot evaluate the trust policy");
    }
    EvaluationResult r = eval.irsaTrust(trust, target.role(), target.provider().get(), target.serviceAccount().subject(),
        target.audience());
    SourceAnswer a = answer(r);
    out.identity().trust(name, r.decision().name(), a.evidence());
    return a;
  }

  /** An evaluation result as an answer: the decision and the statements (or layers) that made it. */
  public SourceAnswer answer(EvaluationResult r) {
    return SourceAnswer.of(name, r.isAllowed() ? Answer.ALLOWED : Answer.DENIED, evidence(r));
  }

  static String evidence(EvaluationResult r) {
    List<String> parts = new ArrayList<>();
    switch (r.decision()) {
      case ALLOWED -> r.matched().forEach(m -> parts.add("allowed by " + m));
      case EXPLICIT_DENY -> r.matched().forEach(m -> parts.add("denied by " + m));
      case IMPLICIT_DENY -> {
        List<String> layers = r.blockedBy().stream().map(PolicyType::label).toList();
        parts.add("no statement allows it (" + String.join(", ", layers) + ")");
      }
    }
    if (!r.missingContextKeys().isEmpty()) {
      parts.add("missing context keys: " + String.join(", ", r.missingContextKeys()));
    }
    return r.decision() + ": " + String.join("; ", parts);
  }

  @Override
  public String toString() {
    return "OfflineSource{" + name + ", identity=" + identityOrder + ", boundary=" + boundaryOrder + ", trust="
        + (trust != null) + "}";
  }

  /** The documents to evaluate. */
  public static final class Builder {
    private String name = "offline";
    private PolicyDocument trust;
    private final Map<String, PolicyDocument> identity = new LinkedHashMap<>();
    private final Map<String, PolicyDocument> boundaries = new LinkedHashMap<>();
    private final Map<String, String> roleTags = new LinkedHashMap<>();
    private String sessionName = "irsa-verify";

    private Builder() {}

    /** The source's name in reports (default {@code offline}). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The role's trust policy, for the identity check. */
    public Builder trust(PolicyDocument trust) {
      this.trust = Objects.requireNonNull(trust, "trust");
      return this;
    }

    /** An identity policy (managed or inline) of the role, under a name shown in evidence. */
    public Builder addIdentityPolicy(String name, PolicyDocument doc) {
      identity.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(doc, "doc"));
      return this;
    }

    /** The role's permissions boundary (appends; IAM allows one per role). */
    public Builder addPermissionsBoundary(String name, PolicyDocument doc) {
      boundaries.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(doc, "doc"));
      return this;
    }

    /** A tag on the role ({@code aws:PrincipalTag/<key>}). */
    public Builder roleTag(String key, String value) {
      roleTags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The session name of the simulated role session (default {@code irsa-verify}). */
    public Builder sessionName(String sessionName) {
      this.sessionName = Objects.requireNonNull(sessionName, "sessionName");
      return this;
    }

    public OfflineSource build() {
      return new OfflineSource(this);
    }
  }
}
