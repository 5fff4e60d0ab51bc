package dev.irsa.verify.doctor;

import java.util.List;
import java.util.Objects;

/**
 * An IAM OIDC provider as {@code aws iam get-open-id-connect-provider} describes it, with its ARN:
 * the URL (IAM stores it without {@code https://}), client IDs (the audiences it accepts) and
 * thumbprints.
 */
public record OidcProviderEntry(String arn, String url, List<String> clientIds, List<String> thumbprints) {
  public OidcProviderEntry {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(url, "url");
    clientIds = List.copyOf(clientIds);
    thumbprints = List.copyOf(thumbprints);
  }
}
