package dev.irsa.core.aws;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Makes the N-th call (1-based) fail: {@link Mode#BEFORE_SENDING} the request never reaches IAM;
 * {@link Mode#AFTER_RESPONSE} IAM did it but the caller sees a failure (a lost response), whatever IAM
 * answered.
 */
final class FaultInjector implements ExecutionInterceptor {
  enum Mode { BEFORE_SENDING, AFTER_RESPONSE }

  private final int failAt;
  private final Mode mode;
  private final AtomicInteger count = new AtomicInteger();
  private volatile String failed;

  FaultInjector(int failAt, Mode mode) {
    this.failAt = failAt;
    this.mode = mode;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (count.incrementAndGet() == failAt && mode == Mode.BEFORE_SENDING) {
      fail(attributes);
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (count.get() == failAt && mode == Mode.AFTER_RESPONSE && failed == null) {
      fail(attributes);
    }
  }

  /**
   * A call that failed anyway (NoSuchEntity on a read) whose answer is replaced by a 503: the SDK
   * only lets an interceptor swap an exception for one of the same class, so the class stays and
   * the error code becomes ServiceUnavailable.
   */
  @Override
  public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
    if (count.get() == failAt && mode == Mode.AFTER_RESPONSE && failed == null
        && context.exception() instanceof AwsServiceException e) {
      failed = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      String message = "injected fault in call " + failAt + " (" + failed + ", " + mode + ")";
      return e.toBuilder().statusCode(503).message(message)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode("ServiceUnavailable").errorMessage(message).build())
          .build();
    }
    return context.exception();
  }

  private void fail(ExecutionAttributes attributes) {
    failed = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    throw SdkClientException.create("injected fault in call " + failAt + " (" + failed + ", " + mode + ")");
  }

  /** The operation that was made to fail, or null when the run had fewer calls. */
  String failed() {
    return failed;
  }

  int calls() {
    return count.get();
  }
}
