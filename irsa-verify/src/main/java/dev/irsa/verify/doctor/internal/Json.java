package dev.irsa.verify.doctor.internal;

import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonPath;
import dev.irsa.verify.doctor.SnapshotFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON value with its file and path, for reading snapshot files with one-line errors. */
public record Json(String file, String path, JsonNode node) {

  public SnapshotFormatException error(String problem) {
    return new SnapshotFormatException(file, path, node == null ? 0 : node.line(), node == null ? 0 : node.column(), problem);
  }

  public boolean isObject() {
    return node instanceof JsonNode.Obj;
  }

  public boolean isArray() {
    return node instanceof JsonNode.Arr;
  }

  public boolean isString() {
    return node instanceof JsonNode.Str;
  }

  public boolean isNull() {
    return node == null || node instanceof JsonNode.Null;
  }

  /** The member, or a null-valued Json when absent. */
  public Json get(String name) {
    JsonNode.Obj o = object();
    return new Json(file, JsonPath.member(path, name), o.get(name));
  }

  /** The member; an error naming it when absent or null. */
  public Json require(String name) {
    Json j = get(name);
    if (j.isNull()) {
      throw error("missing " + name);
    }
    return j;
  }

  public JsonNode.Obj object() {
    if (node instanceof JsonNode.Obj o) {
      return o;
    }
    throw error("expected an object, got " + kind());
  }

  public String string() {
    if (node instanceof JsonNode.Str s) {
      return s.value();
    }
    throw error("expected a string, got " + kind());
  }

  /** The string, or {@code null} when absent or null. */
  public String stringOrNull() {
    return isNull() ? null : string();
  }

  public List<Json> elements() {
    if (node instanceof JsonNode.Arr a) {
      List<Json> out = new ArrayList<>(a.elements().size());
      for (int i = 0; i < a.elements().size(); i++) {
        out.add(new Json(file, JsonPath.index(path, i), a.elements().get(i)));
      }
      return out;
    }
    throw error("expected an array, got " + kind());
  }

  /** The elements, or none when absent or null. */
  public List<Json> elementsOrEmpty() {
    return isNull() ? List.of() : elements();
  }

  /** A list of strings (absent or null: empty). */
  public List<String> strings() {
    List<String> out = new ArrayList<>();
    for (Json e : elementsOrEmpty()) {
      out.add(e.string());
    }
    return out;
  }

  /** An object of strings (absent or null: empty). */
  public Map<String, String> stringMap() {
    Map<String, String> out = new LinkedHashMap<>();
    if (isNull()) {
      return out;
    }
    for (String k : object().members().keySet()) {
      out.put(k, get(k).string());
    }
    return out;
  }

  private String kind() {
    return node == null ? "nothing" : node.kind();
  }
}
