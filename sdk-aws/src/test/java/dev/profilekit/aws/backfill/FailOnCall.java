package dev.profilekit.aws.backfill;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Injects a failure: the n-th call of one operation fails before anything is sent, so the
 * emulator never sees it. By default as a lost connection would; or with the service error given
 * (throttling, for example), as AWS would answer once the SDK's retries are spent.
 */
final class FailOnCall implements ExecutionInterceptor {

  private final String operation;
  private final int failingCall;
  private final Supplier<SdkException> failure;
  private final AtomicInteger calls = new AtomicInteger();

  FailOnCall(String operation, int failingCall) {
    this(operation, failingCall, () -> SdkClientException.create("injected failure of " + operation + " call " + failingCall));
  }

  FailOnCall(String operation, int failingCall, Supplier<SdkException> failure) {
    this.operation = operation;
    this.failingCall = failingCall;
    this.failure = failure;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
    if (operation.equals(executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
        && calls.incrementAndGet() == failingCall) {
      throw failure.get();
    }
  }
}
