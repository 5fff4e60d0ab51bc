package dev.irsa.core.policy.internal;

import dev.irsa.core.internal.Quote;
import dev.irsa.core.internal.json.JsonNode;
import dev.irsa.core.internal.json.JsonPath;
import dev.irsa.core.policy.Effect;
import dev.irsa.core.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The one definition of what a policy document and its statements may hold: element names,
 * Version and Effect values, exactly one of Action/NotAction, at most one of Resource/NotResource
 * and Principal/NotPrincipal, and the Sid charset. The codec ({@link PolicyReader}, stopping at the
 * first violation), the model ({@code Statement}'s check) and the linter (collecting every
 * violation) all ask it; each words the answer for its reader.
 */
public final class StatementGrammar {
  /** Document elements, in canonical order. */
  public static final List<String> DOCUMENT_ELEMENTS = List.of("Version", "Id", "Statement");
  /** Statement elements, in canonical order. */
  public static final List<String> STATEMENT_ELEMENTS = List.of(
      "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");
  /** IAM policies allow only letters and digits in a Sid (some services' resource policies accept more). */
  private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");

  private static final Effect[] EFFECTS = Effect.values(); // values() copies the array on every call

  private StatementGrammar() {}

  /** Elements of which a statement holds at most one. */
  public enum Pair {
    ACTION("Action", "NotAction"),
    RESOURCE("Resource", "NotResource"),
    PRINCIPAL("Principal", "NotPrincipal");

    private final String positive;
    private final String negated;

    Pair(String positive, String negated) {
      this.positive = positive;
      this.negated = negated;
    }

    public String positive() {
      return positive;
    }

    public String negated() {
      return negated;
    }
  }

  /** What a statement breaks. */
  public enum Rule {
    /** A member that is not a statement element. */
    UNKNOWN_ELEMENT,
    /** No Effect. */
    MISSING_EFFECT,
    /** An Effect other than the strings {@code Allow} and {@code Deny}. */
    INVALID_EFFECT,
    /** Neither Action nor NotAction. */
    MISSING_ACTION,
    /** Both elements of a {@link Pair}. */
    CONFLICTING_ELEMENTS
  }

  /**
   * One broken rule: where ({@code path}, and the JSON node when read from text), the element
   * concerned and, for {@link Rule#CONFLICTING_ELEMENTS}, the pair.
   */
  public record Violation(Rule rule, String path, JsonNode at, String element, Pair pair) {}

  /** True for the two Version values IAM accepts. */
  public static boolean isVersion(String v) {
    return v.equals(PolicyDocument.VERSION_2012_10_17) || v.equals(PolicyDocument.VERSION_2008_10_17);
  }

  /** The Effect spelled {@code json} (case-sensitive), or null. */
  public static Effect effect(String json) {
    for (Effect e : EFFECTS) {
      if (e.json().equals(json)) {
        return e;
      }
    }
    return null;
  }

  /** True when {@code sid} holds only letters and digits. */
  public static boolean isIamSid(String sid) {
    return SID.matcher(sid).matches();
  }

  /** {@code sid} with everything but letters and digits removed. */
  public static String iamSid(String sid) {
    return sid.replaceAll("[^A-Za-z0-9]", "");
  }

  /** The element of {@code known} that {@code name} spells in another case, or null. */
  public static String otherCase(String name, Collection<String> known) {
    for (String k : known) {
      if (k.equalsIgnoreCase(name)) {
        return k;
      }
    }
    return null;
  }

  /**
   * The element rules a statement breaks given which elements it has: a missing Action/NotAction,
   * then each pair present twice (Action, Resource, Principal). Holds for JSON and for the model.
   */
  public static List<Violation> elements(String path, Predicate<String> present) {
    List<Violation> out = new ArrayList<>(2);
    if (!present.test("Action") && !present.test("NotAction")) {
      out.add(new Violation(Rule.MISSING_ACTION, path, null, "Action", Pair.ACTION));
    }
    for (Pair p : Pair.values()) {
      if (present.test(p.positive) && present.test(p.negated)) {
        out.add(new Violation(Rule.CONFLICTING_ELEMENTS, JsonPath.member(path, p.negated), null, p.negated, p));
      }
    }
    return out;
  }

  /**
   * Every structural rule a statement object breaks, in this order: unknown elements (in member
   * order), a missing or invalid Effect, a missing Action, both elements of a pair. The parser
   * reports the first; the linter reports them all.
   */
  public static List<Violation> structure(String path, JsonNode.Obj statement) {
    List<Violation> out = new ArrayList<>();
    for (var m : statement.members().entrySet()) {
      if (!STATEMENT_ELEMENTS.contains(m.getKey())) {
        out.add(new Violation(Rule.UNKNOWN_ELEMENT, JsonPath.member(path, m.getKey()), m.getValue(), m.getKey(), null));
      }
    }
    JsonNode effect = statement.get("Effect");
    if (effect == null) {
      out.add(new Violation(Rule.MISSING_EFFECT, path, statement, "Effect", null));
    } else if (!(effect instanceof JsonNode.Str e) || effect(e.value()) == null) {
      out.add(new Violation(Rule.INVALID_EFFECT, JsonPath.member(path, "Effect"), effect, "Effect", null));
    }
    for (Violation v : elements(path, name -> statement.get(name) != null)) {
      JsonNode at = v.rule() == Rule.MISSING_ACTION ? statement : statement.get(v.element());
      out.add(new Violation(v.rule(), v.path(), at, v.element(), v.pair()));
    }
    return out;
  }

  /** The codec's wording of a violation (the linter words its findings itself). */
  public static String parseMessage(Violation v) {
    return switch (v.rule()) {
      case UNKNOWN_ELEMENT -> unknownElement(v.element(), STATEMENT_ELEMENTS);
      case MISSING_EFFECT -> "missing Effect";
      case INVALID_EFFECT -> v.at() instanceof JsonNode.Str s
          ? "Effect must be \"Allow\" or \"Deny\" (case-sensitive), got " + Quote.dbl(s.value())
          : "expected a string, got " + v.at().kind();
      case MISSING_ACTION -> "missing Action or NotAction";
      case CONFLICTING_ELEMENTS -> "a statement has either " + v.pair().positive() + " or " + v.pair().negated()
          + ", not both";
    };
  }

  /** The codec's wording of an unknown element. */
  public static String unknownElement(String name, Collection<String> known) {
    String k = otherCase(name, known);
    if (k != null) {
      return "unknown element " + Quote.dbl(name) + " (element names are case-sensitive: did you mean " + Quote.dbl(k) + "?)";
    }
    return "unknown element " + Quote.dbl(name) + " (expected one of " + String.join(", ", known) + ")";
  }
}
