package dev.irsa.core.catalog.bench;

import dev.irsa.core.catalog.ActionLookup;
import dev.irsa.core.catalog.ServiceAction;
import dev.irsa.core.catalog.ServiceCatalog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Catalog lookups: the first use of a service (reading its gzipped file) against later uses.
 * Run with {@code irsa-core/scripts/bench-catalog.sh}; compare {@code cold*} with {@code warm*} as
 * ratios, not as absolute times (the machine is shared).
 */
@Fork(1)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CatalogBenchmark {

  /** A catalog that has already loaded S3 and DynamoDB. */
  @State(Scope.Benchmark)
  public static class Warm {
    ServiceCatalog catalog;
    ServiceAction getObject;

    @Setup(Level.Trial)
    public void load() {
      catalog = ServiceCatalog.fresh();
      catalog.expand("s3:*");
      catalog.expand("dynamodb:*");
      getObject = catalog.action("s3:GetObject").orElseThrow();
    }
  }

  /** A catalog that has loaded nothing yet, new for every invocation. */
  @State(Scope.Thread)
  public static class Cold {
    ServiceCatalog catalog;

    @Setup(Level.Invocation)
    public void fresh() {
      catalog = ServiceCatalog.fresh();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 20)
  @Measurement(iterations = 200)
  public List<ServiceAction> coldExpandPrefix(Cold s) {
    return s.catalog.expand("s3:Get*");
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public List<ServiceAction> warmExpandPrefix(Warm s) {
    return s.catalog.expand("s3:Get*");
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public List<ServiceAction> warmExpandInfix(Warm s) {
    return s.catalog.expand("s3:*Object*");
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public Object warmExactAction(Warm s) {
    return s.catalog.action("dynamodb:DescribeTable");
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public ActionLookup warmTypoWithSuggestions(Warm s) {
    return s.catalog.lookup("s3:ListBuckets");
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  public boolean warmResourceMatch(Warm s) {
    return s.getObject.canMatch("arn:aws:s3:::irsa-demo-bucket/reports/2026/*");
  }
}
