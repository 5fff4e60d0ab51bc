package dev.irsa.examples;

import java.net.URI;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients the command line builds (and closes): one place for the region, the endpoint
 * override ({@code --endpoint}, e.g. moto) and IAM's global signing region.
 */
record AwsClients(Region region, URI endpoint) {
  /** {@code name}, or the SDK's region chain; a usage error (exit 2) when neither gives one. */
  static Region region(String name) {
    if (name != null) {
      return Region.of(name);
    }
    try {
      return DefaultAwsRegionProviderChain.builder().build().getRegion();
    } catch (SdkClientException e) {
      throw new CliException(2, "no AWS region: pass --region or set AWS_REGION");
    }
  }

  /** Clients in {@code region} (or the SDK's chain), sending every call to {@code endpoint} when given. */
  static AwsClients of(String region, URI endpoint) {
    return new AwsClients(region(region), endpoint);
  }

  /** IAM is global: sign for the partition's global region unless an endpoint is given. */
  IamClient iam() {
    String id = region.id();
    Region signing = endpoint != null ? region
        : id.startsWith("cn-") ? Region.AWS_CN_GLOBAL
        : id.startsWith("us-gov-") ? Region.AWS_US_GOV_GLOBAL : Region.AWS_GLOBAL;
    var b = IamClient.builder().region(signing).httpClient(UrlConnectionHttpClient.create());
    if (endpoint != null) {
      b.endpointOverride(endpoint);
    }
    return b.build();
  }

  EksClient eks() {
    return eks(endpoint);
  }

  /** EKS at {@code override} when given (e.g. a separate Pod Identity endpoint), else as the others. */
  EksClient eks(URI override) {
    var b = EksClient.builder().region(region).httpClient(UrlConnectionHttpClient.create());
    if (override != null) {
      b.endpointOverride(override);
    }
    return b.build();
  }

  StsClient sts() {
    var b = StsClient.builder().region(region).httpClient(UrlConnectionHttpClient.create());
    if (endpoint != null) {
      b.endpointOverride(endpoint);
    }
    return b.build();
  }
}
