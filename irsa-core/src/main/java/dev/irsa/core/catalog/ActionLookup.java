package dev.irsa.core.catalog;

import java.util.List;
import java.util.Objects;

/**
 * What an action or action pattern from a policy means: the concrete actions it stands for, or why
 * there are none and what was probably meant.
 *
 * <pre>{@code
 * ActionLookup l = ServiceCatalog.aws().lookup("s3:ListBuckets");
 * l.status();        // UNKNOWN_ACTION
 * l.suggestions();   // [s3:ListBucket, s3:ListAllMyBuckets]
 * }</pre>
 */
public record ActionLookup(String pattern, Status status, List<ServiceAction> actions, List<String> suggestions) {

  /** The outcome of a lookup. */
  public enum Status {
    /** One or more actions match. */
    FOUND,
    /** The service prefix is not in the catalog. */
    UNKNOWN_SERVICE,
    /** The service exists, no action of it matches. */
    UNKNOWN_ACTION,
    /** Not {@code service:action} (and not {@code *}). */
    INVALID
  }

  public ActionLookup {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(status, "status");
    actions = List.copyOf(actions);
    suggestions = List.copyOf(suggestions);
  }

  public boolean found() {
    return status == Status.FOUND;
  }
}
