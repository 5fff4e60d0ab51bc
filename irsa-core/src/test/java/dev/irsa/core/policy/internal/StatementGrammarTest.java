package dev.irsa.core.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.lint.Finding;
import dev.irsa.core.lint.PolicyKind;
import dev.irsa.core.lint.PolicyLinter;
import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.core.policy.Statement;
import dev.irsa.core.policy.internal.StatementGrammar.Rule;
import org.junit.jupiter.api.Test;

/** One set of statement rules, two modes: the parser stops at the first violation, the linter reports all. */
class StatementGrammarTest {
  private static final String BROKEN = """
      {"Version": "2012-10-17", "Statement": [
        {"effect": "Allow", "Effect": "allow", "Action": "s3:GetObject", "NotAction": "s3:PutObject",
         "Resource": "*", "NotResource": "arn:aws:s3:::b/*"}
      ]}""";

  @Test
  void theGrammarListsEveryViolationInOneOrder() {
    JsonNode.Obj statement = (JsonNode.Obj) ((JsonNode.Arr) ((JsonNode.Obj) JsonParser.parse(BROKEN)).get("Statement"))
        .elements().get(0);
    assertThat(StatementGrammar.structure("$.Statement[0]", statement))
        .extracting(StatementGrammar.Violation::rule, StatementGrammar.Violation::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Rule.UNKNOWN_ELEMENT, "$.Statement[0].effect"),
            org.assertj.core.groups.Tuple.tuple(Rule.INVALID_EFFECT, "$.Statement[0].Effect"),
            org.assertj.core.groups.Tuple.tuple(Rule.CONFLICTING_ELEMENTS, "$.Statement[0].NotAction"),
            org.assertj.core.groups.Tuple.tuple(Rule.CONFLICTING_ELEMENTS, "$.Statement[0].NotResource"));
  }

  @Test
  void theParserReportsTheFirstViolation() {
    assertThatThrownBy(() -> PolicyDocument.fromJson(BROKEN)).isInstanceOf(PolicyParseException.class)
        .hasMessage("$.Statement[0].effect 2:14: unknown element \"effect\" (element names are case-sensitive: did"
            + " you mean \"Effect\"?)");
  }

  @Test
  void theLinterReportsThemAllWithTheSamePaths() {
    assertThat(PolicyLinter.create().lint(BROKEN, PolicyKind.IDENTITY).findings()).extracting(Finding::toString)
        .containsExactly(
            "ERROR UNKNOWN_ELEMENT $.Statement[0].effect: unknown element \"effect\": element names are"
                + " case-sensitive, write \"Effect\"",
            "ERROR INVALID_EFFECT $.Statement[0].Effect: Effect must be \"Allow\" or \"Deny\" (case-sensitive), got"
                + " \"allow\"",
            "ERROR CONFLICTING_ELEMENTS $.Statement[0].NotAction: a statement has either Action or NotAction, not"
                + " both: remove one",
            "ERROR CONFLICTING_ELEMENTS $.Statement[0].NotResource: a statement has either Resource or NotResource,"
                + " not both: remove one");
  }

  @Test
  void theModelChecksTheSameElementRules() {
    assertThat(StatementGrammar.elements("$", e -> e.equals("Resource") || e.equals("NotResource")))
        .extracting(StatementGrammar.Violation::rule).containsExactly(Rule.MISSING_ACTION, Rule.CONFLICTING_ELEMENTS);
    assertThatThrownBy(() -> Statement.builder().allow().addResource("*").addNotResource("x").build())
        .hasMessage("statement: needs an Action or NotAction");
    assertThatThrownBy(() -> Statement.builder().allow().addAction("*").addResource("*").addNotResource("x").build())
        .hasMessage("statement: has both Resource and NotResource; use one");
  }

  @Test
  void sidsAndVersionsHaveOneDefinition() {
    assertThat(StatementGrammar.isIamSid("ReadObjects1")).isTrue();
    assertThat(StatementGrammar.isIamSid("read-objects")).isFalse();
    assertThat(StatementGrammar.iamSid("read-objects")).isEqualTo("readobjects");
    assertThat(StatementGrammar.isVersion("2012-10-17")).isTrue();
    assertThat(StatementGrammar.isVersion("2008-10-17")).isTrue();
    assertThat(StatementGrammar.isVersion("2024-01-01")).isFalse();
    assertThat(StatementGrammar.effect("Deny")).isEqualTo(dev.irsa.core.policy.Effect.DENY);
    assertThat(StatementGrammar.effect("deny")).isNull();
  }
}
