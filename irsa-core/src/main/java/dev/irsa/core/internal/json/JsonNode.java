package dev.irsa.core.internal.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON value that remembers where it started in the source text (1-based line and
 * column). Numbers keep the text they were written with, so nothing is lost in a round trip.
 * Internal to irsa: the public API speaks JSON only as text.
 */
public abstract sealed class JsonNode
    permits JsonNode.Obj, JsonNode.Arr, JsonNode.Str, JsonNode.Num, JsonNode.Bool, JsonNode.Null {

  private final int line;
  private final int column;

  JsonNode(int line, int column) {
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** A short name for error messages: object, array, string, number, boolean, null. */
  public abstract String kind();

  /** An object; members keep their source order and duplicate names are rejected by the parser. */
  public static final class Obj extends JsonNode {
    private final Map<String, JsonNode> members;

    public Obj(int line, int column, LinkedHashMap<String, JsonNode> members) {
      super(line, column);
      this.members = Collections.unmodifiableMap(members);
    }

    public Map<String, JsonNode> members() {
      return members;
    }

    public JsonNode get(String name) {
      return members.get(name);
    }

    @Override
    public String kind() {
      return "object";
    }
  }

  /** An array. */
  public static final class Arr extends JsonNode {
    private final List<JsonNode> elements;

    public Arr(int line, int column, List<JsonNode> elements) {
      super(line, column);
      this.elements = Collections.unmodifiableList(elements);
    }

    public List<JsonNode> elements() {
      return elements;
    }

    @Override
    public String kind() {
      return "array";
    }
  }

  /** A string. */
  public static final class Str extends JsonNode {
    private final String value;

    public Str(int line, int column, String value) {
      super(line, column);
      this.value = value;
    }

    public String value() {
      return value;
    }

    @Override
    public String kind() {
      return "string";
    }
  }

  /** A number, as written. */
  public static final class Num extends JsonNode {
    private final String text;

    public Num(int line, int column, String text) {
      super(line, column);
      this.text = text;
    }

    public String text() {
      return text;
    }

    @Override
    public String kind() {
      return "number";
    }
  }

  /** {@code true} or {@code false}. */
  public static final class Bool extends JsonNode {
    private final boolean value;

    public Bool(int line, int column, boolean value) {
      super(line, column);
      this.value = value;
    }

    public boolean value() {
      return value;
    }

    @Override
    public String kind() {
      return "boolean";
    }
  }

  /** {@code null}. */
  public static final class Null extends JsonNode {
    public Null(int line, int column) {
      super(line, column);
    }

    @Override
    public String kind() {
      return "null";
    }
  }
}
