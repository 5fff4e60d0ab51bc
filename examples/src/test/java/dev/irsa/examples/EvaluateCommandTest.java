package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvaluateCommandTest {
  private static final String ALLOW = """
      {"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}""";

  @Test
  void writesOneResultLinePerCaseInOrderAndKeepsGoingAfterABadLine() {
    // Given three cases, the second malformed
    String input = String.join("\n",
        "{\"id\":\"a\",\"identityPolicies\":[" + ALLOW + "],\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/bob\","
            + "\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"}}",
        "{\"id\":\"b\",\"identityPolicies\":[{\"Statement\":{\"Effect\":\"allow\",\"Action\":\"*\"}}],\"request\":{}}",
        "{\"id\":\"c\",\"identityPolicies\":null,\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/bob\","
            + "\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\",\"context\":{\"aws:TagKeys\":[\"x\",\"y\"]}}}",
        "not json");

    // When evaluated
    Cli r = Cli.runWithStdin(input, "evaluate");

    // Then each case has its line
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("""
        {"id":"a","decision":"ALLOWED","matched":[{"policy":"identity[0]","statement":0,"sid":"Read"}],"blockedBy":[]}
        {"id":"b","line":2,"decision":"ERROR","error":"$.identityPolicies[0].Statement.Effect 2:54: Effect must be \\"Allow\\" or \\"Deny\\" (case-sensitive), got \\"allow\\""}
        {"id":"c","decision":"IMPLICIT_DENY","matched":[],"blockedBy":["identity"]}
        {"id":null,"line":4,"decision":"ERROR","error":"$ 4:1: unexpected 'not': expected a value"}
        """);
  }

  @Test
  void invalidUtf8OnStdinIsRefusedWithItsByteOffsetAfterTheLinesBeforeItAreDecided() {
    // Given a good case, then a line with the bytes 0xff 0xfe in a Sid (issue 14 item 9: stdin used to
    // decode them as two U+FFFD and go on)
    String good = "{\"id\":\"a\",\"identityPolicies\":[" + ALLOW + "],\"request\":{\"principal\":"
        + "\"arn:aws:iam::111122223333:user/bob\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"}}\n";
    byte[] head = (good + "{\"id\":\"b\",\"x\":\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] input = java.util.Arrays.copyOf(head, head.length + 4);
    input[head.length] = (byte) 0xff;
    input[head.length + 1] = (byte) 0xfe;
    input[head.length + 2] = '"';
    input[head.length + 3] = '}';

    // When evaluated
    Cli r = Cli.runWithStdinBytes(input, "evaluate");

    // Then the first case has its result, and the input is refused on one line naming the byte
    assertThat(r.out()).isEqualTo("""
        {"id":"a","decision":"ALLOWED","matched":[{"policy":"identity[0]","statement":0,"sid":"Read"}],"blockedBy":[]}
        """);
    assertThat(r.err()).isEqualTo("error: stdin:2:16: not UTF-8 text: byte 0xff at byte offset " + (head.length)
        + " is not valid UTF-8" + System.lineSeparator());
    assertThat(r.exitCode()).isEqualTo(2);
  }

  @Test
  void aResultCarriesTheCatalogsWarningsAboutTheRequest() {
    // Given a typo in the action and an object action on a bucket ARN, against a policy allowing s3:*
    String allow = "{\"identityPolicies\":[{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
        + "\"Action\":\"s3:*\",\"Resource\":\"*\"}}],";
    String input = String.join("\n",
        "{\"id\":\"typo\"," + allow.substring(1) + "\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/bob\","
            + "\"action\":\"s3:ListBuckets\",\"resource\":\"*\"}}",
        "{\"id\":\"type\"," + allow.substring(1) + "\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/bob\","
            + "\"action\":\"s3:PutObject\",\"resource\":\"arn:aws:s3:::b\"}}");

    // When evaluated
    Cli r = Cli.runWithStdin(input, "evaluate");

    // Then the decisions are the policy's, and each line has a warnings array saying what is wrong
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("""
        {"id":"typo","decision":"ALLOWED","matched":[{"policy":"identity[0]","statement":0}],"blockedBy":[],\
        "warnings":[{"code":"UNKNOWN_ACTION","message":"s3:ListBuckets is not an action of Amazon S3; did you mean \
        s3:ListBucket or s3:ListAllMyBuckets?","suggestions":["s3:ListBucket","s3:ListAllMyBuckets"]}]}
        {"id":"type","decision":"ALLOWED","matched":[{"policy":"identity[0]","statement":0}],"blockedBy":[],\
        "warnings":[{"code":"RESOURCE_TYPE_MISMATCH","message":"s3:PutObject takes accesspointobject \
        (arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}), object \
        (arn:${Partition}:s3:::${BucketName}/${ObjectName}); arn:aws:s3:::b is none of them"}]}
        """);
  }

  @Test
  void rejectsMalformedRequestFieldsWithAnErrorLineNamingTheField() {
    // Given cases whose request fields are not what AWS sends, against a policy allowing everything
    String allowAll = "{\"identityPolicies\":[{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
        + "\"Action\":\"*\",\"Resource\":\"*\"}}],";
    String ok = "\"principal\":\"arn:aws:iam::111122223333:user/bob\",\"action\":\"s3:GetObject\","
        + "\"resource\":\"arn:aws:s3:::b/k\"";
    String input = String.join("\n",
        allowAll + "\"id\":\"p\",\"request\":{" + ok.replace("arn:aws:iam::111122223333:user/bob", "notanarn") + "}}",
        allowAll + "\"id\":\"a\",\"request\":{" + ok.replace("s3:GetObject", "nocolon") + "}}",
        allowAll + "\"id\":\"r\",\"request\":{" + ok.replace("arn:aws:s3:::b/k", "notarn") + "}}",
        allowAll + "\"id\":\"n\",\"request\":{" + ok + ",\"resourceAccount\":\"abc\"}}");

    // When evaluated
    Cli r = Cli.runWithStdin(input, "evaluate");

    // Then none is decided; each ERROR names the field
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("""
        {"id":"p","line":1,"decision":"ERROR","error":"$.request.principal 1:139: principal must be an ARN (arn:partition:service:region:account:resource) or a service principal (e.g. lambda.amazonaws.com), got: 'notanarn'"}
        {"id":"a","line":2,"decision":"ERROR","error":"$.request.action 2:185: action must be service:Action without wildcards (e.g. s3:GetObject), got: 'nocolon'"}
        {"id":"r","line":3,"decision":"ERROR","error":"$.request.resource 3:211: resource must be an ARN (arn:partition:service:region:account:resource) or * for actions without a resource type, got: 'notarn'"}
        {"id":"n","line":4,"decision":"ERROR","error":"$.request.resourceAccount 4:248: resourceAccount must be a 12-digit account ID, got: 'abc'"}
        """);
  }

  @Test
  void anErrorLineGivesTheInputLineAndKeepsTheIdOfALineThatIsNotValidJson() {
    // Given a blank line, then a case cut short after its id, then one whose id is a number
    String input = "\n{\"id\": \"cut\", \"request\": {\"action\": \"s3:Get\n{\"request\":{},\"id\":7,\"x\":[}";

    // When evaluated
    Cli r = Cli.runWithStdin(input, "evaluate");

    // Then each ERROR names its input line, the position in it, and the id
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("""
        {"id":"cut","line":2,"decision":"ERROR","error":"$.request.action 2:37: unterminated string"}
        {"id":"7","line":3,"decision":"ERROR","error":"$.x[0] 3:27: unexpected '}': expected a value"}
        """);
  }

  @Test
  void aFailureOnOneCaseIsThatCasesLineAndTheOtherCasesAreStillDecided() {
    // Given (issue 14, item 1) a far-future date, valid ISO 8601, in a request's context and in a
    // policy condition, between two ordinary cases; it used to abort the whole batch with no output
    String bob = "\"principal\":\"arn:aws:iam::111122223333:user/bob\",\"action\":\"s3:GetObject\","
        + "\"resource\":\"arn:aws:s3:::b/k\"";
    String dated = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
        + "\"Resource\":\"*\",\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"%s\"}}}}";
    String input = String.join("\n",
        "{\"id\":\"a\",\"identityPolicies\":[" + ALLOW + "],\"request\":{" + bob + "}}",
        "{\"id\":\"b\",\"identityPolicies\":[" + dated.formatted("2030-01-01T00:00:00Z") + "],\"request\":{" + bob
            + ",\"context\":{\"aws:CurrentTime\":\"+999999999-12-31T23:59:59Z\"}}}",
        "{\"id\":\"c\",\"identityPolicies\":[" + dated.formatted("+999999999-12-31T23:59:59Z") + "],\"request\":{" + bob
            + ",\"context\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}}",
        "{\"id\":\"d\",\"identityPolicies\":[],\"request\":{" + bob + "}}");

    // When evaluated
    Cli r = Cli.runWithStdin(input, "evaluate");

    // Then every case has its line: the ordinary ones decided, the dated ones decided or an ERROR
    // line of their own (whichever the date rules give; never the loss of the batch)
    assertThat(r.exitCode()).as(r.err()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).isEqualTo(
        "{\"id\":\"a\",\"decision\":\"ALLOWED\",\"matched\":[{\"policy\":\"identity[0]\",\"statement\":0,\"sid\":\"Read\"}],\"blockedBy\":[]}");
    assertThat(lines[3]).isEqualTo("{\"id\":\"d\",\"decision\":\"IMPLICIT_DENY\",\"matched\":[],\"blockedBy\":[\"identity\"]}");
    for (int i = 1; i <= 2; i++) {
      String id = i == 1 ? "b" : "c";
      assertThat(lines[i]).matches("\\{\"id\":\"" + id + "\",(\"line\":" + (i + 1)
          + ",\"decision\":\"ERROR\",\"error\":\".*\"|\"decision\":\"(ALLOWED|IMPLICIT_DENY|EXPLICIT_DENY)\".*)}");
    }
  }

  @Test
  void anUnexpectedFailureReadsAsOneLineNamingTheCaseAndTheBug() {
    // Given a failure irsa did not anticipate while evaluating line 7
    String message = EvaluateCommand.internalError(7, new ArithmeticException("long overflow"));

    // Then its ERROR text says where and what, in one line, without a stack trace
    assertThat(message).isEqualTo("$ 7:1: internal error evaluating this case: ArithmeticException: long overflow"
        + " (a bug in irsa; set IRSA_DEBUG=1 to print the stack trace)");
    assertThat(EvaluateCommand.internalError(1, new IllegalStateException("x".repeat(5_000))))
        .hasSizeLessThan(400).contains("... (5000 characters)");
  }

  @Test
  void aPolicySharedByManyCasesGivesTheSameResultsAsOneCompiledPerCase() {
    // Given the same policy text in three cases, one of them with the policy at another place
    String line = "{\"id\":\"%s\",\"identityPolicies\":[" + ALLOW + "],\"request\":{\"principal\":"
        + "\"arn:aws:iam::111122223333:user/bob\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/%s\"}}";
    String input = line.formatted("1", "k") + "\n" + line.formatted("2", "k") + "\n"
        + "{\"id\":\"3\",\"sessionPolicy\":" + ALLOW + ",\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/bob\","
        + "\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"}}";

    // When evaluated
    Cli r = Cli.runWithStdin(input, "evaluate", "--threads", "1");

    // Then each result names the policy where that case has it
    assertThat(r.out()).isEqualTo("""
        {"id":"1","decision":"ALLOWED","matched":[{"policy":"identity[0]","statement":0,"sid":"Read"}],"blockedBy":[]}
        {"id":"2","decision":"ALLOWED","matched":[{"policy":"identity[0]","statement":0,"sid":"Read"}],"blockedBy":[]}
        {"id":"3","decision":"IMPLICIT_DENY","matched":[],"blockedBy":["identity"]}
        """);
  }

  @Test
  void errorsInsideAPolicyAreLocatedInTheLineWhetherOrNotTheTextWasSeenBefore() {
    // Given a bad condition value in the second identity policy, in two lines, the second with an escaped id
    String bad = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"NumericLessThan\":{\"s3:max-keys\":\"ten\"}}}}";
    String line = "{\"id\":%s,\"identityPolicies\":[" + ALLOW + ", " + bad + "],\"request\":{\"principal\":"
        + "\"arn:aws:iam::111122223333:user/bob\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"}}";

    // When evaluated
    Cli r = Cli.runWithStdin(line.formatted("\"x\"") + "\n" + line.formatted("\"\\u0078\""), "evaluate");

    // Then both errors have the same path and column, in their own line
    String error = r.out().lines().findFirst().orElseThrow();
    assertThat(error).startsWith("{\"id\":\"x\",\"line\":1,\"decision\":\"ERROR\",\"error\":"
        + "\"$.identityPolicies[1].Statement.Condition.NumericLessThan['s3:max-keys'] 1:");
    int column = Integer.parseInt(error.replaceAll(".*max-keys'] 1:(\\d+):.*", "$1"));
    assertThat(line.formatted("\"x\"").substring(column - 1)).startsWith("\"ten\"");
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow())
        .isEqualTo(error.replace("\"line\":1", "\"line\":2").replace("] 1:" + column, "] 2:" + (column + 5)));
  }

  @Test
  void plainOptionsSkipPicocliAndOthersStillGetItsHelpAndErrors() {
    // Given command lines with and without plain options
    // Then the plain ones are run directly, the others by picocli
    assertThat(EvaluateCommand.withoutPicocli("evaluate", "--threads", "2", "--explain", "--bench", "3")).satisfies(c -> {
      assertThat(c.threads).isEqualTo(2);
      assertThat(c.explain).isTrue();
      assertThat(c.bench).isEqualTo(3);
    });
    assertThat(EvaluateCommand.withoutPicocli("evaluate", "--help")).isNull();
    assertThat(EvaluateCommand.withoutPicocli("evaluate", "--threads", "x")).isNull();
    assertThat(EvaluateCommand.withoutPicocli("lint", "-")).isNull();
    Cli r = Cli.run("evaluate", "--threads", "x");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: Invalid value for option '--threads': 'x' is not an int");
    assertThat(Cli.run("evaluate", "--threads", "0").err()).isEqualTo("error: --threads needs a positive number, got 0\n");
  }

  @Test
  void readsEveryLineAsTheStrictJsonParserDoes() throws Exception {
    // Given lines that test where the one-pass scan stops and the strict parser decides: duplicate
    // keys, unknown members holding bad JSON, escapes, numbers, a byte-order mark, whitespace,
    // syntax errors inside a policy and after a semantic error, nesting limits, a non-object line
    String input = resource("evaluate/tricky-lines.jsonl");

    // When evaluated on one thread and on four
    Cli one = Cli.runWithStdin(input, "evaluate", "--threads", "1");
    Cli four = Cli.runWithStdin(input, "evaluate", "--threads", "4");

    // Then the results are those the tree-based codec gave before the scan (recorded from it)
    assertThat(one.out()).isEqualTo(resource("evaluate/tricky-lines.results.jsonl"));
    assertThat(four.out()).isEqualTo(one.out());
  }

  private static String resource(String name) throws java.io.IOException {
    try (java.io.InputStream in = EvaluateCommandTest.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void benchReportsDecisionsPerSecond() {
    String line = "{\"id\":\"a\",\"identityPolicies\":[" + ALLOW + "],\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/bob\","
        + "\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"}}";

    Cli r = Cli.runWithStdin(line + "\n" + line + "\n", "evaluate", "--bench", "3");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("{\"cases\":2,\"invalid\":0,\"passes\":3,\"decisions\":6,\"seconds\":")
        .contains("\"decisionsPerSecond\":").endsWith("\"allowed\":2,\"explicitDeny\":0,\"implicitDeny\":0}\n");
  }

  @Test
  void benchNeedsAPositivePassCount() {
    Cli r = Cli.runWithStdin("", "evaluate", "--bench", "0");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: --bench needs a positive number of passes, got 0\n");
  }
}
