package dev.irsa.core.catalog;

import dev.irsa.core.catalog.internal.ArnPatterns;
import java.util.List;

/**
 * A resource type of one service, e.g. S3's {@code object} with the ARN template
 * {@code arn:${Partition}:s3:::${BucketName}/${ObjectName}}.
 */
public final class ResourceType {
  private final String service;
  private final String name;
  private final String arnTemplate;
  private final List<String> conditionKeys;
  private volatile ArnPatterns.Tokens tokens;

  ResourceType(String service, String name, String arnTemplate, List<String> conditionKeys) {
    this.service = service;
    this.name = name;
    this.arnTemplate = arnTemplate;
    this.conditionKeys = List.copyOf(conditionKeys);
  }

  /** The service prefix, e.g. {@code s3}. */
  public String service() {
    return service;
  }

  /** The reference's name, e.g. {@code object}. */
  public String name() {
    return name;
  }

  /** The ARN template with {@code ${Variable}} placeholders. */
  public String arnTemplate() {
    return arnTemplate;
  }

  /** Condition keys that apply to this resource type. */
  public List<String> conditionKeys() {
    return conditionKeys;
  }

  /**
   * True when the policy resource {@code pattern} (with {@code *}, {@code ?} and policy variables)
   * can name a resource of this type: {@code arn:aws:s3:::b/*} can for {@code object}, not for
   * {@code bucket}. {@code "*"} can name anything. Errs towards true where the template's variables
   * are not known to exclude {@code /}.
   */
  public boolean canMatch(String pattern) {
    if (pattern.equals("*")) {
      return true;
    }
    ArnPatterns.Tokens t = tokens;
    if (t == null) {
      t = ArnPatterns.template(arnTemplate);
      tokens = t;
    }
    return ArnPatterns.intersects(ArnPatterns.policy(pattern), t);
  }

  @Override
  public String toString() {
    return service + ":" + name + " " + arnTemplate;
  }
}
