package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.aws.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code walkthrough --json --aws-endpoint} against moto with the real AWS CLI (on this project's
 * machines): the whole seed, verified from the offline, account, token and pod sources.
 */
class WalkthroughLiveIT {
  static MotoServer moto;

  @BeforeAll
  static void start() {
    assertThat(LocalAwsCli.onPath()).as("the aws CLI must be on the PATH for this test").isPresent();
    moto = MotoServer.start();
  }

  @AfterAll
  static void stop() {
    moto.close();
  }

  static JsonNode answer(JsonNode check, String source) {
    for (JsonNode a : check.get("answers")) {
      if (a.get("source").asString().equals(source)) {
        return a;
      }
    }
    throw new AssertionError("no " + source + " answer in " + check);
  }

  @Test
  void theWholeSeedIsVerifiedAndNothingIsChanged() {
    Cli r = Cli.run("walkthrough", "--json", "--aws-endpoint", moto.endpoint().toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("summary").asString()).isEqualTo("8 checks: 8 PASS, 0 FAIL, 0 DRIFT");
    JsonNode id = report.get("identity");
    // moto's default account; STS's answer, with the role path dropped
    assertThat(id.get("assumedRole").get("arn").asString())
        .isEqualTo("arn:aws:sts::123456789012:assumed-role/irsa-demo-aws-cli/irsa-verify");
    assertThat(id.get("trust").get("decision").asString()).isEqualTo("ALLOWED");
    assertThat(id.get("provider").get("found").asBoolean()).isTrue();
    assertThat(id.get("notes").toString()).contains("the STS endpoint does not check the trust policy or the token (moto");
    for (JsonNode check : report.get("checks")) {
      for (String source : new String[] {"offline", "account", "token", "pod"}) {
        assertThat(answer(check, source).get("answer").asString()).as(check.toString()).isIn("ALLOWED", "DENIED", "NOT_PROBED");
      }
      if (check.get("expected").asString().equals("DENY")) {
        assertThat(answer(check, "token").get("answer").asString()).isEqualTo("NOT_PROBED");
        assertThat(answer(check, "offline").get("answer").asString()).isEqualTo("DENIED");
      }
    }
    JsonNode identityCheck = report.get("checks").get(0);
    assertThat(answer(identityCheck, "pod").get("evidence").asString()).startsWith(
        "aws sts get-caller-identity: exit 0, arn:aws:sts::123456789012:assumed-role/irsa-demo-aws-cli/botocore-session-");
    assertThat(r.out()).doesNotContain("eyJ").doesNotContain("SecretAccessKey").doesNotContain("SessionToken");

    var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    try (S3Client s3 = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true).region(Region.US_WEST_2)
            .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build();
        DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(moto.endpoint()).region(Region.US_WEST_2)
            .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build()) {
      assertThat(s3.headObject(b -> b.bucket(Seed.BUCKET).key("hello.txt")).contentLength()).isEqualTo(5L);
      assertThat(ddb.describeTable(b -> b.tableName(Seed.TABLE)).table().tableName()).isEqualTo(Seed.TABLE);
    }
  }
}
