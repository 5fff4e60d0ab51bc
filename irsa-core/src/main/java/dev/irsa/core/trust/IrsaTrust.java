package dev.irsa.core.trust;

import dev.irsa.core.internal.Quote;
import dev.irsa.core.policy.Condition;
import dev.irsa.core.policy.ConditionValue;
import dev.irsa.core.policy.OperatorType;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.Principal;
import dev.irsa.core.policy.PrincipalType;
import dev.irsa.core.policy.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * IRSA trust policies: which service accounts of which clusters may assume a role with
 * {@code sts:AssumeRoleWithWebIdentity}.
 *
 * <pre>{@code
 * PolicyDocument trust = IrsaTrust.builder()
 *     .serviceAccount(cluster, ServiceAccountRef.of("payments", "api"))
 *     .serviceAccount(cluster, ServiceAccountRef.of("payments", "worker"))
 *     .build();
 * }</pre>
 *
 * gives one statement per OIDC provider (as the terraform IRSA module does), with
 * {@code StringEquals} on {@code <issuer>:sub} (one value per service account) and on
 * {@code <issuer>:aud}:
 *
 * <pre>{@code
 * {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/oidc.eks..."},
 *  "Action":"sts:AssumeRoleWithWebIdentity",
 *  "Condition":{"StringEquals":{"oidc.eks...:sub":["system:serviceaccount:payments:api", ...],
 *                               "oidc.eks...:aud":"sts.amazonaws.com"}}}
 * }</pre>
 */
public final class IrsaTrust {
  /** The action IRSA trust statements allow. */
  public static final String ACTION = "sts:AssumeRoleWithWebIdentity";

  private IrsaTrust() {}

  public static Builder builder() {
    return new Builder();
  }

  /** The trust policy for one service account of one cluster. */
  public static PolicyDocument of(OidcProvider provider, ServiceAccountRef serviceAccount) {
    return builder().serviceAccount(provider, serviceAccount).build();
  }

  /**
   * {@code existing} with the service accounts added: their subjects are appended to the first
   * statement that trusts {@code provider} for {@link #ACTION} with a {@code :sub} condition, or a
   * new statement is appended. Nothing already there is removed or reordered.
   *
   * @throws IllegalArgumentException if a service account is a pattern (use the builder with
   *     {@link SubjectMatch#LIKE})
   */
  public static PolicyDocument addServiceAccounts(PolicyDocument existing, OidcProvider provider,
      Collection<ServiceAccountRef> serviceAccounts) {
    return addServiceAccounts(existing, provider, serviceAccounts, OidcProvider.DEFAULT_AUDIENCE);
  }

  /** As {@link #addServiceAccounts(PolicyDocument, OidcProvider, Collection)} with the audience for a new statement. */
  public static PolicyDocument addServiceAccounts(PolicyDocument existing, OidcProvider provider,
      Collection<ServiceAccountRef> serviceAccounts, String audience) {
    for (ServiceAccountRef sa : serviceAccounts) {
      if (sa.isPattern()) {
        throw new IllegalArgumentException("service account pattern " + Quote.single(sa.toString()) + " cannot be merged into a trust policy; "
            + "build the policy with SubjectMatch.LIKE instead");
      }
    }
    Set<String> missing = new LinkedHashSet<>();
    for (ServiceAccountRef sa : serviceAccounts) {
      missing.add(sa.subject());
    }
    missing.removeAll(trustedSubjects(existing, provider));
    if (missing.isEmpty()) {
      return existing;
    }
    List<Statement> statements = new ArrayList<>(existing.statements());
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      if (!trusts(s, provider)) {
        continue;
      }
      List<Condition> conditions = new ArrayList<>(s.conditions());
      for (int j = 0; j < conditions.size(); j++) {
        Condition c = conditions.get(j);
        if (c.key().equalsIgnoreCase(provider.subKey()) && c.operator().qualifier() == dev.irsa.core.policy.ConditionOperator.Qualifier.NONE
            && !c.operator().ifExists()
            && c.operator().type().filter(t -> t == OperatorType.STRING_EQUALS || t == OperatorType.STRING_LIKE).isPresent()) {
          List<ConditionValue> values = new ArrayList<>(c.values());
          for (String sub : missing) {
            values.add(ConditionValue.of(sub));
          }
          conditions.set(j, Condition.of(c.operator(), c.key(), values));
          statements.set(i, s.toBuilder().conditions(conditions).build());
          return existing.toBuilder().statements(statements).build();
        }
      }
    }
    statements.add(statement(provider, new ArrayList<>(missing), audience, SubjectMatch.EXACT));
    return existing.toBuilder().statements(statements).build();
  }

  /**
   * The {@code sub} values that {@code trust} lists for {@code provider} in Allow statements for
   * {@link #ACTION} under {@code StringEquals} or {@code StringLike}, in order. A syntactic view for
   * merging; whether a given token may assume the role is the evaluator's question.
   */
  public static List<String> trustedSubjects(PolicyDocument trust, OidcProvider provider) {
    Set<String> out = new LinkedHashSet<>();
    for (Statement s : trust.statements()) {
      if (!trusts(s, provider)) {
        continue;
      }
      for (Condition c : s.conditions(provider.subKey())) {
        if (c.operator().type().filter(t -> t == OperatorType.STRING_EQUALS || t == OperatorType.STRING_LIKE).isPresent()) {
          out.addAll(c.texts());
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static boolean trusts(Statement s, OidcProvider provider) {
    return s.isAllow()
        && s.principal().map(p -> p.ids(PrincipalType.FEDERATED).contains(provider.arn())).orElse(false)
        && s.actions().stream().anyMatch(a -> a.equalsIgnoreCase(ACTION));
  }

  private static Statement statement(OidcProvider provider, List<String> subjects, String audience, SubjectMatch match) {
    Statement.Builder b = Statement.builder()
        .allow()
        .principal(Principal.federated(provider.arn()))
        .addAction(ACTION);
    if (!subjects.isEmpty()) {
      List<ConditionValue> subs = new ArrayList<>();
      for (String s : subjects) {
        subs.add(ConditionValue.of(s));
      }
      b.addCondition(Condition.of(dev.irsa.core.policy.ConditionOperator.of(
          match == SubjectMatch.LIKE ? OperatorType.STRING_LIKE : OperatorType.STRING_EQUALS), provider.subKey(), subs));
    }
    b.addCondition(Condition.of(dev.irsa.core.policy.ConditionOperator.of(OperatorType.STRING_EQUALS),
        provider.audKey(), List.of(ConditionValue.of(audience))));
    return b.build();
  }

  /** Builds an IRSA trust policy for service accounts of one or more clusters. */
  public static final class Builder {
    private final Map<OidcProvider, Set<ServiceAccountRef>> accounts = new LinkedHashMap<>();
    private String audience = OidcProvider.DEFAULT_AUDIENCE;
    private SubjectMatch match = SubjectMatch.EXACT;

    private Builder() {}

    /** Trusts service accounts of the cluster behind {@code provider}. */
    public Builder serviceAccount(OidcProvider provider, ServiceAccountRef... serviceAccounts) {
      return serviceAccounts(provider, Arrays.asList(serviceAccounts));
    }

    /** Trusts service accounts of the cluster behind {@code provider}. */
    public Builder serviceAccounts(OidcProvider provider, Collection<ServiceAccountRef> serviceAccounts) {
      Objects.requireNonNull(provider, "provider");
      Set<ServiceAccountRef> set = accounts.computeIfAbsent(provider, p -> new LinkedHashSet<>());
      for (ServiceAccountRef sa : serviceAccounts) {
        set.add(Objects.requireNonNull(sa, "service account"));
      }
      return this;
    }

    /**
     * The token audience to require, {@value OidcProvider#DEFAULT_AUDIENCE} by default.
     *
     * @throws IllegalArgumentException if blank
     */
    public Builder audience(String audience) {
      if (audience == null || audience.isBlank()) {
        throw new IllegalArgumentException("audience must not be blank");
      }
      this.audience = audience;
      return this;
    }

    /** {@link SubjectMatch#LIKE} switches {@code :sub} to {@code StringLike} so patterns are allowed. */
    public Builder match(SubjectMatch match) {
      this.match = Objects.requireNonNull(match, "match");
      return this;
    }

    /**
     * @throws IllegalStateException when no service account was given, or a pattern was given
     *     without {@link SubjectMatch#LIKE}
     */
    public PolicyDocument build() {
      if (accounts.isEmpty()) {
        throw new IllegalStateException("an IRSA trust policy needs at least one service account");
      }
      PolicyDocument.Builder doc = PolicyDocument.builder();
      accounts.forEach((provider, sas) -> {
        List<String> subjects = new ArrayList<>();
        for (ServiceAccountRef sa : sas) {
          if (sa.isPattern() && match != SubjectMatch.LIKE) {
            throw new IllegalStateException("service account pattern " + Quote.single(sa.toString()) + " needs match(SubjectMatch.LIKE): "
                + "StringEquals compares '*' literally and would never match");
          }
          subjects.add(sa.subject());
        }
        doc.addStatement(statement(provider, subjects, audience, match));
      });
      return doc.build();
    }
  }
}
