package dev.irsa.core.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.policy.JsonFormat;
import dev.irsa.core.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every AWS managed policy parses, writes and re-parses equal, and its canonical JSON means the
 * same as the original. "Means the same" is checked on the raw JSON trees, independently of the
 * policy model: both sides are normalized (Statement always a list, string-or-array as a list,
 * condition values with their JSON type, empty condition blocks dropped) and compared.
 */
class ManagedPolicyRoundTripTest {

  @Test
  void everyManagedPolicyRoundTripsLosslessly() {
    List<ManagedPolicyCorpus.Entry> corpus = ManagedPolicyCorpus.load();
    assertThat(corpus).hasSizeGreaterThan(1500);
    List<String> failures = new ArrayList<>();
    for (ManagedPolicyCorpus.Entry e : corpus) {
      try {
        PolicyDocument doc = PolicyDocument.fromJson(e.json());
        String canonical = doc.toJson();
        if (!PolicyDocument.fromJson(canonical).equals(doc)) {
          failures.add(e.name() + ": compact round trip differs");
        }
        if (!PolicyDocument.fromJson(doc.toJson(JsonFormat.PRETTY)).equals(doc)) {
          failures.add(e.name() + ": pretty round trip differs");
        }
        if (!normalize(e.document()).equals(normalize(JsonParser.parse(canonical)))) {
          failures.add(e.name() + ": canonical JSON is not semantically identical to the original");
        }
      } catch (RuntimeException ex) {
        failures.add(e.name() + ": " + ex.getMessage());
      }
    }
    assertThat(failures).isEmpty();
  }

  /** A model-independent normal form of a policy's JSON tree. */
  static Object normalize(JsonNode doc) {
    Map<String, Object> out = new LinkedHashMap<>();
    JsonNode.Obj o = (JsonNode.Obj) doc;
    o.members().forEach((k, v) -> {
      if (k.equals("Statement")) {
        List<Object> statements = new ArrayList<>();
        for (JsonNode s : v instanceof JsonNode.Arr a ? a.elements() : List.of(v)) {
          statements.add(statement((JsonNode.Obj) s));
        }
        out.put(k, statements);
      } else {
        out.put(k, ((JsonNode.Str) v).value());
      }
    });
    return out;
  }

  private static Object statement(JsonNode.Obj s) {
    Map<String, Object> out = new LinkedHashMap<>();
    s.members().forEach((k, v) -> {
      switch (k) {
        case "Sid", "Effect" -> out.put(k, ((JsonNode.Str) v).value());
        case "Principal", "NotPrincipal" -> {
          if (v instanceof JsonNode.Str str) {
            out.put(k, str.value());
          } else {
            Map<String, Object> p = new LinkedHashMap<>();
            ((JsonNode.Obj) v).members().forEach((t, ids) -> p.put(t, strings(ids)));
            out.put(k, p);
          }
        }
        case "Condition" -> {
          Map<String, Object> c = new LinkedHashMap<>();
          ((JsonNode.Obj) v).members().forEach((op, keys) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            ((JsonNode.Obj) keys).members().forEach((key, values) -> {
              List<String> vs = new ArrayList<>();
              for (JsonNode x : values instanceof JsonNode.Arr a ? a.elements() : List.of(values)) {
                vs.add(x.kind() + ":" + (x instanceof JsonNode.Str str ? str.value()
                    : x instanceof JsonNode.Num n ? n.text() : String.valueOf(((JsonNode.Bool) x).value())));
              }
              m.put(key, vs);
            });
            if (!m.isEmpty()) {
              c.put(op, m);
            }
          });
          if (!c.isEmpty()) {
            out.put(k, c);
          }
        }
        default -> out.put(k, strings(v));
      }
    });
    return out;
  }

  private static List<String> strings(JsonNode v) {
    List<String> out = new ArrayList<>();
    for (JsonNode x : v instanceof JsonNode.Arr a ? a.elements() : List.of(v)) {
      out.add(((JsonNode.Str) x).value());
    }
    return out;
  }
}
