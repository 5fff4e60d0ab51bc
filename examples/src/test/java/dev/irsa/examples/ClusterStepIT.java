package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.arn.RoleArn;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClusterStepIT {
  @Test
  void theWalkthroughClusterStepShowsTheWiringTheTokenAndTheIdentity() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();

    int code = new ClusterStep(new PrintStream(buf, true, StandardCharsets.UTF_8))
        .run("3. Cluster", RoleArn.parse("arn:aws:iam::111122223333:role/team/irsa-demo-aws-cli"));

    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(code).isZero();
    assertThat(out).contains(
        "service account irsa-demo:aws-cli: CREATED (namespace created)",
        "  env   AWS_ROLE_ARN=arn:aws:iam::111122223333:role/team/irsa-demo-aws-cli\n",
        "  env   AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/secrets/eks.amazonaws.com/serviceaccount/token\n",
        "  mount aws-iam-token at /var/run/secrets/eks.amazonaws.com/serviceaccount (read-only)\n",
        "signature checks against the cluster's JWKS: true",
        "  sub system:serviceaccount:irsa-demo:aws-cli\n",
        "\"Arn\": \"arn:aws:sts::111122223333:assumed-role/irsa-demo-aws-cli/" + Seed.SESSION_NAME + "\"");
  }
}
