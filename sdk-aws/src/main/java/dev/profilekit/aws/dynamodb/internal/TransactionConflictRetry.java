package dev.profilekit.aws.dynamodb.internal;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Retries a request that DynamoDB refused with {@code TransactionConflictException}: another
 * writer's transaction was changing the item. DynamoDB applied nothing, so sending the same
 * request again is safe; the AWS SDK's retry policy does not cover this code, so ProfileKit does,
 * with full-jitter backoff. When the item stays busy the last conflict is thrown for the caller to
 * map.
 */
public final class TransactionConflictRetry {

  /** How many times a request is sent before the conflict is reported. */
  public static final int ATTEMPTS = 4;

  private static final long BASE_DELAY_MILLIS = 20;

  private TransactionConflictRetry() {}

  /**
   * Sends a request, again after each transaction conflict, at most {@link #ATTEMPTS} times.
   *
   * @param request sends the request once
   * @param <T> the response type
   * @return the response
   * @throws TransactionConflictException if every attempt met a transaction
   */
  public static <T> T send(Supplier<T> request) {
    for (int attempt = 1; ; attempt++) {
      try {
        return request.get();
      } catch (TransactionConflictException conflict) {
        if (attempt == ATTEMPTS) {
          throw conflict;
        }
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    long ceiling = BASE_DELAY_MILLIS << (attempt - 1);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry a DynamoDB write", interrupted);
    }
  }
}
