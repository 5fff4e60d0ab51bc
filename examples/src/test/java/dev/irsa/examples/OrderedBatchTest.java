package dev.irsa.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OrderedBatchTest {
  @Test
  void writesResultsInInputOrderWhateverThreadFinishesFirst() {
    // Given 2,000 lines whose work takes uneven time
    StringBuilder in = new StringBuilder();
    StringBuilder expected = new StringBuilder();
    for (int i = 1; i <= 2_000; i++) {
      in.append("case ").append(i).append('\n');
      expected.append(i).append(": case ").append(i).append('\n');
    }
    StringWriter out = new StringWriter();

    // When run on four threads
    OrderedBatch.run(new BufferedReader(new StringReader(in.toString())), out, null, 4, (line, number, o, e) -> {
      if (ThreadLocalRandom.current().nextInt(50) == 0) {
        sleep(2);
      }
      o.append(number).append(": ").append(line).append('\n');
    });

    // Then the output is in input order
    assertThat(out.toString()).isEqualTo(expected.toString());
  }

  @Test
  void writesAndFlushesEachResultBeforeWaitingForMoreInput() throws Exception {
    // Given an input that sends line 2 only once line 1's result has been flushed (a person typing)
    CountDownLatch firstFlushed = new CountDownLatch(1);
    StringBuilder flushed = new StringBuilder();
    Writer out = new StringWriter() {
      @Override
      public void flush() {
        flushed.setLength(0);
        flushed.append(toString());
        if (toString().contains("result 1")) {
          firstFlushed.countDown();
        }
      }
    };
    Reader interactive = new Reader() {
      private int step;

      @Override
      public int read(char[] buf, int off, int len) throws java.io.IOException {
        step++;
        if (step == 1) {
          return put("line 1\n", buf, off);
        }
        if (step == 2) {
          try {
            if (!firstFlushed.await(10, TimeUnit.SECONDS)) {
              return put("line 2 (sent after waiting 10 s for result 1 in vain)\n", buf, off);
            }
          } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException();
          }
          return put("line 2\n", buf, off);
        }
        return -1;
      }

      private int put(String s, char[] buf, int off) {
        s.getChars(0, s.length(), buf, off);
        return s.length();
      }

      @Override
      public void close() {}
    };

    // When run
    OrderedBatch.run(new BufferedReader(interactive), out, null, 2,
        (line, number, o, e) -> o.append("result ").append(line.substring(5)).append('\n'));

    // Then line 1 was answered before line 2 arrived, and both are answered
    assertThat(flushed.toString()).isEqualTo("result 1\nresult 2\n");
  }

  @Test
  void readsAheadOfWhatIsWrittenOnlyBoundedlySoMemoryDoesNotGrowWithTheInput() {
    // Given 200,000 lines produced on demand, counting how far reading gets ahead of writing
    int lines = 200_000;
    AtomicLong read = new AtomicLong();
    AtomicLong written = new AtomicLong();
    AtomicLong maxAhead = new AtomicLong();
    Reader source = new Reader() {
      @Override
      public int read(char[] buf, int off, int len) {
        if (read.get() >= lines) {
          return -1;
        }
        int n = 0;
        while (n + 2 <= len && read.get() < lines) {
          buf[off + n++] = 'x';
          buf[off + n++] = '\n';
          maxAhead.accumulateAndGet(read.incrementAndGet() - written.get(), Math::max);
        }
        return n;
      }

      @Override
      public boolean ready() {
        return read.get() < lines;
      }

      @Override
      public void close() {}
    };
    Writer sink = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
          if (buf[i] == '\n') {
            written.incrementAndGet();
          }
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };

    // When run on two threads
    OrderedBatch.run(new BufferedReader(source, 8192), sink, null, 2, (line, number, o, e) -> o.append("y\n"));

    // Then every line is answered, and reading never ran more than the in-flight window and one
    // read buffer ahead of writing (reading everything first would be 200,000 ahead)
    assertThat(written.get()).isEqualTo(lines);
    int window = 2 * 2 * OrderedBatch.CHUNK_LINES + OrderedBatch.CHUNK_LINES;
    assertThat(maxAhead.get()).isLessThanOrEqualTo(window + 8192 / 2);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
