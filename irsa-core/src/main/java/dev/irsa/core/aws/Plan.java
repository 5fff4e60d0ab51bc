package dev.irsa.core.aws;

import dev.irsa.core.arn.RoleArn;
import dev.irsa.core.internal.Quote;
import dev.irsa.core.internal.json.JsonWriter;
import dev.irsa.core.policy.JsonFormat;
import java.util.List;
import java.util.Objects;

/**
 * Changes to IAM, planned ({@link IamProvisioner#plan}) or made ({@link IamProvisioner#apply}), in
 * order, with notes about what was left alone and why.
 *
 * @param role the role the run is about
 * @param changes the changes, in execution order; empty when IAM already matches
 * @param notes what was found and kept, e.g. {@code OIDC provider ... exists with audience sts.amazonaws.com}
 */
public record Plan(RoleArn role, List<Change> changes, List<String> notes) {
  public Plan {
    Objects.requireNonNull(role, "role");
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
  }

  /** True when there is nothing to change. */
  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** The changes of one kind. */
  public List<Change> changes(Change.Action action) {
    return changes.stream().filter(c -> c.action() == action).toList();
  }

  /**
   * {@code {"role":ARN,"changes":[{"action":"create-role","resource":ARN,"summary":...,"before":{...},"after":{...}}],"notes":[...]}};
   * documents are embedded as JSON objects.
   */
  public String toJson(JsonFormat format) {
    JsonWriter w = new JsonWriter(format == JsonFormat.PRETTY);
    w.beginObject().name("role").value(role.toString()).name("changes").beginArray();
    for (Change c : changes) {
      w.beginObject().name("action").value(c.action().id()).name("resource").value(c.resource())
          .name("summary").value(c.summary());
      if (c.before().isPresent()) {
        w.name("before").raw(c.before().get().toJson());
      }
      if (c.after().isPresent()) {
        w.name("after").raw(c.after().get().toJson());
      }
      w.endObject();
    }
    w.endArray().name("notes").beginArray();
    for (String n : notes) {
      w.value(n);
    }
    return w.endArray().endObject().toString();
  }

  /**
   * One line per change, then one per note ({@code = note}); {@code no changes} when empty. Control
   * characters in names and notes are escaped, so that no value can add a line.
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    if (changes.isEmpty()) {
      b.append("no changes for ").append(role).append('\n');
    }
    for (Change c : changes) {
      b.append("+ ").append(Quote.line(c.toString())).append('\n');
    }
    for (String n : notes) {
      b.append("= ").append(Quote.line(n)).append('\n');
    }
    return b.toString();
  }
}
