package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irsa.verify.PolicyEvaluator;
import dev.irsa.verify.eval.CompiledPolicy;
import dev.irsa.verify.eval.EvaluationResult;
import dev.irsa.verify.eval.PolicySet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batch codec reads each policy in place in its line (the line's ISO 8859-1 bytes, with a '?'
 * standing for a character above U+00FF). Whatever a policy holds, the case must decide as the
 * same policy compiled on its own from its text, whether the fast reader takes it or leaves it to
 * the tree reader, and a line with other characters around the policy must not change that.
 */
class CaseCodecInPlaceTest {
  private static final PolicyEvaluator EVALUATOR = PolicyEvaluator.create();
  private static final String REQUEST = "\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/bob\","
      + "\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\",\"context\":{\"aws:username\":\"漢字\"}}";

  @ParameterizedTest
  @ValueSource(strings = {
      // ASCII only, the usual case
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"s3:Get?bject\",\"Resource\":\"*\"}}",
      // a character above U+00FF in a Sid (a '?' in the bytes: the tree reader reads it), and a '?' wildcard
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"漢\",\"Effect\":\"Allow\",\"Action\":\"s3:Get?bject\",\"Resource\":\"*\"}}",
      // Latin-1 above ASCII, read by the fast reader
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/*\","
          + "\"Condition\":{\"StringNotEquals\":{\"aws:username\":\"é\"}}}}",
      // escapes, and a policy variable whose value is above U+00FF
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"arn:aws:s3:::b/*\",\"Condition\":{\"StringEquals\":{\"aws:username\":\"\\u6f22\\u5b57\"}}}}",
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::${aws:username}/*\"}}",
      // a surrogate pair (an emoji) in a resource
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/\uD83D\uDE00\"}}",
  })
  void decidesAsThePolicyCompiledOnItsOwn(String policy) {
    // Given a line holding the policy after other text above U+00FF (the id)
    String line = "{\"id\":\"ü漢\",\"identityPolicies\":[" + policy + "]," + REQUEST + "}";

    // When the line is read (twice: the second time the policy may come from the cache)
    CaseCodec codec = new CaseCodec(new PolicyCache(1 << 20));
    CaseCodec.Case first = codec.parse(line, 1);
    CaseCodec.Case second = codec.parse(line, 2);

    // Then it decides as the policy compiled from its own text
    PolicySet alone = PolicySet.builder().addIdentityPolicy("identity[0]", CompiledPolicy.compile(policy)).build();
    EvaluationResult expected = EVALUATOR.evaluate(alone, first.request());
    assertThat(first.id()).isEqualTo("ü漢");
    for (CaseCodec.Case c : new CaseCodec.Case[] {first, second}) {
      EvaluationResult got = EVALUATOR.evaluate(c.policies(), c.request());
      assertThat(CaseCodec.write(c.id(), got)).isEqualTo(CaseCodec.write(c.id(), expected));
      assertThat(c.policies().identityPolicies().get(0).policy().document())
          .isEqualTo(CompiledPolicy.compile(policy).document());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"漢", "é"})
  void anErrorInAPolicyIsPlacedInTheLineWhateverCharactersComeBefore(String before) {
    // Given a policy whose condition value its operator cannot read, after a Sid of one character
    String policy = "{\"Statement\":{\"Sid\":\"" + before + "\",\"Effect\":\"Allow\",\"Action\":\"*\","
        + "\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"soon\"}}}}";
    String line = "{\"id\":\"x\",\"identityPolicies\":[" + policy + "]," + REQUEST + "}";

    // When read, then the error names the value's path and its column in the line
    int column = line.indexOf("\"soon\"") + 1;
    assertThatThrownBy(() -> new CaseCodec(new PolicyCache(1 << 20)).parse(line, 3))
        .isInstanceOf(CaseCodec.CaseException.class)
        .hasMessageStartingWith("$.identityPolicies[0].Statement.Condition.DateLessThan['aws:CurrentTime'] 3:" + column + ": ");
  }
}
