// Run after irsa.jsh by JShellScriptsIT: the README's session, checked. Paths are relative to examples/.
var cluster = oidcProvider("https://oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE", "111122223333");
var sa = serviceAccount("irsa-demo", "aws-cli");
var policy = permissions().s3Read("irsa-demo-bucket").build();
var trust = irsaTrust().serviceAccount(cluster, sa).build();
var policyFindings = lint(policy);
var trustFindings = lintTrust(trust);
var report = verifyOffline(sa, cluster, "irsa-demo-aws-cli", trust, policy, seedChecks("irsa-demo-bucket", null));
var healthy = "../irsa-verify/src/test/resources/doctor/healthy/";
var verdict = doctor(sa, healthy + "sa.json", healthy + "iam.json", healthy + "oidc-providers.json", healthy + "cluster.json");
var typo = (Object) null;
try { Expectations.builder().deny("s3:ListBuckets", "*").build(); } catch (IllegalArgumentException e) { typo = e.getMessage(); }
System.out.println(typo);
var ok = (report.passed() && !verdict.hasErrors() && String.valueOf(typo).contains("s3:ListBucket")
    && !policyFindings.contains("ERROR") && !trustFindings.contains("ERROR"));
System.out.println(ok ? "OK" : "FAILED");
/exit ok ? 0 : 1
