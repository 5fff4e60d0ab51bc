package dev.irsa.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ManagedPolicyCorpusTest {

  record Policy(String name, String json) {}

  static List<Policy> corpus() throws IOException {
    try (InputStream in = new GZIPInputStream(ManagedPolicyCorpusTest.class.getResourceAsStream(
        "/corpus/aws-managed-policies.json.gz"))) {
      JsonNode.Arr arr = (JsonNode.Arr) JsonParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      List<Policy> out = new ArrayList<>();
      for (JsonNode n : arr.elements()) {
        JsonNode.Obj o = (JsonNode.Obj) n;
        out.add(new Policy(((JsonNode.Str) o.get("name")).value(), write(o.get("document"))));
      }
      return out;
    }
  }

  static String write(JsonNode n) {
    JsonWriter w = new JsonWriter(true);
    write(w, n);
    return w.toString();
  }

  private static void write(JsonWriter w, JsonNode n) {
    if (n instanceof JsonNode.Obj o) {
      w.beginObject();
      o.members().forEach((k, v) -> {
        w.name(k);
        write(w, v);
      });
      w.endObject();
    } else if (n instanceof JsonNode.Arr a) {
      w.beginArray();
      a.elements().forEach(e -> write(w, e));
      w.endArray();
    } else if (n instanceof JsonNode.Str s) {
      w.value(s.value());
    } else if (n instanceof JsonNode.Num num) {
      w.raw(num.text());
    } else if (n instanceof JsonNode.Bool b) {
      w.raw(Boolean.toString(b.value()));
    } else {
      w.raw("null");
    }
  }

  /**
   * Every ERROR the linter reports on a policy AWS ships must be listed, with its reason, in
   * {@code lint/corpus-expected-errors.txt}; anything else is a linter bug (a false ERROR). After a
   * catalog refresh, review the difference this test prints and update the list.
   */
  @Test
  void awsManagedPoliciesHaveNoErrorsExceptTheListedOnes() throws IOException {
    // Given the default version of every AWS managed policy
    List<Policy> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThan(1_500);
    PolicyLinter linter = PolicyLinter.create();
    // When each is linted as an identity policy
    Set<String> actual = new TreeSet<>();
    for (Policy p : corpus) {
      for (Finding f : linter.lint(p.json(), PolicyKind.IDENTITY).findings()) {
        if (f.severity() == Severity.ERROR) {
          actual.add(p.name() + "\t" + f.code() + "\t" + f.path());
        }
      }
    }
    Set<FindingCode> errorCodes = new TreeSet<>();
    actual.forEach(a -> errorCodes.add(FindingCode.valueOf(a.split("\t")[1])));
    // Then the errors are exactly the expected ones
    Set<String> expected = new TreeSet<>();
    try (InputStream in = ManagedPolicyCorpusTest.class.getResourceAsStream("/lint/corpus-expected-errors.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] f = line.split("\t");
          expected.add(f[0] + "\t" + f[1] + "\t" + f[2]);
        }
      }
    }
    Set<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    assertThat(unexpected).as("ERROR findings on AWS managed policies that are not in the expected list").isEmpty();
    assertThat(missing).as("expected ERROR findings no longer reported").isEmpty();
    assertThat(errorCodes).as("only catalog gaps and real resource mismatches are errors")
        .containsExactly(FindingCode.UNKNOWN_SERVICE, FindingCode.UNKNOWN_ACTION, FindingCode.RESOURCE_TYPE_MISMATCH);
  }
}
