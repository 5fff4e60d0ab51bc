package dev.irsa.core.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records the operation name of every SDK call made through a client. */
final class CallRecorder implements ExecutionInterceptor {
  private final List<String> calls = new ArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    synchronized (calls) {
      calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  }

  List<String> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** The calls that are not reads (Get*, List*, Describe*). */
  List<String> writes() {
    return calls().stream().filter(c -> !isRead(c)).toList();
  }

  static boolean isRead(String operation) {
    return operation.startsWith("Get") || operation.startsWith("List") || operation.startsWith("Describe");
  }

  void clear() {
    synchronized (calls) {
      calls.clear();
    }
  }
}
