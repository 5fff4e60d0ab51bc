package dev.irsa.verify.eval.internal;

import dev.irsa.core.policy.Principal;
import dev.irsa.core.policy.PrincipalType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled Principal/NotPrincipal element. IAM compares principals as whole identifiers (no
 * wildcards other than a lone {@code *}). What matched matters for the decision:
 * <ul>
 *   <li>{@link Kind#DIRECT}: {@code "*"}, {@code {"AWS": "*"}}, the exact user or role-session ARN,
 *       a service or a federated provider: the resource policy alone can allow (same account);
 *   <li>{@link Kind#ROLE}: a role ARN that the caller's session belongs to (the session ARN drops the
 *       role path, so account and role name are compared), or the caller's own role ARN (compared
 *       exactly): still limited by an implicit deny in the permissions boundary or session policy;
 *   <li>{@link Kind#ACCOUNT}: {@code "111122223333"} or {@code arn:aws:iam::111122223333:root}:
 *       delegation to the account, whose identity policies must allow too.
 * </ul>
 */
public final class PrincipalMatcher {
  /** How a principal entry matched the caller. */
  public enum Kind { NONE, DIRECT, ROLE, ACCOUNT }

  private final boolean all;
  private final Set<String> exact = new HashSet<>();
  private final Set<String> accounts = new HashSet<>();
  private final Set<String> roles = new HashSet<>(); // partition/account/name

  private PrincipalMatcher(Principal p) {
    this.all = p.isWildcard() || p.ids(PrincipalType.AWS).contains("*");
    for (var e : p.ids().entrySet()) {
      for (String id : e.getValue()) {
        if (e.getKey() != PrincipalType.AWS) {
          exact.add(id);
          continue;
        }
        if (id.length() == 12 && id.chars().allMatch(Character::isDigit)) {
          accounts.add(id);
          continue;
        }
        String[] parts = id.split(":", 6);
        if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("iam") && parts[5].equals("root")) {
          accounts.add(parts[4]);
          continue;
        }
        if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("iam") && parts[5].startsWith("role/")) {
          String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
          roles.add(parts[1] + "/" + parts[4] + "/" + name);
        }
        exact.add(id);
      }
    }
  }

  public static PrincipalMatcher compile(Principal p) {
    return new PrincipalMatcher(p);
  }

  /** How the caller matches a Principal element. */
  public Kind match(Caller caller) {
    if (all) {
      return Kind.DIRECT;
    }
    String p = caller.principal();
    if (p == null) {
      return Kind.NONE;
    }
    if (exact.contains(p)) {
      return caller.roleKey() != null && caller.isRole() ? Kind.ROLE : Kind.DIRECT;
    }
    if (caller.roleKey() != null && !caller.isRole() && roles.contains(caller.roleKey())) {
      // a session ARN drops the role path: account and role name identify the role (names are unique per account)
      return Kind.ROLE;
    }
    if (caller.account() != null && accounts.contains(caller.account())) {
      return Kind.ACCOUNT;
    }
    return Kind.NONE;
  }

  /**
   * True when a NotPrincipal element names the caller: its exact ARN, or, for the account principal
   * itself ({@code arn:aws:iam::111122223333:root}), its account. An account entry does not name the
   * users, roles and sessions of the account, and a role ARN does not name the role's sessions: the
   * IAM User Guide's NotPrincipal page lists the account, the role and the session ARN because AWS
   * may check each of them in turn, each one keeping only that principal from being denied.
   */
  public boolean excludes(Caller caller) {
    if (all) {
      return true;
    }
    String p = caller.principal();
    if (p != null && exact.contains(p)) {
      return true;
    }
    return caller.isAccountRoot() && accounts.contains(caller.account());
  }

  /** What principal matching needs to know about the caller, derived once per request. */
  public record Caller(String principal, String account, String roleKey, boolean isRole, boolean federated,
      boolean federatedUser) {
    /** A caller that is not a federated user session. */
    public Caller(String principal, String account, String roleKey, boolean isRole, boolean federated) {
      this(principal, account, roleKey, isRole, federated, false);
    }

    /** The account principal itself: {@code arn:<partition>:iam::<account>:root}. */
    public boolean isAccountRoot() {
      return account != null && principal.endsWith(":root")
          && principal.regionMatches(principal.indexOf(':', 4), ":iam::", 0, 6);
    }

    /** An IAM OIDC identity provider ({@code arn:<partition>:iam::<account>:oidc-provider/<host+path>}). */
    public boolean isOidcProvider() {
      return federated && principal.indexOf(":oidc-provider/") > 0;
    }

    /** Analyses a principal: an IAM user/role ARN, a role-session ARN, a service or provider name. */
    public static Caller of(String principal) {
      if (principal == null) {
        return new Caller(null, null, null, false, false);
      }
      String[] parts = principal.split(":", 6);
      if (parts.length < 6 || !parts[0].equals("arn")) {
        return new Caller(principal, null, null, false, false);
      }
      String account = parts[4].isEmpty() ? null : parts[4];
      String res = parts[5];
      if (parts[2].equals("sts") && res.startsWith("assumed-role/")) {
        List<String> seg = List.of(res.split("/", -1));
        if (seg.size() >= 3) {
          return new Caller(principal, account, parts[1] + "/" + parts[4] + "/" + seg.get(1), false, false);
        }
      }
      if (parts[2].equals("sts") && res.startsWith("federated-user/") && account != null) {
        // an AWS STS federated user session (GetFederationToken)
        return new Caller(principal, account, null, false, false, true);
      }
      if (parts[2].equals("iam") && res.startsWith("role/")) {
        String name = res.substring(res.lastIndexOf('/') + 1);
        return new Caller(principal, account, parts[1] + "/" + parts[4] + "/" + name, true, false);
      }
      boolean federated = parts[2].equals("iam") && (res.startsWith("oidc-provider/") || res.startsWith("saml-provider/"));
      return new Caller(principal, account, null, false, federated);
    }
  }
}
