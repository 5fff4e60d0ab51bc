package dev.irsa.core.aws;

import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A separate provisioning process for {@link TrustRaceIT}: as two {@code provision} runs on two
 * machines, it shares no lock with the others. Arguments: the moto endpoint and the issuer. It warms
 * up, prints {@code ready}, then for every stdin line {@code ROLE NAMESPACE NAME} applies a role
 * trusting that service account and prints one line: {@code ok ACTION...} or {@code failed TYPE: MESSAGE}.
 */
final class RaceWorker {
  private RaceWorker() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    OidcProvider cluster = OidcProvider.fromIssuer(args[1], "123456789012");
    long gap = Long.parseLong(args[2]);
    AtomicInteger writes = new AtomicInteger();
    ExecutionInterceptor probe = new ExecutionInterceptor() {
      @Override
      public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if ("UpdateAssumeRolePolicy".equals(operation)) {
          writes.incrementAndGet();
        } else if ("GetRole".equals(operation) && gap > 0) {
          try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(gap + 1));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
    try (IamClient iam = IamClient.builder().endpointOverride(URI.create(args[0])).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)).addExecutionInterceptor(probe))
        .build()) {
      IamProvisioner provisioner = IamProvisioner.using(iam);
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      out.println("ready");
      String line;
      while ((line = in.readLine()) != null) {
        String[] w = line.split(" ");
        ServiceAccountRole role = ServiceAccountRole.builder().roleName(w[0])
            .serviceAccount(cluster, ServiceAccountRef.of(w[1], w[2])).build();
        writes.set(0);
        try {
          Plan done = provisioner.apply(role);
          out.println("ok writes=" + writes.get() + " "
              + done.changes().stream().map(c -> c.action().id()).collect(Collectors.joining(" ")));
        } catch (RuntimeException e) {
          out.println("failed writes=" + writes.get() + " " + e.getClass().getSimpleName() + ": "
              + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
      }
    }
  }
}
