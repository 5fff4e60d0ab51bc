package dev.irsa.verify.source;

import dev.irsa.core.arn.Arn;
import dev.irsa.core.catalog.AccessLevel;
import dev.irsa.core.catalog.ServiceAction;
import dev.irsa.core.catalog.ServiceCatalog;
import dev.irsa.verify.expect.Expectation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The read-only probes live sources may send, one per action; every other action is never sent
 * live and is answered by the offline and account sources.
 *
 * <table>
 *   <caption>Probes</caption>
 *   <tr><th>action</th><th>resource</th><th>call</th><th>AWS CLI</th></tr>
 *   <tr><td>s3:ListBucket</td><td>bucket</td><td>ListObjectsV2, max-keys 1</td><td>aws s3api list-objects-v2 --bucket B --max-keys 1</td></tr>
 *   <tr><td>s3:GetObject</td><td>object</td><td>HeadObject</td><td>aws s3api head-object --bucket B --key K</td></tr>
 *   <tr><td>s3:ListAllMyBuckets</td><td>*</td><td>ListBuckets</td><td>aws s3api list-buckets</td></tr>
 *   <tr><td>dynamodb:DescribeTable</td><td>table</td><td>DescribeTable</td><td>aws dynamodb describe-table --table-name T</td></tr>
 *   <tr><td>dynamodb:ListTables</td><td>*</td><td>ListTables, limit 1</td><td>aws dynamodb list-tables --max-items 1</td></tr>
 *   <tr><td>dynamodb:GetItem</td><td>table, with {@link Expectation#probeKey()}</td><td>GetItem</td><td>aws dynamodb get-item --table-name T --key K</td></tr>
 *   <tr><td>dynamodb:Scan</td><td>table</td><td>Scan, limit 1, count only</td><td>aws dynamodb scan --table-name T --max-items 1 --select COUNT</td></tr>
 *   <tr><td>sts:GetCallerIdentity</td><td>*</td><td>GetCallerIdentity</td><td>aws sts get-caller-identity</td></tr>
 * </table>
 */
public final class ProbeTable {
  /** Which read-only call answers an action. */
  public enum Operation {
    LIST_OBJECTS_V2("s3:ListBucket", "ListObjectsV2 (max-keys 1)"),
    HEAD_OBJECT("s3:GetObject", "HeadObject"),
    LIST_BUCKETS("s3:ListAllMyBuckets", "ListBuckets"),
    DESCRIBE_TABLE("dynamodb:DescribeTable", "DescribeTable"),
    LIST_TABLES("dynamodb:ListTables", "ListTables (limit 1)"),
    SCAN("dynamodb:Scan", "Scan (limit 1, COUNT)"),
    GET_ITEM("dynamodb:GetItem", "GetItem"),
    GET_CALLER_IDENTITY("sts:GetCallerIdentity", "GetCallerIdentity");

    private final String action;
    private final String call;

    Operation(String action, String call) {
      this.action = action;
      this.call = call;
    }

    public String action() {
      return action;
    }

    /** The API call as shown in evidence. */
    public String call() {
      return call;
    }
  }

  /**
   * A probe for one expectation.
   *
   * @param operation the call
   * @param bucket the S3 bucket, or empty
   * @param key the S3 key, or empty
   * @param table the DynamoDB table name, or empty
   * @param item the DynamoDB item key (string attributes), or empty
   */
  public record Probe(Operation operation, String bucket, String key, String table, Map<String, String> item) {
    public Probe {
      Objects.requireNonNull(operation, "operation");
      Objects.requireNonNull(bucket, "bucket");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(table, "table");
      item = Collections.unmodifiableMap(new LinkedHashMap<>(item));
    }

    Probe(Operation operation, String bucket, String key, String table) {
      this(operation, bucket, key, table, Map.of());
    }

    /** The item key as DynamoDB JSON: {@code {"id": {"S": "1"}}}. */
    public String itemJson() {
      StringBuilder sb = new StringBuilder("{");
      item.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(quote(k)).append(": {\"S\": ").append(quote(v))
          .append('}'));
      return sb.append('}').toString();
    }

    /** The same call as an AWS CLI command. */
    public List<String> cliCommand() {
      return switch (operation) {
        case LIST_OBJECTS_V2 -> List.of("aws", "s3api", "list-objects-v2", "--bucket", bucket, "--max-keys", "1");
        case HEAD_OBJECT -> List.of("aws", "s3api", "head-object", "--bucket", bucket, "--key", key);
        case LIST_BUCKETS -> List.of("aws", "s3api", "list-buckets");
        case DESCRIBE_TABLE -> List.of("aws", "dynamodb", "describe-table", "--table-name", table);
        case LIST_TABLES -> List.of("aws", "dynamodb", "list-tables", "--max-items", "1");
        case SCAN -> List.of("aws", "dynamodb", "scan", "--table-name", table, "--max-items", "1", "--select", "COUNT");
        case GET_ITEM -> List.of("aws", "dynamodb", "get-item", "--table-name", table, "--key", itemJson());
        case GET_CALLER_IDENTITY -> List.of("aws", "sts", "get-caller-identity");
      };
    }
  }

  private ProbeTable() {}

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c < 0x20 ? ' ' : c);
    }
    return sb.append('"').toString();
  }

  /** The probe for an expectation, or empty when its action is never sent live (see {@link #whyNotProbed}). */
  public static Optional<Probe> probe(Expectation e) {
    String r = e.resource();
    for (Operation op : Operation.values()) {
      if (!op.action().equalsIgnoreCase(e.action())) {
        continue;
      }
      switch (op) {
        case LIST_BUCKETS, LIST_TABLES, GET_CALLER_IDENTITY -> {
          return Optional.of(new Probe(op, "", "", ""));
        }
        case LIST_OBJECTS_V2, HEAD_OBJECT -> {
          Arn arn = Arn.parse(r);
          String res = arn.resource();
          int slash = res.indexOf('/');
          if (op == Operation.LIST_OBJECTS_V2 && slash < 0) {
            return Optional.of(new Probe(op, res, "", ""));
          }
          if (op == Operation.HEAD_OBJECT && slash > 0 && slash < res.length() - 1) {
            return Optional.of(new Probe(op, res.substring(0, slash), res.substring(slash + 1), ""));
          }
          return Optional.empty();
        }
        case DESCRIBE_TABLE, SCAN, GET_ITEM -> {
          Arn arn = Arn.parse(r);
          String[] parts = arn.resource().split("/");
          if (parts.length != 2 || !parts[0].equals("table") || op == Operation.GET_ITEM && e.probeKey().isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(new Probe(op, "", "", parts[1], op == Operation.GET_ITEM ? e.probeKey() : Map.of()));
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** Why an expectation without a probe is not sent live. */
  public static String whyNotProbed(Expectation e) {
    if (e.action().equals(Operation.GET_ITEM.action()) && e.probeKey().isEmpty()) {
      return "dynamodb:GetItem needs the item's key (Expectation.withProbeKey): not sent live";
    }
    Optional<ServiceAction> a = ServiceCatalog.aws().action(e.action());
    if (a.isPresent()) {
      for (AccessLevel l : List.of(AccessLevel.WRITE, AccessLevel.PERMISSIONS_MANAGEMENT, AccessLevel.TAGGING)) {
        if (a.get().hasAccessLevel(l)) {
          return e.action() + " (access level " + l.label() + ") would change data: never sent live";
        }
      }
    }
    return "no read-only probe for " + e.action() + " on this resource in irsa's probe table: never sent live";
  }
}
