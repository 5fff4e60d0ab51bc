package dev.irsa.verify.live;

import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Makes the clients probes run with, given a session's credentials. The default builds
 * url-connection clients for a region (and an endpoint, e.g. moto, with path-style S3); the token
 * source closes the clients it got from here once its probes are done.
 */
public interface ProbeClients {
  S3Client s3(AwsCredentialsProvider credentials);

  DynamoDbClient dynamoDb(AwsCredentialsProvider credentials);

  /** Clients for {@code region}, sent to {@code endpoint} when it is not null. */
  static ProbeClients of(String region, URI endpoint) {
    Objects.requireNonNull(region, "region");
    return new ProbeClients() {
      @Override
      public S3Client s3(AwsCredentialsProvider credentials) {
        var b = S3Client.builder().region(Region.of(region)).credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create());
        if (endpoint != null) {
          b.endpointOverride(endpoint).forcePathStyle(true);
        }
        return b.build();
      }

      @Override
      public DynamoDbClient dynamoDb(AwsCredentialsProvider credentials) {
        var b = DynamoDbClient.builder().region(Region.of(region)).credentialsProvider(credentials)
            .httpClient(UrlConnectionHttpClient.create());
        if (endpoint != null) {
          b.endpointOverride(endpoint);
        }
        return b.build();
      }
    };
  }
}
