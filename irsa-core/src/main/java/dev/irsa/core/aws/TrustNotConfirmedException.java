package dev.irsa.core.aws;

import java.util.List;

/**
 * A trust-policy update was written but could not be confirmed: after the last write, concurrent
 * writers replaced the trust policy with one that lacks some of the requested service accounts, or
 * kept changing it so that two reads in a row never agreed. IAM has no conditional write, so this is
 * how a lost update shows; running {@link IamProvisioner#apply} again merges them back in (nothing
 * other writers added is ever removed).
 *
 * <pre>
 * UpdateAssumeRolePolicy arn:aws:iam::111122223333:role/shared failed: concurrent writers replaced the trust
 * policy and the last read does not trust payments:api@https://oidc.eks... (gave up after 5 writes and
 * 11 reads; IAM has no conditional write): run again
 * </pre>
 */
public final class TrustNotConfirmedException extends ProvisioningException {
  private final List<TrustedServiceAccount> missing;

  /**
   * @param roleArn the role
   * @param missing the requested service accounts the last read did not trust (empty: it trusted them all but
   *     never read the same twice in a row)
   * @param writes how many times the trust policy was written
   * @param reads how many times it was read back
   */
  public TrustNotConfirmedException(String roleArn, List<TrustedServiceAccount> missing, int writes, int reads) {
    super("UpdateAssumeRolePolicy", roleArn, null, "UpdateAssumeRolePolicy " + roleArn + " failed: "
        + (missing.isEmpty()
            ? "the trust policy kept changing under concurrent writers and two reads in a row never agreed"
            : "concurrent writers replaced the trust policy and the last read does not trust "
                + String.join(", ", missing.stream().map(TrustedServiceAccount::toString).toList()))
        + " (gave up after " + writes + (writes == 1 ? " write" : " writes") + " and " + reads
        + " reads; IAM has no conditional write): run again", null);
    this.missing = List.copyOf(missing);
  }

  /**
   * The requested service accounts the last read of the trust policy did not trust; empty when it
   * trusted them all but kept changing.
   */
  public List<TrustedServiceAccount> missing() {
    return missing;
  }
}
