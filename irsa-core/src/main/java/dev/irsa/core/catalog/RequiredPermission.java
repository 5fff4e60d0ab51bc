package dev.irsa.core.catalog;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One IAM permission an SDK operation needs: the action and the resource it is checked against, as
 * a template with {@code ${Variable}} placeholders ({@code arn:${Partition}:s3:::${BucketName}/${Key}})
 * or {@code *} for actions without resource-level permissions.
 */
public record RequiredPermission(String action, String resourceTemplate) {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z]+)}");

  public RequiredPermission {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resourceTemplate, "resourceTemplate");
  }

  /**
   * The resource ARN with the placeholders filled in: {@code resource(Map.of("Partition", "aws",
   * "BucketName", "b", "Key", "k"))} → {@code arn:aws:s3:::b/k}.
   *
   * @throws IllegalArgumentException naming the first placeholder without a value
   */
  public String resource(Map<String, String> values) {
    Matcher m = VARIABLE.matcher(resourceTemplate);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) {
        throw new IllegalArgumentException("no value for ${" + m.group(1) + "} in " + resourceTemplate
            + " (given: " + values.keySet() + ")");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  @Override
  public String toString() {
    return action + " on " + resourceTemplate;
  }
}
