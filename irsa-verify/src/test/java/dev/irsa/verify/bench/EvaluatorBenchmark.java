package dev.irsa.verify.bench;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.policy.Permissions;
import dev.irsa.verify.PolicyEvaluator;
import dev.irsa.verify.diff.CaseGenerator;
import dev.irsa.verify.eval.Decision;
import dev.irsa.verify.eval.EvaluationResult;
import dev.irsa.verify.eval.IrsaSession;
import dev.irsa.verify.eval.PolicySet;
import dev.irsa.verify.eval.RequestContext;
import dev.irsa.verify.eval.internal.CaseCodec;
import dev.irsa.core.iam.internal.Glob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decisions per second: the seed policy, the generated mixed corpus (decisions only, full results,
 * full results with the catalog's warnings, and warnings for an object key never seen before), cost
 * growth from 1 to 1,000 attached policies, and the hostile wildcard. Run with
 * {@code irsa-verify/scripts/jmh.sh}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EvaluatorBenchmark {
  private static final PolicyEvaluator EVAL = PolicyEvaluator.create();

  /** The seed: the walkthrough's permission policy and its four permission checks, by an IRSA session. */
  @State(Scope.Benchmark)
  public static class Seed {
    PolicySet set;
    RequestContext[] requests;
    int i;

    @Setup
    public void setup() {
      String table = "arn:aws:dynamodb:us-west-2:111122223333:table/irsa-demo-table";
      set = PolicySet.builder()
          .addIdentityPolicy(Permissions.builder().s3Read("irsa-demo-bucket").dynamoDbDescribe(table).build()).build();
      IrsaSession s = IrsaSession.builder().role(RoleArn.of("111122223333", "irsa-demo-aws-cli")).region("us-west-2").build();
      requests = new RequestContext[] {
          s.request("s3:ListBucket", "arn:aws:s3:::irsa-demo-bucket"),
          s.request("s3:DeleteObject", "arn:aws:s3:::irsa-demo-bucket/hello.txt"),
          s.request("dynamodb:DescribeTable", table),
          s.request("dynamodb:DeleteTable", table)};
    }
  }

  /** 2,000 cases of the differential corpus (seed 42), parsed and compiled once. */
  @State(Scope.Benchmark)
  public static class Mixed {
    List<CaseCodec.Case> cases = new ArrayList<>();
    int i;

    @Setup
    public void setup() {
      Path corpus = Path.of("..", "irsa-core", "src", "test", "resources", "corpus", "aws-managed-policies.json.gz");
      if (!Files.exists(corpus)) {
        corpus = Path.of("irsa-core", "src", "test", "resources", "corpus", "aws-managed-policies.json.gz");
      }
      CaseGenerator gen = new CaseGenerator(42, CaseGenerator.loadManagedPolicies(corpus));
      for (int n = 0; n < 2000; n++) {
        cases.add(CaseCodec.parse(gen.next(n)));
      }
    }
  }

  /** N attached identity policies of 3 statements each, only the last of which allows the request. */
  @State(Scope.Benchmark)
  public static class Attached {
    @Param({"1", "10", "100", "1000"})
    int policies;
    PolicySet set;
    RequestContext hit;
    RequestContext otherService;

    @Setup
    public void setup() {
      PolicySet.Builder b = PolicySet.builder();
      for (int p = 0; p < policies; p++) {
        b.addIdentityPolicy("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::bucket-%d/*"},
              {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "arn:aws:dynamodb:*:111122223333:table/t-%d",
               "Condition": {"StringEquals": {"aws:PrincipalTag/team": "team-%d"}}},
              {"Effect": "Deny", "Action": "s3:DeleteBucket", "Resource": "*"}]}""".formatted(p, p, p));
      }
      set = b.build();
      IrsaSession s = IrsaSession.builder().role(RoleArn.of("111122223333", "app")).roleTag("team", "x").build();
      hit = s.request("s3:GetObject", "arn:aws:s3:::bucket-" + (policies - 1) + "/k");
      otherService = s.request("sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:q");
    }
  }

  /** A thousand stars against 100 KB. */
  @State(Scope.Benchmark)
  public static class Hostile {
    Glob glob = Glob.compile("*a".repeat(1000) + "*b*", false);
    String input = "a".repeat(100_000);
  }

  @Benchmark
  public Decision seedPolicy(Seed s) {
    RequestContext r = s.requests[s.i++ & 3];
    return EVAL.decide(s.set, r);
  }

  @Benchmark
  public Decision mixedCorpus(Mixed m) {
    CaseCodec.Case c = m.cases.get(m.i++ % m.cases.size());
    return EVAL.decide(c.policies(), c.request());
  }

  @Benchmark
  public EvaluationResult mixedCorpusResults(Mixed m) {
    CaseCodec.Case c = m.cases.get(m.i++ % m.cases.size());
    return EVAL.evaluate(c.policies(), c.request());
  }

  @Benchmark
  public int mixedCorpusResultsWithWarnings(Mixed m) {
    CaseCodec.Case c = m.cases.get(m.i++ % m.cases.size());
    return EVAL.evaluate(c.policies(), c.request()).warnings().size();
  }

  /** The uncached path: every request names an object the warning caches have not seen. */
  @Benchmark
  public int warningsForANewObjectKey(Seed s) {
    RequestContext r = RequestContext.of("arn:aws:sts::111122223333:assumed-role/app/s1", "s3:GetObject",
        "arn:aws:s3:::irsa-demo-bucket/key-" + s.i++);
    return EVAL.evaluate(s.set, r).warnings().size();
  }

  @Benchmark
  public Decision attachedPoliciesMatchingService(Attached a) {
    return EVAL.decide(a.set, a.hit);
  }

  @Benchmark
  public Decision attachedPoliciesOtherService(Attached a) {
    return EVAL.decide(a.set, a.otherService);
  }

  @Benchmark
  public boolean hostileWildcard(Hostile h) {
    return h.glob.matches(h.input);
  }

  /** Issue 14, item 5: a star, 200,000 question marks and "b*" against 400 KB without a b (took 11 s). */
  @State(Scope.Benchmark)
  public static class QuestionMarks {
    Glob glob = Glob.compile("*" + "?".repeat(200_000) + "b*", false);
    String input = "a".repeat(400_000);
  }

  @Benchmark
  public boolean hostileQuestionMarks(QuestionMarks q) {
    return q.glob.matches(q.input);
  }

  /** The matcher's worst shape: 2,000 alternating one-character runs (a?a?...b) against 100 KB. */
  @State(Scope.Benchmark)
  public static class Alternation {
    Glob glob = Glob.compile("*" + "a?".repeat(2_000) + "b*", false);
    String input = "a".repeat(100_000);
  }

  @Benchmark
  public boolean hostileAlternation(Alternation a) {
    return a.glob.matches(a.input);
  }
}
