package dev.irsa.verify.eval.internal;

import dev.irsa.core.iam.internal.Glob;

/**
 * A Resource element entry or an ARN condition value, matched the way IAM documents it: the six
 * colon-separated parts ({@code arn:partition:service:region:account:resource}) are matched one by
 * one, case-sensitively, with {@code *} and {@code ?} inside a part; the resource part keeps its own
 * colons, and {@code *} spans {@code /}. For the Resource element two further rules apply: a
 * {@code *} that ends a part may also span colons ({@code arn:aws:ec2:*} matches every EC2 ARN),
 * and the service part takes no wildcard (its {@code *} and {@code ?} are literal characters).
 * Policy variables are substituted in the resource part only.
 *
 * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards">Using wildcards in resource ARNs</a>
 */
public final class ArnPattern {
  private static final int PARTS = 6;
  private static final int SERVICE = 2;
  private static final int RESOURCE = 5;

  private final String source;
  private final boolean any;
  private final Glob[] globs;
  private final boolean[] endsWithStar;
  private final Template resourceTemplate; // non-null when the resource part holds variables
  private final boolean resourceElement;
  private final String literalPrefix; // text before the first wildcard or variable: every match starts with it

  private ArnPattern(String source, boolean any, Glob[] globs, boolean[] endsWithStar, Template resourceTemplate,
      boolean resourceElement) {
    this.source = source;
    this.any = any;
    this.globs = globs;
    this.endsWithStar = endsWithStar;
    this.resourceTemplate = resourceTemplate;
    this.resourceElement = resourceElement;
    int cut = source.length();
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '*' || c == '?' || c == '$') {
        cut = i;
        break;
      }
    }
    this.literalPrefix = source.substring(0, cut);
  }

  /** A Resource/NotResource entry; variables substituted when {@code substitute} (Version 2012-10-17). */
  public static ArnPattern resource(String pattern, boolean substitute) {
    return compile(pattern, substitute, true);
  }

  /** An ArnEquals/ArnLike value (already resolved: no variables left). */
  public static ArnPattern condition(String pattern) {
    return compile(pattern, false, false);
  }

  /**
   * An ArnEquals/ArnLike value holding policy variables or the escapes {@code ${*}}, {@code ${?}},
   * {@code ${$}}, resolved against {@code context} (may be null when there are only escapes):
   * the escapes and substituted values are literal characters, only the policy's own {@code *} and
   * {@code ?} are wildcards. {@code null} when a variable has no value and no default.
   */
  public static ArnPattern condition(Template template, Template.Lookup context) {
    Template.Marked m = template.resolveMarked(context == null ? k -> null : context);
    if (m == null) {
      return null;
    }
    String text = m.text();
    int[] bounds = new int[PARTS + 1];
    int n = 0;
    bounds[n++] = 0;
    for (int i = text.indexOf(':'); i >= 0 && n < PARTS; i = text.indexOf(':', i + 1)) {
      bounds[n++] = i + 1;
    }
    bounds[n] = text.length() + 1;
    Glob[] globs = new Glob[n];
    for (int k = 0; k < n; k++) {
      Glob.Builder b = new Glob.Builder(false);
      m.appendTo(b, bounds[k], bounds[k + 1] - 1);
      globs[k] = b.build();
    }
    return new ArnPattern(text, false, globs, new boolean[n], null, false);
  }

  private static ArnPattern compile(String pattern, boolean substitute, boolean resourceElement) {
    if (pattern.equals("*")) {
      return new ArnPattern(pattern, true, null, null, null, resourceElement);
    }
    String[] segs = pattern.split(":", PARTS);
    Glob[] globs = new Glob[segs.length];
    boolean[] star = new boolean[segs.length];
    Template tpl = null;
    for (int i = 0; i < segs.length; i++) {
      String s = segs[i];
      star[i] = resourceElement && i != SERVICE && s.endsWith("*");
      if (i == RESOURCE && substitute) {
        Template t = Template.parse(s, true);
        if (!t.isPlain()) {
          tpl = t;
          globs[i] = null;
          continue;
        }
      }
      globs[i] = resourceElement && i == SERVICE ? Glob.literal(s, false) : Glob.compile(s, false);
    }
    return new ArnPattern(pattern, false, globs, star, tpl, resourceElement);
  }

  public String source() {
    return source;
  }

  public boolean hasVariables() {
    return resourceTemplate != null && resourceTemplate.hasVariables();
  }

  /** The template of the resource part when it holds variables or escapes, else {@code null}. */
  public Template resourceTemplate() {
    return resourceTemplate;
  }

  /** False when the resource part holds a variable that has no value in {@code context} and no default. */
  public boolean resolvable(Template.Lookup context) {
    return resourceTemplate == null || !resourceTemplate.hasVariables() || resourceTemplate.resolve(context) != null;
  }

  /** Matches {@code arn}; {@code context} supplies variable values (may be null when there are none). */
  public boolean matches(String arn, Template.Lookup context) {
    return any || matches(Parts.of(arn), context);
  }

  /** Matches an ARN already split into parts (split once per request, matched against many patterns). */
  public boolean matches(Parts parts, Template.Lookup context) {
    if (any) {
      return true;
    }
    if (!parts.text.startsWith(literalPrefix)) {
      return false;
    }
    Glob[] g = globs;
    if (resourceTemplate != null) {
      Glob last = resourceTemplate.resolveGlob(context, false);
      if (last == null) {
        return false; // a variable without a value: the entry matches nothing
      }
      g = globs.clone();
      g[RESOURCE] = last;
    }
    return match(g, parts.text, parts.starts, parts.count, 0, 0);
  }

  /** An ARN split at its first five colons: part k spans {@code [starts[k], starts[k+1] - 1)}. */
  public static final class Parts {
    final String text;
    final int[] starts;
    final int count;

    private Parts(String text, int[] starts, int count) {
      this.text = text;
      this.starts = starts;
      this.count = count;
    }

    public static Parts of(String arn) {
      int[] starts = new int[PARTS + 1];
      int n = 0;
      starts[n++] = 0;
      for (int i = arn.indexOf(':'); i >= 0 && n < PARTS; i = arn.indexOf(':', i + 1)) {
        starts[n++] = i + 1;
      }
      starts[n] = arn.length() + 1;
      return new Parts(arn, starts, n);
    }

    public String text() {
      return text;
    }
  }

  private boolean match(Glob[] g, String arn, int[] starts, int n, int seg, int part) {
    if (part >= n) {
      return false;
    }
    if (seg == g.length - 1) {
      return g[seg].matches(arn, starts[part], arn.length());
    }
    if (g[seg].matches(arn, starts[part], starts[part + 1] - 1) && match(g, arn, starts, n, seg + 1, part + 1)) {
      return true;
    }
    if (endsWithStar[seg]) {
      for (int last = part + 1; last < n - 1; last++) {
        if (g[seg].matches(arn, starts[part], starts[last + 1] - 1) && match(g, arn, starts, n, seg + 1, last + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return source;
  }
}
