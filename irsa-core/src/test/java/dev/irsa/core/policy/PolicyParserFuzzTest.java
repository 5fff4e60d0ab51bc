package dev.irsa.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.corpus.ManagedPolicyCorpus;
import dev.irsa.core.internal.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated-input tests of the parser, bounded so they run in CI in a few seconds. The seed and
 * the number of cases are configurable: {@code -Dirsa.fuzz.seed=7 -Dirsa.fuzz.cases=200000}.
 *
 * <p>Properties: (1) random valid documents round-trip through compact and pretty JSON; (2) random
 * mutations of real documents (byte flips, deletions, insertions of JSON punctuation, truncation,
 * duplication) either parse to a document that round-trips, or fail with a
 * {@link PolicyParseException} whose path starts with {@code $} and whose line:column lies inside
 * the input. Nothing else may escape.
 */
class PolicyParserFuzzTest {
  private static final long SEED = Long.getLong("irsa.fuzz.seed", 20261129L);
  private static final int CASES = Integer.getInteger("irsa.fuzz.cases", 20_000);
  private static final String[] ALPHABET = {
      "{", "}", "[", "]", ",", ":", "\"", "\\", "*", "?", "0", "1", "-", "e", ".", " ", "\n", "true", "null",
      "\"Statement\"", "\"Effect\"", "\"Allow\"", "\"Action\"", "\"Condition\"", "\"Principal\"", "\\u00e9", "\u0000", "é", "\uD83D\uDE00",
      "\\ud800", "\\udc00", "\uD800", "\n", "\u001b", "\u202e"};

  @Test
  void randomValidDocumentsRoundTrip() {
    Random r = new Random(SEED);
    for (int i = 0; i < CASES / 4; i++) {
      PolicyDocument doc = randomDocument(r);
      String context = "seed " + SEED + " case " + i + ": " + doc.toJson();
      assertThat(PolicyDocument.fromJson(doc.toJson())).as(context).isEqualTo(doc);
      assertThat(PolicyDocument.fromJson(doc.toJson(JsonFormat.PRETTY))).as(context).isEqualTo(doc);
    }
  }

  @Test
  void mutatedDocumentsParseOrFailWithAPositionedParseException() {
    Random r = new Random(SEED);
    List<String> seeds = new ArrayList<>();
    List<ManagedPolicyCorpus.Entry> corpus = ManagedPolicyCorpus.load();
    for (int i = 0; i < 200; i++) {
      String json = corpus.get(r.nextInt(corpus.size())).json();
      if (json.length() < 4_000) {
        seeds.add(json);
      }
    }
    for (int i = 0; i < 50; i++) {
      seeds.add(randomDocument(r).toJson(r.nextBoolean() ? JsonFormat.PRETTY : JsonFormat.COMPACT));
    }
    int parsed = 0;
    int rejected = 0;
    for (int i = 0; i < CASES; i++) {
      String input = mutate(r, seeds.get(r.nextInt(seeds.size())));
      String context = "seed " + SEED + " case " + i + ": " + input;
      try {
        PolicyDocument doc = PolicyDocument.fromJson(input);
        assertThat(PolicyDocument.fromJson(doc.toJson())).as(context).isEqualTo(doc);
        parsed++;
      } catch (PolicyParseException e) {
        assertThat(e.path()).as(context).startsWith("$");
        assertThat(e.line()).as(context).isBetween(1, (int) input.lines().count() + 1);
        assertThat(e.column()).as(context).isBetween(1, input.length() + 1);
        assertThat(e.problem()).as(context).isNotBlank();
        // One line, whatever the input: no control character, no unpaired surrogate (issue 14, items 8 and 11)
        assertThat(Quote.needsEscape(e.getMessage())).as(context + "\nmessage: " + e.getMessage()).isFalse();
        rejected++;
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError(context + "\nescaped: " + e, e);
      }
    }
    // Both outcomes must actually be exercised, or the mutator is too weak or too strong.
    assertThat(parsed).isGreaterThan(CASES / 100);
    assertThat(rejected).isGreaterThan(CASES / 2);
  }

  private static String mutate(Random r, String s) {
    StringBuilder sb = new StringBuilder(s);
    int n = 1 + r.nextInt(3);
    for (int k = 0; k < n && sb.length() > 0; k++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(6)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, ALPHABET[r.nextInt(ALPHABET.length)]);
        case 2 -> sb.setCharAt(at, (char) (32 + r.nextInt(95)));
        case 3 -> sb.setLength(at);
        case 4 -> {
          int end = Math.min(sb.length(), at + 1 + r.nextInt(40));
          sb.insert(at, sb.substring(at, end));
        }
        default -> {
          // swap a value type: replace a quoted word with a number or boolean
          int q = sb.indexOf("\"", at);
          int q2 = q < 0 ? -1 : sb.indexOf("\"", q + 1);
          if (q2 > q) {
            sb.replace(q, q2 + 1, r.nextBoolean() ? "42" : "false");
          }
        }
      }
    }
    return sb.toString();
  }

  static PolicyDocument randomDocument(Random r) {
    PolicyDocument.Builder b = PolicyDocument.builder();
    switch (r.nextInt(3)) {
      case 0 -> b.version(PolicyDocument.VERSION_2008_10_17);
      case 1 -> b.version(java.util.Optional.empty());
      default -> { }
    }
    if (r.nextInt(4) == 0) {
      b.id(word(r));
    }
    int statements = 1 + r.nextInt(4);
    for (int i = 0; i < statements; i++) {
      Statement.Builder s = Statement.builder().effect(r.nextBoolean() ? Effect.ALLOW : Effect.DENY);
      if (r.nextBoolean()) {
        s.sid(word(r));
      }
      if (r.nextInt(3) == 0) {
        Principal p = r.nextInt(4) == 0 ? Principal.all()
            : Principal.of(PrincipalType.values()[r.nextInt(4)], words(r));
        if (r.nextBoolean()) {
          s.principal(p);
        } else {
          s.notPrincipal(p);
        }
      }
      if (r.nextBoolean()) {
        s.actions(words(r));
      } else {
        s.notActions(words(r));
      }
      switch (r.nextInt(3)) {
        case 0 -> s.resources(words(r));
        case 1 -> s.notResources(words(r));
        default -> { }
      }
      int conditions = r.nextInt(4);
      java.util.Set<String> used = new java.util.HashSet<>();
      for (int c = 0; c < conditions; c++) {
        OperatorType t = OperatorType.values()[r.nextInt(OperatorType.values().length)];
        ConditionOperator op = ConditionOperator.of(ConditionOperator.Qualifier.values()[r.nextInt(3)], t, r.nextBoolean());
        String key = word(r);
        if (!used.add(op.name() + key)) {
          continue;
        }
        List<ConditionValue> values = new ArrayList<>();
        int nv = r.nextInt(3);
        for (int v = 0; v < nv; v++) {
          values.add(switch (r.nextInt(3)) {
            case 0 -> ConditionValue.number(Integer.toString(r.nextInt(100000)));
            case 1 -> ConditionValue.bool(r.nextBoolean());
            default -> ConditionValue.of(word(r));
          });
        }
        if (values.isEmpty()) {
          values.add(ConditionValue.of(word(r)));
        }
        s.addCondition(Condition.of(op, key, values));
      }
      b.addStatement(s.build());
    }
    return b.build();
  }

  private static List<String> words(Random r) {
    List<String> out = new ArrayList<>();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      out.add(word(r));
    }
    return out;
  }

  private static String word(Random r) {
    String chars = "abcXYZ019:/*?-_.\"\\ é\t${}";
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      sb.append(chars.charAt(r.nextInt(chars.length())));
    }
    return sb.toString();
  }
}
