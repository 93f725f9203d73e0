package dev.profilekit.aws.backfill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DescribeUserPoolResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * A user pool of any size for simulations, without the users in memory: user {@code i} is made
 * when its page is listed, so a million users cost one page of objects. {@code ListUsers} pages by
 * index (the pagination token is the next index) and keeps a quota on a virtual clock: more than
 * {@code quotaPerSecond} calls within one second of virtual time are refused with {@code
 * TooManyRequestsException}, as Cognito refuses calls over a pool's quota, and counted. Not an
 * emulator of Cognito's behaviour (the emulator tests use cognito-local): only what the backfill's
 * paging and rate need.
 */
final class SimulatedUserPool implements CognitoIdentityProviderClient {

  private final int users;
  private final LongSupplier virtualNanos;
  private final long[] window;
  private int calls;
  private int throttled;
  private long firstCallNanos = -1;
  private long lastCallNanos;

  SimulatedUserPool(int users, int quotaPerSecond, LongSupplier virtualNanos) {
    this.users = users;
    this.virtualNanos = virtualNanos;
    this.window = new long[quotaPerSecond];
  }

  /** The sub of user {@code i}: a UUID-shaped id whose last 12 hex digits are the index. */
  static String sub(long index) {
    return String.format("5eed0000-0000-4000-8000-%012x", index);
  }

  static int indexOf(String sub) {
    return (int) Long.parseLong(sub.substring(sub.length() - 12), 16);
  }

  @Override
  public synchronized ListUsersResponse listUsers(ListUsersRequest request) {
    long now = virtualNanos.getAsLong();
    // The call quota-many calls ago must be at least a second back, or this one is over quota.
    long quotaAgo = window[calls % window.length];
    if (calls >= window.length && now - quotaAgo < 1_000_000_000L) {
      throttled++;
      throw TooManyRequestsException.builder().message("Rate exceeded").statusCode(429).build();
    }
    window[calls % window.length] = now;
    calls++;
    if (firstCallNanos < 0) {
      firstCallNanos = now;
    }
    lastCallNanos = now;
    if (request.filter() != null) {
      throw new UnsupportedOperationException("the simulation lists the whole pool");
    }
    int from = request.paginationToken() == null ? 0 : Integer.parseInt(request.paginationToken());
    int to = Math.min(users, from + request.limit());
    List<UserType> page = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      page.add(UserType.builder()
          .username("user-" + i)
          .attributes(attribute("sub", sub(i)), attribute("email", "user" + i + "@example.com"),
              attribute("email_verified", "true"), attribute("given_name", "Ada"), attribute("family_name", "Lovelace"))
          .userCreateDate(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i))
          .userStatus(UserStatusType.CONFIRMED)
          .enabled(true)
          .build());
    }
    return ListUsersResponse.builder().users(page).paginationToken(to < users ? Integer.toString(to) : null).build();
  }

  @Override
  public DescribeUserPoolResponse describeUserPool(DescribeUserPoolRequest request) {
    return DescribeUserPoolResponse.builder().userPool(UserPoolType.builder().id(request.userPoolId()).estimatedNumberOfUsers(users).build()).build();
  }

  private static AttributeType attribute(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  synchronized int calls() {
    return calls;
  }

  synchronized int throttled() {
    return throttled;
  }

  /** Virtual nanoseconds from the first to the last accepted {@code ListUsers}. */
  synchronized long listingNanos() {
    return lastCallNanos - firstCallNanos;
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
