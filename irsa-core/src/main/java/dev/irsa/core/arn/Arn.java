package dev.irsa.core.arn;

import dev.irsa.core.internal.Quote;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An Amazon Resource Name: {@code arn:partition:service:region:account:resource}. The resource
 * part keeps any further colons ({@code arn:aws:logs:us-east-1:111122223333:log-group:app:*}).
 *
 * <pre>{@code
 * Arn a = Arn.parse("arn:aws:dynamodb:us-east-1:111122223333:table/orders");
 * a.service();   // "dynamodb"
 * a.resource();  // "table/orders"
 * }</pre>
 */
public final class Arn {
  private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern REGION = Pattern.compile("[a-z]{2,4}(-[a-z]+)+-[0-9]+");
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}|aws");

  private final Partition partition;
  private final String service;
  private final String region;
  private final String account;
  private final String resource;

  private Arn(Partition partition, String service, String region, String account, String resource) {
    this.partition = partition;
    this.service = service;
    this.region = region;
    this.account = account;
    this.resource = resource;
  }

  /**
   * Parses and validates a concrete ARN (no wildcards in partition, service, region or account).
   *
   * @throws InvalidArnException naming the part at fault
   */
  public static Arn parse(String text) {
    if (text == null) {
      throw new InvalidArnException("null", "must not be null");
    }
    String[] parts = text.split(":", 6);
    if (parts.length < 6) {
      throw new InvalidArnException(text,
          "expected 6 colon-separated parts (arn:partition:service:region:account:resource), got " + parts.length);
    }
    if (!parts[0].equals("arn")) {
      throw new InvalidArnException(text, "must start with 'arn:'");
    }
    Partition partition;
    try {
      partition = Partition.of(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new InvalidArnException(text, e.getMessage());
    }
    return of(partition, parts[2], parts[3], parts[4], parts[5], text);
  }

  /** Builds and validates an ARN from its parts; region and account may be empty. */
  public static Arn of(Partition partition, String service, String region, String account, String resource) {
    Objects.requireNonNull(partition, "partition");
    String text = "arn:" + partition.id() + ":" + service + ":" + region + ":" + account + ":" + resource;
    return of(partition, service, region, account, resource, text);
  }

  private static Arn of(Partition partition, String service, String region, String account, String resource, String text) {
    if (service == null || !SERVICE.matcher(service).matches()) {
      throw new InvalidArnException(text, "service must be lowercase letters, digits and '-', got " + Quote.single(service));
    }
    if (region == null || !(region.isEmpty() || REGION.matcher(region).matches())) {
      throw new InvalidArnException(text, "region must be empty or like 'us-east-1', got " + Quote.single(region));
    }
    if (account == null || !(account.isEmpty() || ACCOUNT.matcher(account).matches())) {
      throw new InvalidArnException(text, "account must be empty, 12 digits or 'aws', got " + Quote.single(account));
    }
    if (resource == null || resource.isEmpty()) {
      throw new InvalidArnException(text, "resource part must not be empty");
    }
    return new Arn(partition, service, region, account, resource);
  }

  /** True when {@code text} parses as an ARN. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidArnException e) {
      return false;
    }
  }

  public Partition partition() {
    return partition;
  }

  public String service() {
    return service;
  }

  /** The region, empty for global services such as IAM and S3. */
  public String region() {
    return region;
  }

  /** The account ID, {@code aws} for AWS managed policies, or empty (S3). */
  public String account() {
    return account;
  }

  /** Everything after the fifth colon. */
  public String resource() {
    return resource;
  }

  /** The resource part up to the first '/' or ':' (e.g. {@code table}, {@code role}), or all of it. */
  public String resourceType() {
    for (int i = 0; i < resource.length(); i++) {
      char c = resource.charAt(i);
      if (c == '/' || c == ':') {
        return resource.substring(0, i);
      }
    }
    return resource;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Arn a && a.partition == partition && a.service.equals(service) && a.region.equals(region)
        && a.account.equals(account) && a.resource.equals(resource);
  }

  @Override
  public int hashCode() {
    return Objects.hash(partition, service, region, account, resource);
  }

  /** The ARN text. */
  @Override
  public String toString() {
    return "arn:" + partition.id() + ":" + service + ":" + region + ":" + account + ":" + resource;
  }
}
