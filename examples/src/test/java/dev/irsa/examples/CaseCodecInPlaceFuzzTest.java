package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.policy.PolicyDocument;
import dev.irsa.core.policy.PolicyParseException;
import dev.irsa.verify.eval.CompiledPolicy;
import dev.irsa.verify.eval.PolicySet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged batch lines through the in-place reading (line scan, hash, cache, fast reader on a region
 * of the line): every policy a case accepts must be the document its own text reads to alone, and
 * a line is accepted exactly when each of its policies reads alone (the rest of the line is valid). Insertions include characters above U+00FF and
 * surrogate pairs, which a byte per char stands for with '?'. Seed and size:
 * {@code -Dirsa.fuzz.seed=N -Dirsa.fuzz.cases=N}.
 */
class CaseCodecInPlaceFuzzTest {
  private static final long SEED = Long.getLong("irsa.fuzz.seed", 20261130L);
  private static final int CASES = Integer.getInteger("irsa.fuzz.cases", 6_000);
  private static final String[] POLICIES = {
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":[\"s3:Get?bject\",\"s3:List*\"],"
          + "\"Resource\":\"arn:aws:s3:::b/${aws:username}/*\"}}",
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":\"dynamodb:Describe*\",\"Resource\":\"*\","
          + "\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalTag/team\":[\"a\",\"é\"]},\"Bool\":{\"aws:SecureTransport\":false}}},"
          + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"s3:max-keys\":10}}}]}",
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
          + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}}",
  };
  private static final String[] INSERTS = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\\u00e9", "\\u6f22", "?", "*", " ",
      "é", "漢", "\uD83D\uDE00", "\uD800", "\"Action\"", "\"Effect\"", "true", "1", "null"};

  @Test
  void everyPolicyACaseAcceptsIsTheDocumentItsOwnTextReadsTo() {
    Random r = new Random(SEED);
    CaseCodec codec = new CaseCodec(new PolicyCache(1 << 16)); // small: policies come and go
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < CASES; i++) {
      String p1 = damage(r, POLICIES[r.nextInt(POLICIES.length)]);
      String p2 = r.nextBoolean() ? p1 : damage(r, POLICIES[r.nextInt(POLICIES.length)]);
      String line = "{\"id\":\"" + INSERTS[r.nextInt(INSERTS.length)].replace("\"", "q").replace("\\", "b")
          + "\",\"identityPolicies\":[" + p1 + "," + p2 + "],\"request\":{\"principal\":"
          + "\"arn:aws:iam::111122223333:user/bob\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/k\"}}";
      String context = "seed " + SEED + " case " + i + ": " + line;
      CaseCodec.Case c;
      try {
        c = codec.parse(line, i + 1);
      } catch (CaseCodec.CaseException e) {
        refused++;
        assertThat(e.getMessage()).as(context).isNotBlank();
        assertThat(readsAlone(p1) && readsAlone(p2))
            .as(context + "\nrefused (" + e.getMessage() + ") although each policy reads alone").isFalse();
        continue;
      }
      accepted++;
      List<PolicySet.Named> got = c.policies().identityPolicies();
      assertThat(got).as(context).hasSize(2);
      assertThat(got.get(0).policy().document()).as(context).isEqualTo(alone(p1, context));
      assertThat(got.get(1).policy().document()).as(context).isEqualTo(alone(p2, context));
    }
    // Both outcomes were exercised
    assertThat(accepted).isGreaterThan(CASES / 20);
    assertThat(refused).isGreaterThan(CASES / 5);
  }

  private static boolean readsAlone(String text) {
    try {
      CompiledPolicy.compile(text);
      return true;
    } catch (PolicyParseException e) {
      return false;
    }
  }

  /** The document of a policy read on its own; a line holding it must not have been accepted otherwise. */
  private static PolicyDocument alone(String text, String context) {
    try {
      return CompiledPolicy.compile(text).document();
    } catch (PolicyParseException e) {
      throw new AssertionError(context + "\nthe case was accepted, but its policy alone is refused: " + e.getMessage());
    }
  }

  private static String damage(Random r, String s) {
    StringBuilder sb = new StringBuilder(s);
    for (int k = r.nextInt(3); k > 0 && sb.length() > 0; k--) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(3)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, INSERTS[r.nextInt(INSERTS.length)]);
        default -> sb.setCharAt(at, (char) (32 + r.nextInt(95)));
      }
    }
    return sb.toString();
  }
}
