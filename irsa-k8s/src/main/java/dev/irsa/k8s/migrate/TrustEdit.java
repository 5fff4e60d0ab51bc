package dev.irsa.k8s.migrate;

import dev.irsa.core.iam.internal.Glob;
import dev.irsa.core.policy.Condition;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.Principal;
import dev.irsa.core.policy.PrincipalType;
import dev.irsa.core.policy.Statement;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.PodIdentityTrust;
import dev.irsa.core.trust.ServiceAccountRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading and changing the IRSA and Pod Identity statements of a trust policy. */
final class TrustEdit {
  /** The Sid of the statement a migration adds, so that a roll-back removes only what it added. */
  static final String MIGRATION_SID = "IrsaMigrationPodIdentity";

  private TrustEdit() {}

  /** An OIDC subject the trust admits: exact ({@code StringEquals}) or a pattern ({@code StringLike}). */
  record Subject(String providerArn, String value, boolean pattern) {
    boolean admits(ServiceAccountRef sa) {
      return pattern ? Glob.matches(value, sa.subject(), false) : value.equals(sa.subject());
    }
  }

  static boolean isOidc(Statement s, Optional<OidcProvider> cluster) {
    if (!s.isAllow() || s.principal().isEmpty()) {
      return false;
    }
    List<String> federated = s.principal().get().ids(PrincipalType.FEDERATED);
    boolean provider = federated.stream().anyMatch(f -> f.contains(":oidc-provider/")
        && cluster.map(c -> c.arn().equals(f)).orElse(true));
    return provider && s.actions().stream().anyMatch(a -> a.equalsIgnoreCase("sts:AssumeRoleWithWebIdentity")
        || a.equals("*") || a.equalsIgnoreCase("sts:*"));
  }

  /**
   * The subjects of the cluster's OIDC statements. A statement without a {@code :sub} condition (aud-only
   * trust) admits every service account: reported as the pattern {@code *}.
   */
  static List<Subject> subjects(PolicyDocument trust, Optional<OidcProvider> cluster) {
    List<Subject> out = new ArrayList<>();
    for (Statement s : trust.statements()) {
      if (!isOidc(s, cluster)) {
        continue;
      }
      String provider = s.principal().get().ids(PrincipalType.FEDERATED).get(0);
      boolean any = false;
      for (Condition c : s.conditions()) {
        if (!c.key().toLowerCase(Locale.ROOT).endsWith(":sub")) {
          continue;
        }
        String op = c.operator().baseName();
        boolean like = op.equals("StringLike");
        if (!like && !op.equals("StringEquals")) {
          continue;
        }
        any = true;
        for (String v : c.texts()) {
          out.add(new Subject(provider, v, like && Glob.hasWildcard(v)));
        }
      }
      if (!any) {
        out.add(new Subject(provider, "*", true));
      }
    }
    return out;
  }

  /** True when some Allow statement lets {@code pods.eks.amazonaws.com} AssumeRole and TagSession. */
  static boolean hasPodIdentity(PolicyDocument trust) {
    for (Statement s : trust.statements()) {
      if (!s.isAllow() || s.principal().isEmpty()
          || !s.principal().get().ids(PrincipalType.SERVICE).contains(PodIdentityTrust.SERVICE_PRINCIPAL)) {
        continue;
      }
      if (allows(s, "sts:AssumeRole") && allows(s, "sts:TagSession")) {
        return true;
      }
    }
    return false;
  }

  private static boolean allows(Statement s, String action) {
    return s.actions().stream().anyMatch(a -> Glob.matches(a, action, true));
  }

  /** The trust with the Pod Identity statement added (the OIDC statements are kept). */
  static PolicyDocument withPodIdentity(PolicyDocument trust) {
    Statement add = Statement.builder().sid(MIGRATION_SID).allow()
        .principal(Principal.service(PodIdentityTrust.SERVICE_PRINCIPAL))
        .addActions("sts:AssumeRole", "sts:TagSession").build();
    return trust.toBuilder().addStatements(add).build();
  }

  /** True when the trust holds the statement a migration added. */
  static boolean hasMigrationStatement(PolicyDocument trust) {
    return trust.statements().stream().anyMatch(s -> s.sid().filter(MIGRATION_SID::equals).isPresent());
  }

  /** The trust without the statement a migration added. */
  static PolicyDocument withoutMigrationStatement(PolicyDocument trust) {
    List<Statement> kept = new ArrayList<>();
    trust.statements().stream().filter(s -> s.sid().filter(MIGRATION_SID::equals).isEmpty()).forEach(kept::add);
    return trust.toBuilder().statements(kept).build();
  }

  /** The trust without the OIDC statements of {@code cluster}. */
  static PolicyDocument withoutOidc(PolicyDocument trust, OidcProvider cluster) {
    List<Statement> kept = new ArrayList<>();
    trust.statements().stream().filter(s -> !isOidc(s, Optional.of(cluster))).forEach(kept::add);
    return trust.toBuilder().statements(kept).build();
  }
}
