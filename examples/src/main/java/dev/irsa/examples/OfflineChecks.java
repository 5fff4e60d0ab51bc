package dev.irsa.examples;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.arn.S3Arns;
import dev.irsa.core.internal.json.JsonWriter;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.trust.OidcProvider;
import dev.irsa.core.trust.ServiceAccountRef;
import dev.irsa.verify.PolicyEvaluator;
import dev.irsa.verify.eval.Decision;
import dev.irsa.verify.eval.EvaluationResult;
import dev.irsa.verify.eval.IrsaSession;
import dev.irsa.verify.eval.MatchedStatement;
import dev.irsa.verify.eval.PolicySet;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed's five checks, evaluated offline against the role's trust and permission policies:
 * caller identity (the service account can assume the role; the session ARN it gets), s3 ls
 * allowed, s3 rm denied, describe-table allowed, delete-table denied.
 */
final class OfflineChecks {
  /** One check and its outcome. */
  record Check(String command, String action, String resource, Decision expected, EvaluationResult result, String note) {
    boolean ok() {
      return result.decision() == expected;
    }
  }

  private OfflineChecks() {}

  static List<Check> run(PolicyDocument permissions, PolicyDocument trust, OidcProvider cluster, ServiceAccountRef sa,
      RoleArn role, String bucket, String tableArn) {
    PolicyEvaluator eval = PolicyEvaluator.create();
    List<Check> checks = new ArrayList<>();

    EvaluationResult assume = eval.irsaTrust(trust, role, cluster, sa);
    IrsaSession session = IrsaSession.builder().role(role).sessionName(Seed.SESSION_NAME).provider(cluster)
        .region(Seed.REGION).build();
    checks.add(new Check("aws sts get-caller-identity", PolicyEvaluator.ASSUME_ROLE_WITH_WEB_IDENTITY, role.toString(),
        Decision.ALLOWED, assume, "caller: " + session.sessionArn()));

    PolicySet set = PolicySet.builder().addIdentityPolicy(permissions).build();
    checks.add(check(eval, set, session, "aws s3 ls s3://" + bucket, "s3:ListBucket", S3Arns.bucket(bucket), Decision.ALLOWED));
    String object = S3Arns.object(bucket, "hello.txt");
    checks.add(check(eval, set, session, "aws s3 rm s3://" + bucket + "/hello.txt", "s3:DeleteObject", object,
        Decision.IMPLICIT_DENY));
    String table = tableArn.substring(tableArn.lastIndexOf('/') + 1);
    checks.add(check(eval, set, session, "aws dynamodb describe-table --table-name " + table, "dynamodb:DescribeTable",
        tableArn, Decision.ALLOWED));
    checks.add(check(eval, set, session, "aws dynamodb delete-table --table-name " + table, "dynamodb:DeleteTable",
        tableArn, Decision.IMPLICIT_DENY));
    return checks;
  }

  private static Check check(PolicyEvaluator eval, PolicySet set, IrsaSession session, String command, String action,
      String resource, Decision expected) {
    return new Check(command, action, resource, expected, eval.evaluate(set, session.request(action, resource)), "");
  }

  static void printTable(List<Check> checks, PrintStream out) {
    String fmt = "%-56s %-30s %-14s %-14s %s%n";
    out.printf(Locale.ROOT, fmt, "check", "action", "expected", "decision", "why");
    for (Check c : checks) {
      out.printf(Locale.ROOT, fmt, c.command(), c.action(), c.expected(), c.result().decision() + (c.ok() ? "" : " (!)"),
          why(c));
    }
    long failed = checks.stream().filter(c -> !c.ok()).count();
    out.println(failed == 0 ? "all " + checks.size() + " checks as expected" : failed + " check(s) not as expected");
  }

  private static String why(Check c) {
    EvaluationResult r = c.result();
    String s = switch (r.decision()) {
      case ALLOWED, EXPLICIT_DENY -> r.matched().isEmpty() ? "" : "by " + r.matched().get(0);
      case IMPLICIT_DENY -> "no statement allows it (" + String.join(", ", r.blockedBy().stream().map(Object::toString).toList()) + ")"
          + (r.trustRefusals().isEmpty() ? "" : ": " + r.trustRefusals().get(0).message());
    };
    return c.note().isEmpty() ? s : s + "; " + c.note();
  }

  static String json(List<Check> checks) {
    JsonWriter w = new JsonWriter(true);
    w.beginArray();
    for (Check c : checks) {
      w.beginObject();
      w.name("check").value(c.command());
      w.name("action").value(c.action());
      w.name("resource").value(c.resource());
      w.name("expected").value(c.expected().name());
      w.name("decision").value(c.result().decision().name());
      w.name("ok").raw(Boolean.toString(c.ok()));
      w.name("matched").beginArray();
      for (MatchedStatement m : c.result().matched()) {
        w.beginObject().name("policy").value(m.policy()).name("statement").raw(Integer.toString(m.statement()));
        m.sid().ifPresent(s -> w.name("sid").value(s));
        w.endObject();
      }
      w.endArray();
      w.name("blockedBy").beginArray();
      c.result().blockedBy().forEach(t -> w.value(t.label()));
      w.endArray();
      if (!c.note().isEmpty()) {
        w.name("note").value(c.note());
      }
      w.endObject();
    }
    w.endArray();
    return w.toString();
  }
}
