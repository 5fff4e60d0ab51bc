package dev.irsa.core.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The banded distance agrees with the textbook one wherever the answer is at most {@code max}. */
class SuggestionsDistanceTest {

  private static int textbook(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
      }
    }
    return d[a.length()][b.length()];
  }

  @Test
  void bandedDistanceMatchesTheTextbookOneOnGeneratedPairs() {
    Random random = new Random(42);
    for (int n = 0; n < 20_000; n++) {
      String a = word(random);
      String b = random.nextBoolean() ? mutate(a, random) : word(random);
      int max = 1 + random.nextInt(4);
      int expected = textbook(a, b);
      assertThat(Suggestions.distance(a, b, max)).as("%s / %s max %d", a, b, max)
          .isEqualTo(expected <= max ? expected : max + 1);
    }
  }

  private static String word(Random random) {
    StringBuilder sb = new StringBuilder();
    int len = random.nextInt(12);
    for (int i = 0; i < len; i++) {
      sb.append((char) ('a' + random.nextInt(4)));
    }
    return sb.toString();
  }

  private static String mutate(String s, Random random) {
    StringBuilder sb = new StringBuilder(s);
    for (int k = random.nextInt(5); k > 0; k--) {
      int op = random.nextInt(3);
      int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
      if (op == 0 || sb.length() == 0) {
        sb.insert(at, (char) ('a' + random.nextInt(4)));
      } else if (op == 1) {
        sb.deleteCharAt(at);
      } else {
        sb.setCharAt(at, (char) ('a' + random.nextInt(4)));
      }
    }
    return sb.toString();
  }
}
