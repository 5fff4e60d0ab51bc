package dev.irsa.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Applies a function to every line of a reader on several threads and writes what it produces in
 * input order, as soon as it is decided. Lines go to the threads in chunks (at most
 * {@value #CHUNK_LINES} lines or {@value #CHUNK_CHARS} characters), and at most two chunks per
 * thread are in flight: reading waits for the oldest to be written, so memory stays bounded
 * however long the input is. When no more input is ready (a person typing, a slow pipe), the
 * chunks in flight are finished and flushed before reading blocks.
 */
final class OrderedBatch {
  static final int CHUNK_LINES = 64;
  static final int CHUNK_CHARS = 64 * 1024;

  /** What to do with one line: append its output (and its stderr text) to the builders. */
  interface LineFunction {
    void apply(String line, int lineNumber, StringBuilder out, StringBuilder err);
  }

  /** Where lines come from: {@link Utf8Lines} for stdin, or a {@link BufferedReader}. */
  interface LineSource {
    /** The next line without its ending, or null at the end. */
    String readLine() throws IOException;

    /** Whether a read may not block. */
    boolean ready() throws IOException;
  }

  private record Chunk(String out, String err) {}

  private OrderedBatch() {}

  /**
   * Runs {@code f} over every line of {@code in} with {@code threads} threads.
   *
   * @param err receives the functions' stderr text, in input order; may be null when none is written
   * @throws UncheckedIOException when reading or writing fails
   */
  static void run(BufferedReader in, Writer out, Writer err, int threads, LineFunction f) {
    run(new LineSource() {
      @Override
      public String readLine() throws IOException {
        return in.readLine();
      }

      @Override
      public boolean ready() throws IOException {
        return in.ready();
      }
    }, out, err, threads, f);
  }

  /** As {@link #run(BufferedReader, Writer, Writer, int, LineFunction)}, over a {@link LineSource}. */
  static void run(LineSource in, Writer out, Writer err, int threads, LineFunction f) {
    ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "irsa-evaluate");
      t.setDaemon(true);
      return t;
    }) : null;
    ArrayDeque<Future<Chunk>> inFlight = new ArrayDeque<>();
    int window = Math.max(2, threads * 2);
    try {
      List<String> lines = new ArrayList<>(CHUNK_LINES);
      int first = 1;
      int number = 0;
      int chars = 0;
      String line;
      while ((line = readLine(in, out, err, inFlight, lines, first, f)) != null) {
        number++;
        lines.add(line);
        chars += line.length();
        boolean more = in.ready();
        if (lines.size() < CHUNK_LINES && chars < CHUNK_CHARS && more) {
          continue;
        }
        List<String> chunk = lines;
        int from = first;
        if (pool == null) {
          write(out, err, apply(chunk, from, f));
        } else {
          inFlight.add(pool.submit(() -> apply(chunk, from, f)));
          while (inFlight.size() >= window || (!inFlight.isEmpty() && inFlight.peek().isDone())) {
            write(out, err, take(inFlight));
          }
        }
        if (!more) {
          while (!inFlight.isEmpty()) {
            write(out, err, take(inFlight));
          }
          flush(out, err);
        }
        lines = new ArrayList<>(CHUNK_LINES);
        first = number + 1;
        chars = 0;
      }
      while (!inFlight.isEmpty()) {
        write(out, err, take(inFlight));
      }
      if (!lines.isEmpty()) {
        write(out, err, apply(lines, first, f));
      }
      flush(out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /**
   * The next line, or null at the end. When the input turns out not to be readable (not UTF-8: a
   * {@link CliException} from the reader), the lines read before it are still decided and written, in
   * order, before the refusal goes up.
   */
  private static String readLine(LineSource in, Writer out, Writer err, ArrayDeque<Future<Chunk>> inFlight,
      List<String> lines, int first, LineFunction f) throws IOException {
    try {
      return in.readLine();
    } catch (CliException e) {
      while (!inFlight.isEmpty()) {
        write(out, err, take(inFlight));
      }
      if (!lines.isEmpty()) {
        write(out, err, apply(lines, first, f));
      }
      flush(out, err);
      throw e;
    }
  }

  private static Chunk apply(List<String> lines, int first, LineFunction f) {
    StringBuilder out = new StringBuilder(lines.size() * 128);
    StringBuilder err = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      f.apply(lines.get(i), first + i, out, err);
    }
    return new Chunk(out.toString(), err.toString());
  }

  private static Chunk take(ArrayDeque<Future<Chunk>> inFlight) throws IOException {
    try {
      return inFlight.poll().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void write(Writer out, Writer err, Chunk c) throws IOException {
    out.write(c.out());
    if (err != null && !c.err().isEmpty()) {
      err.write(c.err());
    }
  }

  private static void flush(Writer out, Writer err) throws IOException {
    out.flush();
    if (err != null) {
      err.flush();
    }
  }
}
