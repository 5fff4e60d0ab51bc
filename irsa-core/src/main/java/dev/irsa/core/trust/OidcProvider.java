package dev.irsa.core.trust;

import dev.irsa.core.arn.Arn;
import dev.irsa.core.arn.InvalidArnException;
import dev.irsa.core.arn.Partition;
import dev.irsa.core.internal.Names;
import dev.irsa.core.internal.Quote;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A cluster's OIDC identity provider as IAM sees it, converting between the three spellings IRSA
 * uses:
 *
 * <ul>
 *   <li>issuer URL: {@code https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE}
 *   <li>provider ARN: {@code arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE}
 *   <li>condition-key prefix: {@code oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE}
 *       (no {@code https://}), used as {@code <prefix>:sub} and {@code <prefix>:aud}
 * </ul>
 *
 * The provider must live in the role's account.
 *
 * @see <a href="https://docs.aws.amazon.com/eks/latest/userguide/enable-iam-roles-for-service-accounts.html">EKS: IAM OIDC provider</a>
 */
public final class OidcProvider {
  /** The audience EKS pod tokens carry for IRSA. */
  public static final String DEFAULT_AUDIENCE = "sts.amazonaws.com";

  private final Partition partition;
  private final String account;
  private final String hostAndPath;

  private OidcProvider(Partition partition, String account, String hostAndPath) {
    this.partition = partition;
    this.account = account;
    this.hostAndPath = hostAndPath;
  }

  /**
   * The provider for an issuer URL in an account; the partition follows from the issuer host
   * ({@code amazonaws.com.cn} → {@code aws-cn}, a {@code us-gov-} region → {@code aws-us-gov}).
   *
   * @throws IllegalArgumentException when the URL is not an https URL without query or fragment,
   *     or the account is not 12 digits
   */
  public static OidcProvider fromIssuer(String issuerUrl, String account) {
    String hostAndPath = hostAndPath(issuerUrl);
    return new OidcProvider(inferPartition(hostAndPath), Names.account(account), hostAndPath);
  }

  /** As {@link #fromIssuer(String, String)} with an explicit partition. */
  public static OidcProvider fromIssuer(String issuerUrl, String account, Partition partition) {
    return new OidcProvider(Objects.requireNonNull(partition, "partition"), Names.account(account), hostAndPath(issuerUrl));
  }

  /**
   * The provider named by an IAM OIDC provider ARN.
   *
   * @throws InvalidArnException when the text is not an OIDC provider ARN
   */
  public static OidcProvider fromArn(String arn) {
    Arn a = Arn.parse(arn);
    if (!a.service().equals("iam") || !a.resource().startsWith("oidc-provider/") || a.account().length() != 12) {
      throw new InvalidArnException(arn,
          "not an IAM OIDC provider ARN (expected arn:<partition>:iam::<account>:oidc-provider/<issuer host and path>)");
    }
    String hp = a.resource().substring("oidc-provider/".length());
    try {
      hostAndPath("https://" + hp);
    } catch (IllegalArgumentException e) {
      throw new InvalidArnException(arn, e.getMessage());
    }
    return new OidcProvider(a.partition(), a.account(), hp);
  }

  private static String hostAndPath(String issuerUrl) {
    Objects.requireNonNull(issuerUrl, "issuerUrl");
    URI uri;
    try {
      uri = new URI(issuerUrl);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("issuer must be an https URL, got: " + Quote.single(issuerUrl) + " (" + e.getReason() + ")");
    }
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("issuer must be an https URL such as "
          + "https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLE, got: " + Quote.single(issuerUrl));
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("issuer URL must not have user info, a query or a fragment, got: " + Quote.single(issuerUrl));
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
    return uri.getHost().toLowerCase(Locale.ROOT) + port + path;
  }

  private static Partition inferPartition(String hostAndPath) {
    String host = hostAndPath.split("[/:]", 2)[0];
    if (host.endsWith(".amazonaws.com.cn")) {
      return Partition.AWS_CN;
    }
    String[] labels = host.split("\\.");
    for (String label : labels) {
      if (label.matches("[a-z]{2,4}(-[a-z]+)+-[0-9]+")) {
        return Partition.ofRegion(label);
      }
    }
    return Partition.AWS;
  }

  /** The same provider in another account (e.g. for cross-account roles: the provider lives with the role). */
  public OidcProvider inAccount(String otherAccount) {
    return new OidcProvider(partition, Names.account(otherAccount), hostAndPath);
  }

  public Partition partition() {
    return partition;
  }

  public String account() {
    return account;
  }

  /** {@code https://<host and path>}. */
  public String issuerUrl() {
    return "https://" + hostAndPath;
  }

  /** {@code arn:<partition>:iam::<account>:oidc-provider/<host and path>}. */
  public String arn() {
    return "arn:" + partition.id() + ":iam::" + account + ":oidc-provider/" + hostAndPath;
  }

  /** The issuer without {@code https://}: the prefix of the trust condition keys. */
  public String conditionKeyPrefix() {
    return hostAndPath;
  }

  /** {@code <prefix>:sub}. */
  public String subKey() {
    return hostAndPath + ":sub";
  }

  /** {@code <prefix>:aud}. */
  public String audKey() {
    return hostAndPath + ":aud";
  }

  /** The cluster's OIDC id: the last path segment of EKS issuers ({@code .../id/<ID>}). */
  public String id() {
    int slash = hostAndPath.lastIndexOf('/');
    return slash < 0 ? hostAndPath : hostAndPath.substring(slash + 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OidcProvider p && p.partition == partition && p.account.equals(account)
        && p.hostAndPath.equals(hostAndPath);
  }

  @Override
  public int hashCode() {
    return Objects.hash(partition, account, hostAndPath);
  }

  /** The provider ARN. */
  @Override
  public String toString() {
    return arn();
  }
}
