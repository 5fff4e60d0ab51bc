package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.verify.eval.CompiledPolicy;
import org.junit.jupiter.api.Test;

class PolicyCacheTest {
  private static String policy(int n) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"S" + n
        + "\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}";
  }

  @Test
  void keepsAPolicyOnlyTheSecondTimeItIsCompiled() {
    // Given an empty cache and a policy
    PolicyCache cache = new PolicyCache(1 << 20);
    String text = policy(1);
    CompiledPolicy p = CompiledPolicy.compile(text);

    // When it is put once, then the first put is remembered but not kept; the second is kept
    cache.put(text, p);
    assertThat(cache.get(text)).isNull();
    cache.put(text, p);
    assertThat(cache.get(text)).isSameAs(p);
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void holdsNoMoreTextThanItsBudgetAndDropsTheLeastRecentlyUsed() {
    // Given a budget of four policies' text (a text over a quarter of the budget is never kept)
    int len = policy(1).length();
    PolicyCache cache = new PolicyCache(4L * len + 4);
    CompiledPolicy p = CompiledPolicy.compile(policy(1));

    // When six policies are each put twice, and the first is read before the last two go in
    for (int i = 1; i <= 4; i++) {
      cache.put(policy(i), p);
      cache.put(policy(i), p);
    }
    assertThat(cache.get(policy(1))).isSameAs(p);
    for (int i = 5; i <= 6; i++) {
      cache.put(policy(i), p);
      cache.put(policy(i), p);
    }

    // Then four are held: the one read, and the three newest
    assertThat(cache.size()).isEqualTo(4);
    assertThat(cache.get(policy(1))).isSameAs(p);
    assertThat(cache.get(policy(2))).isNull();
    assertThat(cache.get(policy(3))).isNull();
    assertThat(cache.get(policy(4))).isSameAs(p);
    assertThat(cache.get(policy(6))).isSameAs(p);
  }

  @Test
  void keepingFirstSightKeepsAPolicyTheFirstTime() {
    PolicyCache cache = new PolicyCache(1 << 20, true);
    String text = policy(1);
    CompiledPolicy p = CompiledPolicy.compile(text);
    cache.put(text, p);
    assertThat(cache.get(text)).isSameAs(p);
  }

  @Test
  void findsAPolicyWhereALineHoldsItByTheHashTheScanComputed() {
    // Given a policy kept in the cache, and a batch line holding the same text (with "é" and an escape)
    String text = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"S\",\"Effect\":\"Allow\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::é/\\\"k\"}}";
    PolicyCache cache = new PolicyCache(1 << 20);
    CompiledPolicy p = CompiledPolicy.compile(text);
    cache.put(text, p);
    cache.put(text, p);
    String line = "{\"id\":\"1\",\"identityPolicies\":[" + text + "]}";

    // When the line is scanned
    CaseScanner s = CaseScanner.scan(line);
    CaseScanner.Span span = s.elements(s.member("identityPolicies")).get(0);

    // Then the span's hash is the cache's, and the policy is found in place
    assertThat(line.substring(span.start(), span.end())).isEqualTo(text);
    assertThat(span.hash()).isEqualTo(PolicyCache.hash(text));
    assertThat(cache.get(line, span.start(), span.end(), span.hash())).isSameAs(p);
    assertThat(cache.get(line, span.start(), span.end() - 1, span.hash())).isNull();
  }
}
