package dev.irsa.verify.live;

import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.verify.expect.Expectation;
import dev.irsa.verify.expect.Expectations;
import dev.irsa.verify.report.Answer;
import dev.irsa.verify.report.IdentityChain;
import dev.irsa.verify.report.SourceAnswer;
import dev.irsa.verify.source.OfflineSource;
import dev.irsa.verify.source.Redactor;
import dev.irsa.verify.source.SourceResult;
import dev.irsa.verify.source.Target;
import dev.irsa.verify.source.VerificationSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * The role's real documents, read from IAM and evaluated offline: the trust policy, attached
 * managed policies at their default version, inline policies, the permissions boundary and the
 * role's tags; and the cluster's OIDC provider (in the role's account, with the audience). Where
 * the account allows {@code iam:SimulatePrincipalPolicy}, IAM's own answer is recorded beside
 * irsa's as source {@code simulator}; where it fails (moto answers 500) that is said.
 * Only read calls are made. The caller owns the client.
 */
public final class AccountSource implements VerificationSource {
  /** The name of IAM's policy simulator answers. */
  public static final String SIMULATOR = "simulator";

  private final IamClient iam;
  private final boolean simulate;

  private AccountSource(IamClient iam, boolean simulate) {
    this.iam = iam;
    this.simulate = simulate;
  }

  /** Reads through {@code iam} (not closed by irsa); tries the policy simulator. */
  public static AccountSource using(IamClient iam) {
    return new AccountSource(Objects.requireNonNull(iam, "iam"), true);
  }

  /** As {@link #using(IamClient)}, never calling the simulator (reported NOT_AVAILABLE: not asked). */
  public static AccountSource withoutSimulator(IamClient iam) {
    return new AccountSource(Objects.requireNonNull(iam, "iam"), false);
  }

  @Override
  public String name() {
    return "account";
  }

  @Override
  public SourceResult run(Target target, Expectations expectations) {
    String roleName = target.role().name();
    Role role = iam.getRole(r -> r.roleName(roleName)).role();
    OfflineSource.Builder docs = OfflineSource.builder().name(name()).trust(document("trust policy of " + roleName,
        role.assumeRolePolicyDocument()));
    if (role.tags() != null) {
      role.tags().forEach(t -> docs.roleTag(t.key(), t.value()));
    }
    for (AttachedPolicy p : iam.listAttachedRolePoliciesPaginator(r -> r.roleName(roleName)).attachedPolicies()) {
      docs.addIdentityPolicy(p.policyName(), managed(p.policyArn()));
    }
    for (String inline : iam.listRolePoliciesPaginator(r -> r.roleName(roleName)).policyNames()) {
      docs.addIdentityPolicy(inline + " (inline)",
          document("inline policy " + inline, iam.getRolePolicy(r -> r.roleName(roleName).policyName(inline)).policyDocument()));
    }
    if (role.permissionsBoundary() != null && role.permissionsBoundary().permissionsBoundaryArn() != null) {
      String arn = role.permissionsBoundary().permissionsBoundaryArn();
      docs.addPermissionsBoundary("boundary " + arn.substring(arn.lastIndexOf('/') + 1), managed(arn));
    }
    SourceResult evaluated = docs.build().run(target, expectations);
    SourceResult.Builder out = SourceResult.builder(name());
    IdentityChain.Builder id = out.identity().merge(evaluated.identity());
    Boolean providerOk = target.provider().map(p -> provider(p.inAccount(target.role().account()), target.audience(), id))
        .orElse(null);
    String simulatorDown = simulate ? null : "not asked";
    for (Expectation e : expectations) {
      for (SourceAnswer a : evaluated.answers(e)) {
        if (e.isCallerIdentity() && Boolean.FALSE.equals(providerOk)) {
          a = SourceAnswer.of(name(), Answer.DENIED, "the OIDC provider is missing or lacks the audience ("
              + id.build().providerEvidence().orElse("") + "); " + a.evidence()).withTook(a.took());
        }
        out.add(e, a);
      }
      if (!e.isCallerIdentity()) {
        if (simulatorDown != null) {
          out.add(e, SourceAnswer.of(SIMULATOR, Answer.NOT_AVAILABLE, "iam:SimulatePrincipalPolicy " + simulatorDown));
        } else {
          SourceAnswer s = simulate(target, e);
          if (s.answer() == Answer.NOT_AVAILABLE) {
            simulatorDown = "not available: " + s.evidence();
          }
          out.add(e, s);
        }
      }
    }
    return out.build();
  }

  private boolean provider(OidcProvider p, String audience, IdentityChain.Builder id) {
    try {
      GetOpenIdConnectProviderResponse r = iam.getOpenIDConnectProvider(b -> b.openIDConnectProviderArn(p.arn()));
      boolean ok = r.clientIDList().contains(audience);
      id.provider(p.arn(), ok, "exists in account " + p.account() + " with client IDs " + r.clientIDList()
          + (ok ? " (includes " : " (LACKS ") + audience + ")");
      return ok;
    } catch (NoSuchEntityException e) {
      id.provider(p.arn(), false, "no OIDC provider for " + p.issuerUrl() + " in account " + p.account()
          + " (STS would answer InvalidIdentityToken: No OpenIDConnect provider found)");
      return false;
    }
  }

  private SourceAnswer simulate(Target target, Expectation e) {
    long start = System.nanoTime();
    try {
      var r = iam.simulatePrincipalPolicy(b -> b.policySourceArn(target.role().toString()).actionNames(e.action())
          .resourceArns(e.resource()));
      EvaluationResult res = r.evaluationResults().get(0);
      String decision = res.evalDecisionAsString();
      Answer a = "allowed".equals(decision) ? Answer.ALLOWED : Answer.DENIED;
      return SourceAnswer.of(SIMULATOR, a, "SimulatePrincipalPolicy: " + decision
          + (res.matchedStatements().isEmpty() ? "" : " by " + res.matchedStatements().get(0).sourcePolicyId()))
          .withTook(Duration.ofNanos(System.nanoTime() - start));
    } catch (AwsServiceException x) {
      String code = x.awsErrorDetails() == null ? null : x.awsErrorDetails().errorCode();
      return SourceAnswer.of(SIMULATOR, Answer.NOT_AVAILABLE, "SimulatePrincipalPolicy answered HTTP " + x.statusCode()
          + (code == null ? "" : " " + code) + (x.statusCode() >= 500 ? " (not implemented by this endpoint, e.g. moto)" : ""))
          .withError(code == null ? Integer.toString(x.statusCode()) : code, x.requestId())
          .withTook(Duration.ofNanos(System.nanoTime() - start));
    } catch (SdkException x) {
      return SourceAnswer.of(SIMULATOR, Answer.NOT_AVAILABLE, "SimulatePrincipalPolicy failed: " + new Redactor().describe(x));
    }
  }

  private PolicyDocument managed(String arn) {
    String version = iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId();
    return document(arn + " " + version, iam.getPolicyVersion(r -> r.policyArn(arn).versionId(version)).policyVersion().document());
  }

  private static PolicyDocument document(String what, String urlEncoded) {
    try {
      return PolicyDocument.fromJson(decode(urlEncoded));
    } catch (PolicyParseException e) {
      throw new IllegalStateException(what + " as read from IAM: " + e.getMessage(), e);
    }
  }

  /** RFC 3986 percent-decoding (IAM returns documents URL-encoded; '+' stays '+'; a stray '%' stays). */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        out.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 3;
      } else {
        int cp = s.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i += Character.charCount(cp);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  @Override
  public String toString() {
    return "AccountSource{simulator=" + simulate + "}";
  }
}
