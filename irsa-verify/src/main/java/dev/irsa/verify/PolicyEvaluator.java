package dev.irsa.verify;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.PodIdentityTrust;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.verify.eval.CompiledPolicy;
import dev.irsa.verify.eval.Decision;
import dev.irsa.verify.eval.EvaluationResult;
import dev.irsa.verify.eval.PolicySet;
import dev.irsa.verify.eval.RequestContext;
import dev.irsa.verify.eval.internal.EvalAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The front door of offline IAM evaluation: decide ALLOWED, EXPLICIT_DENY or IMPLICIT_DENY for a
 * request against identity, resource, boundary, session, SCP and RCP policies, and answer "can
 * this service account assume this role?" for IRSA and EKS Pod Identity trust policies.
 *
 * <pre>{@code
 * PolicyEvaluator eval = PolicyEvaluator.create();
 * PolicySet set = PolicySet.builder().addIdentityPolicy(policy).build();   // compile once
 * EvaluationResult r = eval.evaluate(set, RequestContext.of(sessionArn, "s3:ListBucket", "arn:aws:s3:::b"));
 * r.decision();   // ALLOWED
 * r.explain();    // which statement allowed it
 *
 * eval.irsaTrust(trust, role, cluster, ServiceAccountRef.of("payments", "api")).decision();
 * }</pre>
 *
 * Instances hold no state and are thread-safe.
 */
public final class PolicyEvaluator {
  /** {@code sts:AssumeRoleWithWebIdentity}. */
  public static final String ASSUME_ROLE_WITH_WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";

  private static final PolicyEvaluator INSTANCE = new PolicyEvaluator();

  private PolicyEvaluator() {}

  public static PolicyEvaluator create() {
    return INSTANCE;
  }

  /**
   * Compiles a policy for repeated evaluation.
   *
   * @throws dev.irsa.core.policy.PolicyParseException with the JSON path and line:column
   */
  public static CompiledPolicy compile(String json) {
    return CompiledPolicy.compile(json);
  }

  public static CompiledPolicy compile(PolicyDocument doc) {
    return CompiledPolicy.compile(doc);
  }

  /** The decision, the statements that made it, what blocked an implicit deny, and missing keys. */
  public EvaluationResult evaluate(PolicySet policies, RequestContext request) {
    return EvalAccess.engine().evaluate(Objects.requireNonNull(policies, "policies"),
        Objects.requireNonNull(request, "request"));
  }

  /** Only the decision (nothing collected): for bulk runs. */
  public Decision decide(PolicySet policies, RequestContext request) {
    return EvalAccess.engine().decide(Objects.requireNonNull(policies, "policies"),
        Objects.requireNonNull(request, "request"));
  }

  /**
   * Can the pods of {@code serviceAccount} on the cluster of {@code provider} assume {@code role}?
   * Evaluates {@code sts:AssumeRoleWithWebIdentity} by the provider against the trust policy, with
   * the keys STS supplies: {@code <issuer>:sub} = {@code system:serviceaccount:<ns>:<name>},
   * {@code <issuer>:aud} = {@code sts.amazonaws.com}, and {@code aws:FederatedProvider}. A refusal
   * says why in {@link EvaluationResult#trustRefusals()} (the failing condition with what the trust
   * policy wanted and what the token had, or the provider, action or audience).
   */
  public EvaluationResult irsaTrust(PolicyDocument trust, RoleArn role, OidcProvider provider,
      ServiceAccountRef serviceAccount) {
    return irsaTrust(trust, role, provider, serviceAccount.subject(), OidcProvider.DEFAULT_AUDIENCE);
  }

  /**
   * As {@link #irsaTrust(PolicyDocument, RoleArn, OidcProvider, ServiceAccountRef)} with the claims
   * of a real token: {@code sub} and {@code aud} (the token's {@code iss} must be the provider's
   * issuer; check that with {@link #issuerMatches(OidcProvider, String)}).
   */
  public EvaluationResult irsaTrust(PolicyDocument trust, RoleArn role, OidcProvider provider, String sub, String aud) {
    RequestContext request = RequestContext.builder()
        .principal(provider.arn())
        .action(ASSUME_ROLE_WITH_WEB_IDENTITY)
        .resource(role.toString())
        .resourceAccount(role.account())
        .context(provider.subKey(), sub)
        .context(provider.audKey(), aud)
        .context("aws:FederatedProvider", provider.arn())
        .build();
    return evaluate(PolicySet.builder().resourcePolicy("trust", CompiledPolicy.compile(trust)).build(), request);
  }

  /** True when a token's {@code iss} claim names the provider's issuer (STS compares them exactly). */
  public static boolean issuerMatches(OidcProvider provider, String iss) {
    return provider.issuerUrl().equals(iss);
  }

  /**
   * Can EKS Pod Identity assume {@code role} with these session tags? Evaluates {@code sts:AssumeRole}
   * and {@code sts:TagSession} by {@code pods.eks.amazonaws.com}, with {@code aws:RequestTag/<tag>}
   * per session tag and {@code aws:TagKeys}. Returns the first result that is not ALLOWED, else the
   * {@code sts:TagSession} result.
   *
   * @param sessionTags e.g. {@code kubernetes-namespace}, {@code kubernetes-service-account},
   *     {@code eks-cluster-arn}, {@code eks-cluster-name}, {@code kubernetes-pod-name}
   */
  public EvaluationResult podIdentityTrust(PolicyDocument trust, RoleArn role, Map<String, String> sessionTags) {
    PolicySet set = PolicySet.builder().resourcePolicy("trust", CompiledPolicy.compile(trust)).build();
    EvaluationResult last = null;
    for (String action : List.of("sts:AssumeRole", "sts:TagSession")) {
      RequestContext.Builder b = RequestContext.builder()
          .principal(PodIdentityTrust.SERVICE_PRINCIPAL)
          .action(action)
          .resource(role.toString())
          .resourceAccount(role.account());
      sessionTags.forEach((k, v) -> b.context("aws:RequestTag/" + k, v));
      b.context("aws:TagKeys", new ArrayList<>(sessionTags.keySet()));
      last = evaluate(set, b.build());
      if (!last.isAllowed()) {
        return last;
      }
    }
    return last;
  }
}
