package dev.irsa.core.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PrincipalType;
import dev.irsa.core.policy.internal.SourceMap.Position;
import dev.irsa.core.policy.internal.SourceMap.StatementSpan;
import org.junit.jupiter.api.Test;

class SourceMapTest {
  private static final String POLICY = """
      {
        "Version": "2012-10-17",
        "Statement": [
          {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b"},
          {
            "Sid": "Objects",
            "Effect": "Allow",
            "Principal": {"AWS": ["111122223333", "444455556666"], "Service": "ec2.amazonaws.com"},
            "Action": ["s3:GetObject", "s3:PutObject"],
            "Resource": "arn:aws:s3:::b/*",
            "Condition": {
              "IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]},
              "Bool": {"aws:SecureTransport": true},
              "StringLike": {}
            }
          }
        ]
      }
      """;

  @Test
  void everyPartOfAParsedPolicyKnowsItsPathAndLineColumn() {
    // Given a policy spread over several lines / When it is read with positions
    ParsedPolicy parsed = PolicyCodec.readPositioned(POLICY);
    SourceMap map = parsed.sourceMap();
    // Then statements, elements, values, principals, conditions and condition values have positions
    assertThat(map.statementCount()).isEqualTo(2);
    assertThat(map.document()).isEqualTo(new Position("$", 1, 1));
    assertThat(map.documentElement("Version")).isEqualTo(new Position("$.Version", 2, 14));
    assertThat(map.statement(0).self()).isEqualTo(new Position("$.Statement[0]", 4, 5));
    assertThat(map.statement(0).value("Action", 0)).isEqualTo(new Position("$.Statement[0].Action", 4, 35));
    StatementSpan s = map.statement(1);
    assertThat(s.element("Sid")).isEqualTo(new Position("$.Statement[1].Sid", 6, 14));
    assertThat(s.value("Action", 1)).isEqualTo(new Position("$.Statement[1].Action[1]", 9, 34));
    assertThat(s.principal("Principal", PrincipalType.AWS, 1))
        .isEqualTo(new Position("$.Statement[1].Principal.AWS[1]", 8, 45));
    assertThat(s.principal("Principal", PrincipalType.SERVICE, 0))
        .isEqualTo(new Position("$.Statement[1].Principal.Service", 8, 73));
    assertThat(s.condition(0).operator()).isEqualTo(new Position("$.Statement[1].Condition.IpAddress", 12, 22));
    assertThat(s.condition(0).value(1))
        .isEqualTo(new Position("$.Statement[1].Condition.IpAddress['aws:SourceIp'][1]", 12, 58));
    assertThat(s.condition(1).value(0))
        .isEqualTo(new Position("$.Statement[1].Condition.Bool['aws:SecureTransport']", 13, 41));
    // and the block the model drops (it tests nothing) is still known to the map
    assertThat(s.emptyConditionBlocks()).containsExactly(
        new SourceMap.EmptyBlock("StringLike", new Position("$.Statement[1].Condition.StringLike", 14, 23)));
  }

  @Test
  void positionsStayOutOfTheDocumentsEquality() {
    // Given the same policy written compactly and spread over lines
    ParsedPolicy spread = PolicyCodec.readPositioned(POLICY);
    ParsedPolicy compact = PolicyCodec.readPositioned(spread.document().toJson());
    // Then the documents are equal although every position differs
    assertThat(compact.document()).isEqualTo(spread.document());
    assertThat(compact.sourceMap().statement(1).self()).isNotEqualTo(spread.sourceMap().statement(1).self());
  }

  @Test
  void aPolicyEmbeddedInLargerJsonHasPathsFromItsRoot() {
    JsonNode root = JsonParser.parse("{\"case\": {\"policy\": {\"Statement\": {\"Effect\": \"Deny\", \"Action\": [\"*\"]}}}}");
    JsonNode policy = ((JsonNode.Obj) ((JsonNode.Obj) root).get("case")).get("policy");
    SourceMap map = PolicyCodec.readPositioned(policy, "$.case.policy").sourceMap();
    assertThat(map.statement(0).value("Action", 0)).isEqualTo(new Position("$.case.policy.Statement.Action[0]", 1, 65));
  }

  @Test
  void writingADocumentRecordsWhereEachPartLandsWithoutReadingItBack() {
    // Given a document built in code
    PolicyDocument doc = PolicyCodec.read(POLICY);
    // When its pretty JSON's source map is taken from the writer
    SourceMap written = PolicyCodec.sourceMap(doc, true);
    // Then it names the same places as reading that JSON would (checked here by reading it)
    SourceMap read = PolicyCodec.readPositioned(doc.toJson(dev.irsa.core.policy.JsonFormat.PRETTY)).sourceMap();
    for (int i = 0; i < 2; i++) {
      StatementSpan w = written.statement(i);
      StatementSpan r = read.statement(i);
      assertThat(w.self()).isEqualTo(r.self());
      for (String e : new String[] {"Action", "Resource"}) {
        assertThat(w.element(e)).isEqualTo(r.element(e));
        for (int v = 0; v < doc.statements().get(i).actions().size(); v++) {
          assertThat(w.value("Action", v)).isEqualTo(r.value("Action", v));
        }
      }
    }
    StatementSpan w = written.statement(1);
    StatementSpan r = read.statement(1);
    assertThat(w.principal("Principal", PrincipalType.AWS, 1)).isEqualTo(r.principal("Principal", PrincipalType.AWS, 1));
    for (int c = 0; c < 2; c++) {
      assertThat(w.condition(c).operator()).isEqualTo(r.condition(c).operator());
      assertThat(w.condition(c).key()).isEqualTo(r.condition(c).key());
      assertThat(w.condition(c).values()).isEqualTo(r.condition(c).values());
    }
    assertThat(w.condition(0).value(1).path()).isEqualTo("$.Statement[1].Condition.IpAddress['aws:SourceIp'][1]");
  }
}
