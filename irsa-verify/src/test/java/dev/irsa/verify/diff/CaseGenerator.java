package dev.irsa.verify.diff;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * Generates evaluation cases in the batch format of {@code irsa evaluate}, reproducibly from a
 * seed: identity, resource, boundary, session, SCP (several levels) and RCP policies mixing
 * Action/NotAction, Resource/NotResource, wildcards, every principal form, every condition
 * operator family with IfExists and set qualifiers, policy variables, Version 2008-10-17, IRSA trust
 * requests, federated user sessions, sts:GetCallerIdentity, and real AWS managed policies. Requests use real actions with resource ARNs of the type
 * each action takes, so a validating peer accepts them.
 */
public final class CaseGenerator {
  static final String A = "111122223333";
  static final String B = "444455556666";
  static final String ISSUER = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

  private final SplittableRandom rnd;
  private final List<String> managed;

  /** An action and how to build a resource for it. */
  private record ActionSpec(String action, String kind) {}

  private static final List<ActionSpec> ACTIONS = List.of(
      new ActionSpec("s3:GetObject", "object"), new ActionSpec("s3:PutObject", "object"),
      new ActionSpec("s3:DeleteObject", "object"), new ActionSpec("s3:ListBucket", "bucket"),
      new ActionSpec("dynamodb:GetItem", "table"), new ActionSpec("dynamodb:PutItem", "table"),
      new ActionSpec("dynamodb:DescribeTable", "table"), new ActionSpec("dynamodb:DeleteTable", "table"),
      new ActionSpec("sqs:SendMessage", "queue"), new ActionSpec("sqs:ReceiveMessage", "queue"),
      new ActionSpec("sns:Publish", "topic"), new ActionSpec("lambda:InvokeFunction", "function"),
      new ActionSpec("iam:GetRole", "role"), new ActionSpec("iam:PassRole", "role"),
      new ActionSpec("ec2:DescribeInstances", "star"), new ActionSpec("ec2:TerminateInstances", "instance"),
      new ActionSpec("logs:PutLogEvents", "stream"), new ActionSpec("kms:Decrypt", "key"),
      new ActionSpec("secretsmanager:GetSecretValue", "secret"));

  private static final String[] BUCKETS = {"b1", "b2", "logs-prod"};
  private static final String[] KEYS = {"k", "dir/k", "home/bob/x", "home/alice/y", "a:b"};
  private static final String[] NAMES = {"orders", "users", "app"};
  private static final String[] REGIONS = {"us-east-1", "eu-west-1"};
  private static final String[] TAG_VALUES = {"payments", "Payments", "ops", "dev"};
  private static final String[] TAG_KEYS = {"team", "env", "project", "key1:legal", "key2:audit"};
  private static final String[] IPS = {"203.0.113.7", "198.51.100.20", "10.1.2.3", "2001:db8::1"};
  private static final String[] CIDRS = {"203.0.113.0/24", "10.0.0.0/8", "198.51.100.20", "2001:db8::/32", "0.0.0.0/0"};
  private static final String[] ISO_DATES = {"2024-01-01T00:00:00Z", "2025-06-01T12:00:00Z", "2026-01-01T00:00:00Z"};

  public CaseGenerator(long seed, List<String> managedPolicies) {
    this.rnd = new SplittableRandom(seed);
    this.managed = managedPolicies;
  }

  /** The managed-policy corpus committed in irsa-core's test resources (documents as JSON text). */
  public static List<String> loadManagedPolicies(Path gz) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>();
      for (JsonNode n : ((JsonNode.Arr) JsonParser.parse(text)).elements()) {
        out.add(JsonWriter.write(((JsonNode.Obj) n).get("document"), false));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean p(double probability) {
    return rnd.nextDouble() < probability;
  }

  private <T> T pick(T[] values) {
    return values[rnd.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(rnd.nextInt(values.size()));
  }

  private static String q(String s) {
    return JsonWriter.quote(s);
  }

  /** The next case as one JSON line. */
  public String next(int id) {
    if (p(0.04)) {
      return trustCase(id);
    }
    ActionSpec spec = pick(ACTIONS);
    if (id % 211 == 5) {
      spec = new ActionSpec("sts:GetCallerIdentity", "star"); // needs no permission, whatever the policies say
    }
    String resourceAccount = p(0.8) ? A : B;
    String region = pick(REGIONS);
    String resource = resource(spec.kind(), region, resourceAccount);
    String principal = principal();
    String context = context(region);
    StringBuilder sb = new StringBuilder("{\"id\":").append(q(Integer.toString(id)));
    int identity = p(0.1) ? 0 : 1 + rnd.nextInt(3);
    sb.append(",\"identityPolicies\":[");
    for (int i = 0; i < identity; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(p(0.15) && !managed.isEmpty() ? pick(managed) : policy(spec, resource, false, false));
    }
    sb.append(']');
    if (p(0.35) && !spec.kind().equals("star")) {
      sb.append(",\"resourcePolicy\":").append(policy(spec, resource, true, false));
    }
    if (p(0.2)) {
      sb.append(",\"permissionBoundaries\":[").append(policy(spec, resource, false, false)).append(']');
    }
    if (p(0.12) && (principal.contains(":assumed-role/") || principal.contains(":federated-user/"))) {
      sb.append(",\"sessionPolicy\":").append(policy(spec, resource, false, false));
    }
    if (p(0.25)) {
      sb.append(",\"scps\":").append(orgLevels(spec, resource, false));
    }
    if (p(0.15)) {
      sb.append(",\"rcps\":").append(orgLevels(spec, resource, true));
    }
    sb.append(",\"request\":{\"principal\":").append(q(principal)).append(",\"action\":")
        .append(q(p(0.05) ? spec.action().toUpperCase(java.util.Locale.ROOT) : spec.action()))
        .append(",\"resource\":").append(q(resource)).append(",\"resourceAccount\":").append(q(resourceAccount))
        .append(",\"context\":").append(context).append("}}");
    return sb.toString();
  }

  private String resource(String kind, String region, String account) {
    return switch (kind) {
      case "object" -> "arn:aws:s3:::" + pick(BUCKETS) + "/" + pick(KEYS);
      case "bucket" -> "arn:aws:s3:::" + pick(BUCKETS);
      case "table" -> "arn:aws:dynamodb:" + region + ":" + account + ":table/" + pick(NAMES);
      case "queue" -> "arn:aws:sqs:" + region + ":" + account + ":" + pick(NAMES);
      case "topic" -> "arn:aws:sns:" + region + ":" + account + ":" + pick(NAMES);
      case "function" -> "arn:aws:lambda:" + region + ":" + account + ":function:" + pick(NAMES);
      case "role" -> "arn:aws:iam::" + account + ":role/" + (p(0.3) ? "team/" : "") + pick(NAMES);
      case "instance" -> "arn:aws:ec2:" + region + ":" + account + ":instance/i-0123456789abcdef0";
      case "stream" -> "arn:aws:logs:" + region + ":" + account + ":log-group:" + pick(NAMES) + ":log-stream:s1";
      case "key" -> "arn:aws:kms:" + region + ":" + account + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
      case "secret" -> "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + pick(NAMES) + "-AbCdEf";
      default -> "*";
    };
  }

  private String principal() {
    double r = rnd.nextDouble();
    String account = p(0.85) ? A : B;
    if (r < 0.6) {
      return "arn:aws:sts::" + account + ":assumed-role/" + pick(NAMES) + "/s1";
    }
    if (r < 0.8) {
      return "arn:aws:iam::" + account + ":role/" + pick(NAMES);
    }
    String user = p(0.5) ? "bob" : "alice";
    if (r >= 0.95) {
      return "arn:aws:sts::" + account + ":federated-user/" + user; // a GetFederationToken session of the user
    }
    return "arn:aws:iam::" + account + ":user/" + user;
  }

  /** The request context: a random subset of global keys, values drawn from the pools policies use. */
  private String context(String region) {
    StringBuilder sb = new StringBuilder("{");
    List<String> entries = new ArrayList<>();
    if (p(0.5)) {
      entries.add(q("aws:PrincipalTag/team") + ":" + q(pick(TAG_VALUES)));
    }
    if (p(0.4)) {
      entries.add(q("aws:ResourceTag/env") + ":" + q(pick(TAG_VALUES)));
    }
    if (p(0.4)) {
      List<String> keys = new ArrayList<>();
      int n = rnd.nextInt(4);
      for (int i = 0; i < n; i++) {
        String k = pick(TAG_KEYS);
        if (!keys.contains(k)) {
          keys.add(k);
        }
      }
      StringBuilder arr = new StringBuilder("[");
      for (int i = 0; i < keys.size(); i++) {
        arr.append(i > 0 ? "," : "").append(q(keys.get(i)));
      }
      entries.add(q("aws:TagKeys") + ":" + arr.append(']'));
    }
    if (p(0.5)) {
      entries.add(q("aws:SourceIp") + ":" + q(pick(IPS)));
    }
    if (p(0.5)) {
      entries.add(q("aws:CurrentTime") + ":" + q(p(0.9) ? pick(ISO_DATES) : "1735689600"));
    }
    if (p(0.5)) {
      entries.add(q("aws:SecureTransport") + ":" + q(p(0.7) ? "true" : "false"));
    }
    if (p(0.3)) {
      entries.add(q("aws:MultiFactorAuthAge") + ":" + q(Integer.toString(rnd.nextInt(7200))));
    }
    if (p(0.3)) {
      entries.add(q("aws:SourceArn") + ":" + q("arn:aws:sns:" + region + ":" + (p(0.7) ? A : B) + ":" + pick(NAMES)));
    }
    if (p(0.3)) {
      entries.add(q("aws:username") + ":" + q(p(0.5) ? "bob" : "alice"));
    }
    if (p(0.3)) {
      entries.add(q("aws:RequestedRegion") + ":" + q(region));
    }
    for (int i = 0; i < entries.size(); i++) {
      sb.append(i > 0 ? "," : "").append(entries.get(i));
    }
    return sb.append('}').toString();
  }

  private String orgLevels(ActionSpec spec, String resource, boolean rcp) {
    int levels = 1 + rnd.nextInt(3);
    boolean nested = levels > 1 || p(0.5);
    StringBuilder sb = new StringBuilder("[");
    for (int l = 0; l < levels; l++) {
      if (l > 0) {
        sb.append(',');
      }
      if (nested) {
        sb.append('[');
      }
      int n = 1 + rnd.nextInt(2);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sb.append(',');
        }
        if (rcp) {
          sb.append(policy(spec, resource, true, true));
        } else if (p(0.6)) {
          sb.append("{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"FullAWSAccess\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}");
        } else {
          sb.append(policy(spec, resource, false, true));
        }
      }
      if (nested) {
        sb.append(']');
      }
    }
    return sb.append(']').toString();
  }

  /** A policy with 1-4 statements, most of them about the request's action and resource. */
  private String policy(ActionSpec spec, String resource, boolean withPrincipal, boolean org) {
    String version = p(0.05) && !(org && withPrincipal) ? "2008-10-17" : "2012-10-17";
    int n = 1 + rnd.nextInt(4);
    StringBuilder sb = new StringBuilder("{\"Version\":\"").append(version).append("\",\"Statement\":[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(statement(spec, resource, withPrincipal, org, i));
    }
    return sb.append("]}").toString();
  }

  private String statement(ActionSpec spec, String resource, boolean withPrincipal, boolean org, int index) {
    boolean rcp = org && withPrincipal;
    boolean deny = rcp || p(0.25);
    StringBuilder sb = new StringBuilder("{");
    if (p(0.5)) {
      sb.append("\"Sid\":\"S").append(index).append("\",");
    }
    sb.append("\"Effect\":\"").append(deny ? "Deny" : "Allow").append('"');
    if (withPrincipal) {
      if (org) {
        sb.append(",\"Principal\":\"*\"");
      } else if (deny && p(0.15)) {
        sb.append(",\"NotPrincipal\":").append(principalElement());
      } else {
        sb.append(",\"Principal\":").append(principalElement());
      }
    }
    boolean related = p(0.7);
    String actionPattern = related ? actionPattern(spec.action()) : actionPattern(pick(ACTIONS).action());
    if (rcp && actionPattern.equals("*")) {
      actionPattern = spec.action();
    }
    sb.append(p(0.1) && !rcp ? ",\"NotAction\":" : ",\"Action\":");
    if (p(0.3) && !rcp) {
      sb.append('[').append(q(actionPattern)).append(',').append(q(actionPattern(pick(ACTIONS).action()))).append(']');
    } else {
      sb.append(q(actionPattern));
    }
    sb.append(p(0.08) ? ",\"NotResource\":" : ",\"Resource\":").append(q(related ? resourcePattern(resource) : "*"));
    boolean conditions = org && !deny ? false : p(0.45);
    if (conditions) {
      sb.append(",\"Condition\":").append(conditionBlock());
    }
    return sb.append('}').toString();
  }

  private String principalElement() {
    double r = rnd.nextDouble();
    String account = p(0.8) ? A : B;
    String name = pick(NAMES);
    if (r < 0.1) {
      return "\"*\"";
    }
    if (r < 0.18) {
      return "{\"AWS\":\"*\"}";
    }
    if (r < 0.3) {
      return "{\"AWS\":" + q(account) + "}";
    }
    if (r < 0.42) {
      return "{\"AWS\":" + q("arn:aws:iam::" + account + ":root") + "}";
    }
    if (r < 0.62) {
      return "{\"AWS\":" + q("arn:aws:iam::" + account + ":role/" + (p(0.3) ? "team/" : "") + name) + "}";
    }
    if (r < 0.82) {
      return "{\"AWS\":" + q("arn:aws:sts::" + account + ":assumed-role/" + name + "/s1") + "}";
    }
    if (r < 0.92) {
      return "{\"AWS\":[" + q("arn:aws:iam::" + account + ":user/bob") + "," + q("arn:aws:iam::" + account + ":role/" + name) + "]}";
    }
    return "{\"Service\":\"lambda.amazonaws.com\"}";
  }

  private String actionPattern(String action) {
    String svc = action.substring(0, action.indexOf(':'));
    String name = action.substring(action.indexOf(':') + 1);
    double r = rnd.nextDouble();
    if (r < 0.45) {
      return action;
    }
    if (r < 0.6) {
      return svc + ":*";
    }
    if (r < 0.7) {
      return svc + ":" + name.substring(0, Math.min(3, name.length())) + "*";
    }
    if (r < 0.77) {
      return svc + ":" + name.charAt(0) + "?" + name.substring(2);
    }
    if (r < 0.84) {
      return action.toLowerCase(java.util.Locale.ROOT);
    }
    if (r < 0.9) {
      return "*";
    }
    return svc + ":*" + name.substring(name.length() - 3);
  }

  private String resourcePattern(String resource) {
    if (resource.equals("*")) {
      return "*";
    }
    double r = rnd.nextDouble();
    if (r < 0.3) {
      return resource;
    }
    if (r < 0.4) {
      return "*";
    }
    String[] parts = resource.split(":", 6);
    if (r < 0.55) {
      int slash = parts[5].indexOf('/');
      return slash > 0 ? String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], parts[5].substring(0, slash + 1) + "*")
          : String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], "*");
    }
    if (r < 0.65) {
      return String.join(":", parts[0], parts[1], parts[2], parts[3].isEmpty() ? "" : "*", parts[4].isEmpty() ? "" : "*", parts[5]);
    }
    if (r < 0.72) {
      return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], parts[5].substring(0, Math.max(1, parts[5].length() - 2)) + "?" + "*");
    }
    if (r < 0.78 && resource.startsWith("arn:aws:s3:::")) {
      return "arn:aws:s3:::" + parts[5].split("/")[0] + "/home/${aws:username}/*";
    }
    if (r < 0.84) {
      return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], pick(NAMES) + "*");
    }
    if (r < 0.9) {
      // another account in the account segment
      return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4].isEmpty() ? "" : (parts[4].equals(A) ? B : A), parts[5]);
    }
    if (r < 0.95) {
      return String.join(":", parts[0], parts[1], parts[2], parts[3], parts[4], "*" + parts[5].substring(parts[5].length() / 2));
    }
    return resource.replace("b1", "B1");
  }

  /** One to three condition tests under distinct (operator, key) pairs. */
  private String conditionBlock() {
    int n = 1 + rnd.nextInt(3);
    java.util.Map<String, java.util.Map<String, String>> byOperator = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String[] c = condition();
      byOperator.computeIfAbsent(c[0], k -> new java.util.LinkedHashMap<>()).put(c[1], c[2]);
    }
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (var op : byOperator.entrySet()) {
      sb.append(first ? "" : ",").append(q(op.getKey())).append(":{");
      first = false;
      boolean f2 = true;
      for (var k : op.getValue().entrySet()) {
        sb.append(f2 ? "" : ",").append(q(k.getKey())).append(':').append(k.getValue());
        f2 = false;
      }
      sb.append('}');
    }
    return sb.append('}').toString();
  }

  private String values(String[] pool, int max) {
    int n = 1 + rnd.nextInt(max);
    if (n == 1) {
      return q(pick(pool));
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      sb.append(i > 0 ? "," : "").append(q(pick(pool)));
    }
    return sb.append(']').toString();
  }

  private String ifExists(String op) {
    return p(0.2) ? op + "IfExists" : op;
  }

  /** {operator, key, JSON value}. */
  private String[] condition() {
    int kind = rnd.nextInt(12);
    switch (kind) {
      case 0, 1 -> {
        String op = ifExists(pick(new String[] {"StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike"}));
        String[] pool = op.contains("Like") ? new String[] {"pay*", "Pay*", "o?s", "*", "dev"} : TAG_VALUES;
        return new String[] {op, p(0.5) ? "aws:PrincipalTag/team" : "aws:ResourceTag/env", values(pool, 2)};
      }
      case 2 -> {
        String q = pick(new String[] {"ForAllValues:", "ForAnyValue:"});
        String op = q + ifExists(pick(new String[] {"StringEquals", "StringLike", "StringNotEquals", "StringNotLike"}));
        String[] pool = op.contains("Like") ? new String[] {"key1*", "team", "e*", "pro?ect"} : TAG_KEYS;
        return new String[] {op, "aws:TagKeys", values(pool, 3)};
      }
      case 3 -> {
        return new String[] {ifExists(pick(new String[] {"IpAddress", "NotIpAddress"})), "aws:SourceIp", values(CIDRS, 2)};
      }
      case 4 -> {
        String op = ifExists(pick(new String[] {"DateGreaterThan", "DateLessThan", "DateEquals", "DateNotEquals",
            "DateLessThanEquals", "DateGreaterThanEquals"}));
        return new String[] {op, "aws:CurrentTime", q(pick(ISO_DATES))};
      }
      case 5 -> {
        return new String[] {ifExists("Bool"), "aws:SecureTransport", p(0.5) ? "\"true\"" : "false"};
      }
      case 6 -> {
        String op = ifExists(pick(new String[] {"NumericLessThan", "NumericGreaterThan", "NumericEquals",
            "NumericNotEquals", "NumericLessThanEquals", "NumericGreaterThanEquals"}));
        return new String[] {op, "aws:MultiFactorAuthAge", p(0.5) ? "3600" : q(Integer.toString(rnd.nextInt(7200)))};
      }
      case 7 -> {
        String op = ifExists(pick(new String[] {"ArnLike", "ArnEquals", "ArnNotLike", "ArnNotEquals"}));
        String v = pick(new String[] {"arn:aws:sns:*:" + A + ":*", "arn:aws:sns:us-east-1:" + A + ":orders",
            "arn:aws:sns:*:*:app", "arn:aws:sns:eu-west-1:" + B + ":*"});
        return new String[] {op, "aws:SourceArn", q(v)};
      }
      case 8 -> {
        return new String[] {"Null", pick(new String[] {"aws:PrincipalTag/team", "aws:SourceIp", "aws:TagKeys",
            "aws:ResourceTag/env"}), p(0.5) ? "\"true\"" : "\"false\""};
      }
      case 9 -> {
        return new String[] {pick(new String[] {"StringEquals", "StringNotEquals", "StringLike"}), "aws:username",
            q(p(0.5) ? "${aws:PrincipalTag/team}" : pick(new String[] {"bob", "${aws:username}", "${aws:PrincipalTag/team, 'bob'}"}))};
      }
      case 10 -> {
        return new String[] {ifExists("StringEquals"), "aws:RequestedRegion", values(REGIONS, 2)};
      }
      default -> {
        return new String[] {"StringEquals", "aws:PrincipalTag/team", values(TAG_VALUES, 3)};
      }
    }
  }

  /** An IRSA trust case: sts:AssumeRoleWithWebIdentity by the cluster's OIDC provider. */
  private String trustCase(int id) {
    String provider = "arn:aws:iam::" + A + ":oidc-provider/" + ISSUER;
    String sa = pick(new String[] {"payments:api", "payments:worker", "ops:api"});
    String trustSa = pick(new String[] {"payments:api", "payments:*", "ops:api"});
    String op = trustSa.contains("*") ? "StringLike" : "StringEquals";
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":" + q(provider)
        + "},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"" + op + "\":{" + q(ISSUER + ":sub") + ":"
        + q("system:serviceaccount:" + trustSa) + "," + q(ISSUER + ":aud") + ":\"sts.amazonaws.com\"}}}]}";
    String aud = p(0.8) ? "sts.amazonaws.com" : "sts.amazon.com";
    return "{\"id\":" + q(Integer.toString(id)) + ",\"resourcePolicy\":" + trust + ",\"request\":{\"principal\":" + q(provider)
        + ",\"action\":\"sts:AssumeRoleWithWebIdentity\",\"resource\":" + q("arn:aws:iam::" + A + ":role/app")
        + ",\"resourceAccount\":" + q(A) + ",\"context\":{" + q(ISSUER + ":sub") + ":" + q("system:serviceaccount:" + sa)
        + "," + q(ISSUER + ":aud") + ":" + q(aud) + ",\"aws:FederatedProvider\":" + q(provider) + "}}}";
  }
}
