// irsa in JShell: build the seed's permission and trust policies, check sizes, read one back.
// Run: jshell --class-path examples/target/irsa-examples.jar examples/jshell/policies.jsh
import static dev.irsa.core.Irsa.*;
import dev.irsa.core.policy.*;
import dev.irsa.core.trust.*;

var cluster = oidcProvider("https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", "111122223333");
var sa = serviceAccount("irsa-demo", "aws-cli");
var policy = permissions().s3Read("irsa-demo-bucket").dynamoDbDescribe("arn:aws:dynamodb:us-west-2:111122223333:table/irsa-demo-table").build();
var trust = irsaTrust().serviceAccount(cluster, sa).build();

System.out.println(policy.toJson(JsonFormat.PRETTY));
System.out.println(trust.toJson(JsonFormat.PRETTY));
System.out.println("trust policy size: " + trust.iamSize() + " of " + SizeQuota.TRUST_POLICY.limit());

// Add a second service account without losing the first, and read the result back.
var merged = IrsaTrust.addServiceAccounts(trust, cluster, java.util.List.of(serviceAccount("irsa-demo", "worker")));
// JShell ends a snippet at the end of a complete line: keep multi-line expressions in parentheses.
var ok = (PolicyDocument.fromJson(merged.toJson()).equals(merged)
    && IrsaTrust.trustedSubjects(merged, cluster).size() == 2
    && SizeQuota.TRUST_POLICY.fits(merged));
System.out.println(ok ? "OK" : "FAILED");
// JShell exits 0 even after an exception: compute the exit code explicitly.
/exit ok ? 0 : 1
