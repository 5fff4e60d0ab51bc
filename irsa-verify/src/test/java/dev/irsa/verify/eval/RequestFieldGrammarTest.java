package dev.irsa.verify.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The request builder's hand-written field checks against the grammars they implement, written
 * here as regular expressions (the builder used these before; a request is built per batch line,
 * and the regex engine was a measurable part of reading one).
 */
class RequestFieldGrammarTest {
  private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9_-]+");
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
  private static final Pattern SERVICE_PRINCIPAL = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  private static final Pattern ARN = Pattern.compile("arn:[^:]+:[^:]+:[^:]*:[^:]*:.+", Pattern.DOTALL);

  @Test
  void agreeWithTheirGrammarsOnRandomStrings() {
    Random r = new Random(20261130L);
    String alphabet = "arn:aws-s3.Xz09_*?é٣/ \n";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder();
      if (r.nextInt(4) == 0) {
        sb.append("arn:");
      }
      for (int n = r.nextInt(20); n > 0; n--) {
        sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      assertThat(RequestContext.isAction(s)).as("action %s", s).isEqualTo(ACTION.matcher(s).matches());
      assertThat(RequestContext.isServicePrincipal(s)).as("service principal %s", s)
          .isEqualTo(SERVICE_PRINCIPAL.matcher(s).matches());
      String digits = s.replaceAll("[^0-9٣]", "");
      assertThat(RequestContext.isAccount(digits)).as("account %s", digits).isEqualTo(ACCOUNT.matcher(digits).matches());
      boolean arn = ARN.matcher(s).matches();
      boolean built;
      try {
        RequestContext.builder().resource(s);
        built = true;
      } catch (IllegalArgumentException e) {
        built = false;
      }
      assertThat(built).as("resource %s", s).isEqualTo(arn || s.equals("*"));
    }
  }

  @Test
  void acceptsAndRefusesTheUsualShapes() {
    assertThat(RequestContext.isAction("s3:GetObject")).isTrue();
    assertThat(RequestContext.isAction("s3:Get*")).isFalse();
    assertThat(RequestContext.isAction("s3_x:GetObject")).isFalse();
    assertThat(RequestContext.isAction("s3:Get:Object")).isFalse();
    assertThat(RequestContext.isAccount("111122223333")).isTrue();
    assertThat(RequestContext.isAccount("11112222333٣")).isFalse();
    assertThat(RequestContext.isServicePrincipal("lambda.amazonaws.com")).isTrue();
    assertThat(RequestContext.isServicePrincipal("lambda")).isFalse();
    assertThat(RequestContext.isServicePrincipal("lambda..com")).isFalse();
  }
}
