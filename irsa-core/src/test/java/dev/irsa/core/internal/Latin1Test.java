package dev.irsa.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Latin1Test {
  @Test
  void keepsOneBytePerCharWhateverTheText() {
    // Given text with ASCII, Latin-1, a char above U+00FF and a surrogate pair (one '?' per pair from getBytes)
    String s = "a\"é漢\uD83D\uDE00?z";

    // When turned into bytes
    byte[] b = Latin1.bytes(s);

    // Then index i is char i: itself up to U+00FF, '?' above
    assertThat(b).hasSize(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      assertThat(b[i] & 0xff).as("index %d", i).isEqualTo(c <= 0xff ? c : '?');
    }
  }
}
