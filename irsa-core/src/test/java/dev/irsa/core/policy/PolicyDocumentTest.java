package dev.irsa.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {

  @Test
  void readsLenientlyAndWritesOneCanonicalForm() {
    // Given a single statement object, "Principal": "*", string-or-array values and unquoted numbers/booleans
    String json = """
        {
          "Statement": {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": ["arn:aws:s3:::b/*"],
            "Condition": {
              "NumericLessThan": {"s3:max-keys": 10},
              "Bool": {"aws:SecureTransport": true}
            }
          },
          "Version": "2012-10-17"
        }
        """;

    // When it is read and written
    PolicyDocument doc = PolicyDocument.fromJson(json);

    // Then the canonical form orders members, wraps Statement in an array and keeps literals unquoted
    assertThat(doc.toJson()).isEqualTo(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{"
            + "\"NumericLessThan\":{\"s3:max-keys\":10},\"Bool\":{\"aws:SecureTransport\":true}}}]}");
    assertThat(PolicyDocument.fromJson(doc.toJson())).isEqualTo(doc);
    assertThat(PolicyDocument.fromJson(doc.toJson(JsonFormat.PRETTY))).isEqualTo(doc);
    assertThat(doc.statements().get(0).principal()).contains(Principal.all());
    assertThat(doc.statements().get(0).conditions().get(0).values())
        .containsExactly(new ConditionValue(ConditionValue.Kind.NUMBER, "10"));
  }

  @Test
  void keepsTheOrderOfStatementsValuesAndPrincipalTypes() {
    String json = """
        {"Version":"2012-10-17","Id":"order","Statement":[
          {"Sid":"B","Effect":"Deny","NotPrincipal":{"Service":["z.amazonaws.com","a.amazonaws.com"],"AWS":"111122223333"},
           "NotAction":["s3:Z*","s3:A*"],"NotResource":["arn:aws:s3:::z","arn:aws:s3:::a"]},
          {"Sid":"A","Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity",
           "Condition":{"ForAnyValue:StringLikeIfExists":{"k2":["v2","v1"],"k1":"x"},"StringEquals":{"k0":"y"}}}]}
        """;
    PolicyDocument doc = PolicyDocument.fromJson(json);

    assertThat(doc.id()).contains("order");
    assertThat(doc.statements()).extracting(s -> s.sid().orElseThrow()).containsExactly("B", "A");
    Statement b = doc.statements().get(0);
    assertThat(b.notPrincipal().orElseThrow().ids().keySet()).containsExactly(PrincipalType.SERVICE, PrincipalType.AWS);
    assertThat(b.notPrincipal().orElseThrow().ids(PrincipalType.SERVICE)).containsExactly("z.amazonaws.com", "a.amazonaws.com");
    assertThat(b.notActions()).containsExactly("s3:Z*", "s3:A*");
    Statement a = doc.statements().get(1);
    assertThat(a.conditions()).extracting(Condition::key).containsExactly("k2", "k1", "k0");
    ConditionOperator op = a.conditions().get(0).operator();
    assertThat(op.qualifier()).isEqualTo(ConditionOperator.Qualifier.FOR_ANY_VALUE);
    assertThat(op.type()).contains(OperatorType.STRING_LIKE);
    assertThat(op.ifExists()).isTrue();
    assertThat(PolicyDocument.fromJson(doc.toJson())).isEqualTo(doc);
    assertThat(doc.toJson()).contains("\"ForAnyValue:StringLikeIfExists\":{\"k2\":[\"v2\",\"v1\"],\"k1\":\"x\"}");
  }

  @Test
  void keepsAnAbsentVersionAbsentAndUnknownOperatorsAsWritten() {
    PolicyDocument doc = PolicyDocument.fromJson("""
        {"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualz":{"k":"v"}}}]}""");
    assertThat(doc.version()).isEmpty();
    assertThat(doc.supportsPolicyVariables()).isFalse();
    assertThat(doc.statements().get(0).conditions().get(0).operator().isKnown()).isFalse();
    assertThat(doc.toJson()).isEqualTo(
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEqualz\":{\"k\":\"v\"}}}]}");
  }

  @Test
  void prettyFormatIsStable() {
    PolicyDocument doc = PolicyDocument.builder()
        .addStatement(s -> s.sid("List").allow().addAction("s3:ListBucket").addResource("arn:aws:s3:::b")
            .condition("StringLike", "s3:prefix", "home/", "home/*"))
        .build();
    assertThat(doc.toJson(JsonFormat.PRETTY)).isEqualTo("""
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "List",
              "Effect": "Allow",
              "Action": "s3:ListBucket",
              "Resource": "arn:aws:s3:::b",
              "Condition": {
                "StringLike": {
                  "s3:prefix": [
                    "home/",
                    "home/*"
                  ]
                }
              }
            }
          ]
        }""");
  }

  @Test
  void escapesStringsAndKeepsUnicode() {
    PolicyDocument doc = PolicyDocument.builder()
        .addStatement(s -> s.sid("x").allow().addAction("s3:GetObject").addResource("arn:aws:s3:::b/\"q\"\\é\n"))
        .build();
    assertThat(doc.toJson()).contains("\"arn:aws:s3:::b/\\\"q\\\"\\\\é\\n\"");
    assertThat(PolicyDocument.fromJson(doc.toJson())).isEqualTo(doc);
  }

  @Test
  void buildersValidateStatements() {
    assertThatThrownBy(() -> Statement.builder().sid("S").allow().build())
        .hasMessage("statement S: needs an Action or NotAction");
    assertThatThrownBy(() -> Statement.builder().allow().addAction("a").addNotAction("b").build())
        .hasMessage("statement: has both Action and NotAction; use one");
    assertThatThrownBy(() -> Statement.builder().allow().addAction("a").addResource("r").addNotResource("r").build())
        .hasMessage("statement: has both Resource and NotResource; use one");
    assertThatThrownBy(() -> Statement.builder().allow().addAction("a")
        .principal(Principal.all()).notPrincipal(Principal.all()).build())
        .hasMessage("statement: has both Principal and NotPrincipal; use one");
    assertThatThrownBy(() -> Statement.builder().allow().addAction("a")
        .condition("StringEquals", "k", "1").condition("StringEquals", "k", "2").build())
        .hasMessage("statement: condition StringEquals on k appears twice; put all values in one condition (values are ORed)");
    assertThatThrownBy(() -> PolicyDocument.builder().build())
        .hasMessage("a policy document needs at least one statement");
    assertThatThrownBy(() -> Statement.builder().addAction("a").build())
        .hasMessageContaining("effect");
  }

  @Test
  void conditionsAreKeptGroupedByOperatorAsJsonWritesThem() {
    // Found by PolicyParserFuzzTest: A, B, A could not survive a round trip through JSON's grouping.
    Statement s = Statement.builder().allow().addAction("s3:GetObject")
        .condition("StringEquals", "k1", "a")
        .condition("Bool", "aws:SecureTransport", "true")
        .condition("StringEquals", "k2", "b")
        .build();
    assertThat(s.conditions()).extracting(Condition::key).containsExactly("k1", "k2", "aws:SecureTransport");
    PolicyDocument doc = PolicyDocument.of(s);
    assertThat(PolicyDocument.fromJson(doc.toJson())).isEqualTo(doc);
  }

  @Test
  void principalHelpers() {
    Principal p = Principal.aws("111122223333").and(PrincipalType.SERVICE, "ec2.amazonaws.com")
        .and(PrincipalType.AWS, "111122223333", "arn:aws:iam::444455556666:root");
    assertThat(p.ids(PrincipalType.AWS)).containsExactly("111122223333", "arn:aws:iam::444455556666:root");
    assertThat(p.toString()).isEqualTo("{AWS=[111122223333, arn:aws:iam::444455556666:root], Service=ec2.amazonaws.com}");
    assertThatThrownBy(() -> Principal.all().and(PrincipalType.AWS, "x"))
        .hasMessage("cannot add identifiers to Principal \"*\"");
  }

  @Test
  void toStringIsShort() {
    PolicyDocument doc = PolicyDocument.of(Statement.builder().allow().addAction("s3:ListBucket").addResource("*").build());
    assertThat(doc.toString()).isEqualTo(
        "PolicyDocument{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}");
    assertThat(doc.statements().get(0).toString()).isEqualTo("Statement{Allow Action=[s3:ListBucket] Resource=[*]}");
  }

  @Test
  void conditionValueFactoriesValidate() {
    assertThat(ConditionValue.number("3600").toString()).isEqualTo("3600");
    assertThatThrownBy(() -> ConditionValue.number("0123")).hasMessage("not a JSON number: '0123'");
    assertThat(List.of(ConditionValue.bool(true), ConditionValue.of("x"))).hasToString("[true, \"x\"]");
  }
}
