package dev.irsa.verify.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoTest {
  @Test
  void computesAKeyOnceAndGivesTheSameValueAfter() {
    Memo<String, Object> memo = new Memo<>(16);
    AtomicInteger computed = new AtomicInteger();

    Object first = memo.get("s3:get*", k -> {
      computed.incrementAndGet();
      return new Object();
    });
    Object second = memo.get(new String("s3:get*"), k -> new Object());

    assertThat(second).isSameAs(first);
    assertThat(computed).hasValue(1);
  }

  @Test
  void staysBoundedAKeyOnAnOccupiedSlotReplacingItsEntry() {
    // Given a memo of one slot
    Memo<String, String> memo = new Memo<>(1);
    memo.get("a", k -> k + "1");

    // When another key arrives, then it replaces "a", which is computed again next time
    assertThat(memo.get("b", k -> k + "1")).isEqualTo("b1");
    assertThat(memo.get("a", k -> k + "2")).isEqualTo("a2");
  }

  @Test
  void storesNothingWhenTheComputationFails() {
    Memo<String, String> memo = new Memo<>(4);

    assertThatThrownBy(() -> memo.get("bad", k -> {
      throw new IllegalArgumentException("no");
    })).hasMessage("no");
    assertThat(memo.get("bad", k -> "ok")).isEqualTo("ok");
  }

  @Test
  void refusesASizeThatIsNotAPowerOfTwo() {
    assertThatThrownBy(() -> new Memo<String, String>(12))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("size must be a power of two, got 12");
  }
}
