package dev.irsa.core.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads the bundled catalog written by {@code irsa-core/scripts/generate-catalog.mjs}. Each service
 * is one gzipped, tab-separated file {@code services/<prefix>.tsv.gz} with lines
 * <pre>
 * S  prefix  name
 * R  resourceType  arnTemplate  conditionKey,...
 * K  conditionKey  type                        (String, ArrayOfString, ARN, Bool, Numeric, Date, IPAddress ...)
 * A  Action  accessLevel|...  resourceType[*],...  conditionKey,...   ('*' marks a required resource type)
 * </pre>
 * plus {@code index.tsv} (prefix, name, action count) and {@code global-condition-keys.tsv} (key, type).
 */
final class ServiceFiles {
  static final String ROOT = "/dev/irsa/core/catalog/data/";

  private ServiceFiles() {}

  static void lines(String resource, boolean gzip, Consumer<String[]> each) {
    try (InputStream raw = ServiceFiles.class.getResourceAsStream(ROOT + resource)) {
      if (raw == null) {
        throw new IllegalStateException("catalog resource missing from the class path: " + ROOT + resource);
      }
      InputStream in = gzip ? new GZIPInputStream(raw, 16 * 1024) : raw;
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isEmpty()) {
          each.accept(line.split("\t", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog resource " + ROOT + resource, e);
    }
  }

  static Service load(String prefix) {
    String[] name = {prefix};
    Map<String, ResourceType> types = new LinkedHashMap<>();
    Map<String, ConditionKey> keys = new LinkedHashMap<>();
    Map<String, ServiceAction> actions = new LinkedHashMap<>();
    lines("services/" + prefix + ".tsv.gz", true, f -> {
      switch (f[0]) {
        case "S" -> name[0] = f[2];
        case "R" -> types.put(f[1], new ResourceType(prefix, f[1], f[2], list(f[3])));
        case "K" -> keys.put(f[1].toLowerCase(Locale.ROOT), ConditionKey.of(f[1], f[2]));
        case "A" -> {
          EnumSet<AccessLevel> levels = EnumSet.noneOf(AccessLevel.class);
          for (String l : list(f[2].replace('|', ','))) {
            AccessLevel level = AccessLevel.fromLabel(l);
            if (level != null) {
              levels.add(level);
            }
          }
          List<ActionResource> resources = new ArrayList<>();
          for (String r : list(f[3])) {
            boolean required = r.endsWith("*");
            String typeName = required ? r.substring(0, r.length() - 1) : r;
            ResourceType t = types.get(typeName);
            if (t != null) {
              resources.add(new ActionResource(t, required));
            }
          }
          actions.put(f[1].toLowerCase(Locale.ROOT), new ServiceAction(prefix, f[1], levels, resources, list(f[4])));
        }
        default -> throw new IllegalStateException("bad line in catalog file for " + prefix + ": " + String.join("\t", f));
      }
    });
    return new Service(prefix, name[0], actions, types, keys);
  }

  private static List<String> list(String s) {
    return s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
  }
}
