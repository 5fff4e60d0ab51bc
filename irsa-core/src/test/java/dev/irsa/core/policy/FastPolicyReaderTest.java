package dev.irsa.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.corpus.ManagedPolicyCorpus;
import dev.irsa.core.policy.internal.FastPolicyReader;
import dev.irsa.core.policy.internal.PolicyCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast reader against the reader that builds the JSON tree: whatever the fast reader accepts,
 * the tree reader accepts too and reads to an equal document; the rest it leaves to the tree
 * reader (null), which gives the error. And it does accept the policies people write, or it would
 * not be fast.
 */
class FastPolicyReaderTest {
  private static final long SEED = Long.getLong("irsa.fuzz.seed", 20261130L);
  private static final int CASES = Integer.getInteger("irsa.fuzz.cases", 30_000);

  @Test
  void readsEveryAwsManagedPolicyAsTheTreeReaderDoes() {
    List<ManagedPolicyCorpus.Entry> corpus = ManagedPolicyCorpus.load();
    assertThat(corpus).hasSizeGreaterThan(1500);
    for (ManagedPolicyCorpus.Entry e : corpus) {
      assertThat(FastPolicyReader.tryRead(e.json())).as(e.name()).isNotNull().isEqualTo(PolicyCodec.read(e.json()));
    }
  }

  @Test
  void readsRandomValidDocumentsAsTheTreeReaderDoes() {
    Random r = new Random(SEED);
    for (int i = 0; i < CASES / 10; i++) {
      PolicyDocument doc = PolicyParserFuzzTest.randomDocument(r);
      for (JsonFormat f : JsonFormat.values()) {
        String json = doc.toJson(f);
        assertThat(FastPolicyReader.tryRead(json)).as("seed " + SEED + " case " + i + ": " + json)
            .isNotNull().isEqualTo(PolicyCodec.read(json));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // escapes, numbers, booleans, whitespace, empty condition blocks, every statement element
      "{\"Version\":\"2012-10-17\",\"Id\":\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u4e2d\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\"}}",
      " \r\n\t{ \"Statement\" : [ { \"Sid\" : \"S1\" , \"Effect\" : \"Deny\" , \"NotAction\" : [ \"a:b\" , \"c:?\" ] ,"
          + " \"NotResource\" : \"*\" , \"NotPrincipal\" : { \"AWS\" : [ \"arn:aws:iam::111122223333:root\" ] } ,"
          + " \"Condition\" : { \"NumericLessThan\" : { \"k\" : [ -1.5e+3 , 0 , 10E2 ] } , \"Bool\" : { \"b\" : true ,"
          + " \"c\" : [ false ] } , \"StringLike\" : { } } } ] } \n",
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":[\"a\",\"b\"],\"Condition\":{}},"
          + "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\",\"Federated\":[\"x\"]},\"Action\":\"sts:AssumeRole\"}],"
          + "\"Version\":\"2008-10-17\"}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Condition\":{\"ForAnyValue:StringEqualsIfExists\":"
          + "{\"aws:TagKeys\":[]},\"Null\":{\"aws:x\":\"true\"}}}}",
  })
  void readsWhatTheTreeReaderReads(String json) {
    assertThat(FastPolicyReader.tryRead(json)).isNotNull().isEqualTo(PolicyCodec.read(json));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\uFEFF{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}}", // a byte order mark: the tree reader's
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"\uD83D\uDE00\"}}", // a surrogate pair: the tree reader checks them
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"\\ud83d\\ude00\"}}",
      // a pair, then a '?' wildcard: the bytes must stay aligned with the chars after the pair
      "{\"Statement\":{\"Sid\":\"\uD83D\uDE00\",\"Effect\":\"Allow\",\"Action\":\"s3:Get?bject\"}}",
  })
  void leavesTheRarerValidInputToTheTreeReader(String json) {
    assertThat(FastPolicyReader.tryRead(json)).isNull();
    assertThat(PolicyCodec.read(json)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "{}", "[]", "{\"Statement\":[]}", "{\"Statement\":{}}", "{\"Statement\":{\"Effect\":\"Allow\"}}",
      "{\"Statement\":{\"Effect\":\"allow\",\"Action\":\"*\"}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotAction\":\"*\"}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"NotResource\":\"*\"}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":\"*\",\"NotPrincipal\":\"*\"}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Action\":\"*\"}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[]}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[1]}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":\"arn:aws:iam::1:root\"}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":{}}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":{\"Aws\":\"x\"}}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":{\"AWS\":\"x\",\"AWS\":\"y\"}}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"\":{\"k\":\"v\"}}}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"StringEquals\":{\"\":\"v\"}}}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":\"v\",\"k\":\"w\"}}}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":null}}}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":01}}}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"StringEquals\":{\"k\":tru}}}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Condition\":{\"StringEquals\":\"k\"}}}",
      "{\"Version\":\"2012-10-18\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"},\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}} x",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"a\tb\"}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"\\x\"}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",}}",
      "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}",
  })
  void givesUpOnWhatTheTreeReaderRefuses(String json) {
    assertThat(FastPolicyReader.tryRead(json)).isNull();
    boolean refused;
    try {
      PolicyCodec.read(json);
      refused = false;
    } catch (RuntimeException e) {
      refused = true;
    }
    assertThat(refused).as("the tree reader refuses %s", json).isTrue();
  }

  @Test
  void acceptsOnlyWhatTheTreeReaderReadsEquallyOnDamagedManagedPolicies() {
    // Given real policies damaged by deletions, insertions of JSON punctuation and words, truncation
    Random r = new Random(SEED);
    List<String> seeds = new ArrayList<>();
    List<ManagedPolicyCorpus.Entry> corpus = ManagedPolicyCorpus.load();
    for (int i = 0; i < 300; i++) {
      String json = corpus.get(r.nextInt(corpus.size())).json();
      if (json.length() < 3_000) {
        seeds.add(json);
      }
    }
    String[] alphabet = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\\u00e9", "\\ud800", "0", "-1", "1e5", "true",
        "false", "null", " ", "\n", "\"Statement\"", "\"Effect\"", "\"Allow\"", "\"Action\"", "\"NotAction\"",
        "\"Resource\"", "\"Condition\"", "\"Principal\"", "\"Sid\"", "\"AWS\"", "\u0001", "\uD800", "é"};
    int fastAccepted = 0;
    int treeAccepted = 0;
    for (int i = 0; i < CASES; i++) {
      StringBuilder sb = new StringBuilder(seeds.get(r.nextInt(seeds.size())));
      for (int k = 1 + r.nextInt(3); k > 0 && sb.length() > 0; k--) {
        int at = r.nextInt(sb.length());
        switch (r.nextInt(4)) {
          case 0 -> sb.deleteCharAt(at);
          case 1 -> sb.insert(at, alphabet[r.nextInt(alphabet.length)]);
          case 2 -> sb.setCharAt(at, (char) (32 + r.nextInt(95)));
          default -> sb.setLength(at);
        }
      }
      String input = sb.toString();
      PolicyDocument tree;
      try {
        tree = PolicyCodec.read(input);
        treeAccepted++;
      } catch (RuntimeException e) {
        tree = null;
      }
      PolicyDocument fast = FastPolicyReader.tryRead(input);
      if (fast != null) {
        fastAccepted++;
        assertThat(fast).as("seed " + SEED + " case " + i + ": " + input).isEqualTo(tree);
      }
    }
    // Then both outcomes were exercised, and the fast reader took most of what is valid
    assertThat(fastAccepted).isGreaterThan(CASES / 50).isGreaterThan(treeAccepted * 9 / 10);
  }
}
