// The seed end to end on embedded defaults, in JShell (after irsa.jsh, which gives the imports and helpers):
//   jshell --class-path examples/target/irsa-examples.jar examples/jshell/irsa.jsh examples/jshell/seed.jsh
// What is real here: the policies, the linter, the offline verification, the embedded cluster (fabric8's mock
// API server with irsa's reproduction of the EKS pod identity webhook) and the doctor over what that cluster
// holds. IAM is described by the documents provision would write; the walkthrough command also provisions
// them in moto and runs the pod's AWS CLI (java -jar examples/target/irsa-examples.jar walkthrough).
import dev.irsa.k8s.*;
import dev.irsa.k8s.embedded.*;
import dev.irsa.k8s.webhook.*;

// 1. The least-privilege policy and the trust (the seed: S3 read on a bucket, describe one DynamoDB table)
var cluster = oidcProvider(EmbeddedCluster.DEFAULT_ISSUER, "111122223333");
var sa = serviceAccount("irsa-demo", "aws-cli");
var table = "arn:aws:dynamodb:us-west-2:111122223333:table/irsa-demo-table";
var policy = permissions().s3Read("irsa-demo-bucket").dynamoDbDescribe(table).build();
var trust = irsaTrust().serviceAccount(cluster, sa).build();
var role = role(cluster, sa, "irsa-demo-aws-cli", policy);
System.out.println(lint(policy));
System.out.println(lintTrust(trust));

// 2. The seed's checks, offline: get-caller-identity, s3 ls and cp allowed, s3 rm denied, describe-table allowed, delete-table denied
var report = verifyOffline(sa, cluster, "irsa-demo-aws-cli", trust, policy, seedChecks("irsa-demo-bucket", table));

// 3. The cluster: annotate the service account with the role, start the test pod, read what the webhook did
var k8sCluster = EmbeddedCluster.builder().quiet(true).start();
var k8s = IrsaKubernetes.using(k8sCluster.client());
k8s.serviceAccounts().ensure(ServiceAccountBinding.builder().serviceAccount(sa).role(role.roleArn()).createNamespace(true).build());
k8s.testPods().create(TestPod.awsCli(sa));
var wiring = k8s.inspectPod("irsa-demo", "aws-cli");
System.out.println(wiring);

// 4. The doctor's verdict, from what the cluster holds and the IAM documents provision writes
var json = k8sCluster.client().getKubernetesSerialization();
var k8sList = ("{\"kind\":\"List\",\"apiVersion\":\"v1\",\"items\":["
    + json.asJson(k8sCluster.client().serviceAccounts().inNamespace("irsa-demo").withName("aws-cli").get()) + ","
    + json.asJson(k8sCluster.client().pods().inNamespace("irsa-demo").withName("aws-cli").get()) + "]}");
var iamJson = ("{\"RoleDetailList\":[{\"Path\":\"/\",\"RoleName\":\"irsa-demo-aws-cli\",\"RoleId\":\"AROAEXAMPLE\","
    + "\"Arn\":\"" + role.roleArn() + "\",\"AssumeRolePolicyDocument\":" + role.trustPolicy().toJson() + ","
    + "\"RolePolicyList\":[],\"AttachedManagedPolicies\":[{\"PolicyName\":\"irsa-demo-aws-cli\",\"PolicyArn\":\""
    + role.policyArn(role.managedPolicies().get(0)) + "\"}],\"Tags\":[]}],\"Policies\":[{\"PolicyName\":\"irsa-demo-aws-cli\","
    + "\"Arn\":\"" + role.policyArn(role.managedPolicies().get(0)) + "\",\"Path\":\"/\",\"DefaultVersionId\":\"v1\","
    + "\"PolicyVersionList\":[{\"VersionId\":\"v1\",\"IsDefaultVersion\":true,\"Document\":" + policy.toJson() + "}]}]}");
var providersJson = ("[{\"Arn\":\"" + cluster.arn() + "\",\"Url\":\"" + cluster.issuerUrl().substring(8)
    + "\",\"ClientIDList\":[\"sts.amazonaws.com\"],\"ThumbprintList\":[]}]");
var snapshot = SnapshotFiles.addOidcProviders(SnapshotFiles.addIam(SnapshotFiles.addKubernetes(Snapshot.builder(),
    "cluster", k8sList), "iam", iamJson), "providers", providersJson).issuer(cluster.issuerUrl()).build();
var verdict = Doctor.create().diagnose(snapshot, sa);
System.out.println(verdict.toTable());
k8sCluster.close();

var ok = (report.passed() && wiring.wired() && wiring.role().orElse("").equals(role.roleArn().toString())
    && !verdict.hasErrors());
System.out.println(ok ? "OK" : "FAILED");
/exit ok ? 0 : 1
