package dev.irsa.verify.live;

import dev.irsa.verify.report.Answer;
import dev.irsa.verify.report.SourceAnswer;
import dev.irsa.verify.source.ProbeTable;
import dev.irsa.verify.source.Redactor;
import dev.irsa.verify.source.ServiceErrors;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** Sends one read-only probe with the SDK and classifies the service's answer. */
final class SdkProbes {
  private final String source;
  private final S3Client s3;
  private final DynamoDbClient dynamoDb;
  private final StsClient sts;
  private final Redactor redactor;

  SdkProbes(String source, S3Client s3, DynamoDbClient dynamoDb, StsClient sts, Redactor redactor) {
    this.source = source;
    this.s3 = s3;
    this.dynamoDb = dynamoDb;
    this.sts = sts;
    this.redactor = redactor;
  }

  SourceAnswer run(ProbeTable.Probe p) {
    long start = System.nanoTime();
    SourceAnswer a;
    try {
      String what = send(p);
      a = SourceAnswer.of(source, Answer.ALLOWED, p.operation().call() + " succeeded" + what);
    } catch (AwsServiceException e) {
      a = classified(p.operation().call(), e, false, source, redactor);
    } catch (SdkException e) {
      a = SourceAnswer.of(source, Answer.ERROR, p.operation().call() + " failed: " + redactor.describe(e));
    }
    return a.withTook(Duration.ofNanos(System.nanoTime() - start));
  }

  private String send(ProbeTable.Probe p) {
    switch (p.operation()) {
      case LIST_OBJECTS_V2 -> {
        int n = s3.listObjectsV2(r -> r.bucket(p.bucket()).maxKeys(1)).keyCount();
        return ": " + n + " key(s) listed";
      }
      case HEAD_OBJECT -> {
        s3.headObject(r -> r.bucket(p.bucket()).key(p.key()));
        return "";
      }
      case LIST_BUCKETS -> {
        s3.listBuckets();
        return "";
      }
      case DESCRIBE_TABLE -> {
        return ": table " + dynamoDb.describeTable(r -> r.tableName(p.table())).table().tableStatusAsString();
      }
      case LIST_TABLES -> {
        dynamoDb.listTables(r -> r.limit(1));
        return "";
      }
      case SCAN -> {
        dynamoDb.scan(r -> r.tableName(p.table()).limit(1).select(Select.COUNT));
        return "";
      }
      case GET_ITEM -> {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        p.item().forEach((k, v) -> key.put(k, AttributeValue.fromS(v)));
        boolean found = dynamoDb.getItem(r -> r.tableName(p.table()).key(key)).hasItem();
        return found ? ": the item exists" : ": no such item";
      }
      case GET_CALLER_IDENTITY -> {
        return ": " + sts.getCallerIdentity().arn();
      }
      default -> throw new IllegalStateException("no probe for " + p.operation());
    }
  }

  /** A service error as an answer: denied, not found (allowed to ask), token/trust or other, with code and request id. */
  static SourceAnswer classified(String call, AwsServiceException e, boolean assumeRole, String source, Redactor redactor) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
    int status = e.statusCode();
    String shown = call + " answered HTTP " + status + (code == null ? "" : " " + code)
        + (message == null ? "" : ": " + redactor.apply(message));
    SourceAnswer a = switch (ServiceErrors.classify(assumeRole, status, code)) {
      case ACCESS_DENIED -> SourceAnswer.of(source, Answer.DENIED, shown);
      case NOT_FOUND -> SourceAnswer.of(source, Answer.ALLOWED, shown + " (not found: the caller was allowed to ask)");
      case TOKEN_OR_TRUST -> SourceAnswer.of(source, Answer.DENIED, shown + " (token or trust refused)");
      case OTHER -> SourceAnswer.of(source, Answer.ERROR, shown);
    };
    return a.withError(code == null ? Integer.toString(status) : code, e.requestId());
  }
}
