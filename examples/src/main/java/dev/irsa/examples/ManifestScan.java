package dev.irsa.examples;

import dev.irsa.core.internal.Quote;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The first pass over a manifest: its YAML events, read iteratively without building anything, so
 * that a manifest which would cost too much to build is refused first, with the place it goes wrong.
 *
 * <p>It counts the nodes the manifest has once every alias is expanded (an alias counts as the
 * whole collection it names: 24 levels of two aliases each are 731 bytes and about 10^8 nodes),
 * refuses more than {@link Manifests#MAX_NODES} of them, an alias inside the collection it names (a
 * cycle, which no walk of the tree would end), more than {@link Manifests#MAX_ALIASES} aliases to
 * collections, and nesting deeper than {@link Manifests#MAX_DEPTH}.
 */
final class ManifestScan {
  /** The size of an anchored collection that is still open: an alias to it is a cycle. */
  private static final long OPEN = -1;

  private final String file;
  /** Expanded size of each anchored node, {@link #OPEN} while its collection is being read. */
  private final Map<String, Long> sizes = new HashMap<>();
  /** The anchors that name a collection (the alias limit counts aliases to collections only). */
  private final Set<String> collections = new HashSet<>();
  /** For each open collection: the node count when it started and its anchor (or ""). */
  private final Deque<Long> starts = new ArrayDeque<>();
  private final Deque<String> anchors = new ArrayDeque<>();
  private long nodes;
  private int aliases;

  private ManifestScan(String file) {
    this.file = file;
  }

  /**
   * @throws CliException (exit 2) at the first event past a limit, with its line:column
   */
  static void check(String file, LoadSettings settings, String text) {
    ManifestScan scan = new ManifestScan(file);
    ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
    while (parser.hasNext()) {
      scan.event(parser.next());
    }
  }

  private void event(Event e) {
    switch (e.getEventId()) {
      case Scalar -> {
        anchor(e).ifPresent(a -> {
          sizes.put(a, 1L);
          collections.remove(a);
        });
        count(e, 1, false);
      }
      case MappingStart, SequenceStart -> {
        if (starts.size() + 1 > Manifests.MAX_DEPTH) {
          throw refuse(e, "nested deeper than " + Manifests.MAX_DEPTH + " levels; not a manifest");
        }
        String a = anchor(e).orElse("");
        if (!a.isEmpty()) {
          sizes.put(a, OPEN);
          collections.add(a);
        }
        starts.push(nodes);
        anchors.push(a);
        count(e, 1, false);
      }
      case MappingEnd, SequenceEnd -> {
        long start = starts.pop();
        String a = anchors.pop();
        if (!a.isEmpty()) {
          sizes.put(a, nodes - start);
        }
      }
      case Alias -> alias((AliasEvent) e);
      case DocumentStart -> {
        sizes.clear();
        collections.clear();
      }
      default -> { }
    }
  }

  private void alias(AliasEvent e) {
    String name = e.getAlias().getValue();
    Long size = sizes.get(name);
    if (size == null) {
      return; // an undefined alias: the composer reports it, with its position
    }
    if (size == OPEN) {
      throw refuse(e, "alias *" + Quote.cut(name) + " refers to a collection that contains it (a cycle); "
          + "not a manifest");
    }
    if (collections.contains(name) && ++aliases > Manifests.MAX_ALIASES) {
      throw refuse(e, "more than " + Manifests.MAX_ALIASES + " aliases to collections; not a manifest");
    }
    count(e, size, true);
  }

  private void count(Event e, long n, boolean alias) {
    nodes += n;
    if (nodes > Manifests.MAX_NODES) {
      throw refuse(e, (alias ? "aliases expand the manifest to more than " : "more than ") + Manifests.MAX_NODES
          + " nodes; not a manifest");
    }
  }

  private static Optional<String> anchor(Event e) {
    return e instanceof NodeEvent n ? n.getAnchor().map(Anchor::getValue) : Optional.empty();
  }

  private CliException refuse(Event e, String what) {
    return new CliException(2, Manifests.where(file, e.getStartMark()) + ": " + what);
  }
}
