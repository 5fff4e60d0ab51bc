package dev.irsa.verify.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringTableTest {
  @Test
  void answersAsTheMapItWasBuiltFrom() {
    // Given maps of 0 to 300 keys, with keys whose hash codes collide ("Aa" and "BB" hash alike)
    Random r = new Random(7);
    for (int size = 0; size <= 300; size += 1 + size / 4) {
      Map<String, Integer> map = new HashMap<>();
      for (int i = 0; i < size; i++) {
        map.put(i % 3 == 0 ? "Aa".repeat(1 + i % 5) + i : "BB".repeat(1 + i % 5) + i, i);
      }
      StringTable<Integer> table = StringTable.of(map);

      // Then every key is found (also through an equal string that is not the same instance), and others are not
      assertThat(table.size()).isEqualTo(map.size());
      map.forEach((k, v) -> assertThat(table.get(new String(k))).isEqualTo(v));
      for (int i = 0; i < 200; i++) {
        String other = "x" + r.nextInt(1000);
        assertThat(table.get(other)).isNull();
      }
      for (String k : map.keySet()) { // a twin with the same hash code: present only if the map has it
        String twin = k.startsWith("Aa") ? "BB" + k.substring(2) : "Aa" + k.substring(2);
        assertThat(twin.hashCode()).isEqualTo(k.hashCode());
        assertThat(table.containsKey(twin)).as(twin).isEqualTo(map.containsKey(twin));
      }
    }
  }
}
