package dev.profilekit.aws.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.FieldValue;
import dev.profilekit.IdentityProvider;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.Subscription;
import dev.profilekit.SubscriptionStatus;
import dev.profilekit.UserProfile;
import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Measures the capacity units of the DynamoDB requests the service and the backfill send, by
 * calling the service's own {@link ProfileStore} through a client that asks every request for
 * {@code ReturnConsumedCapacity=TOTAL} ({@link CapacityMeter}), on a realistic profile: names,
 * email, a Google avatar URL, locale, time zone, preferences with nested notification settings, a
 * subscription, five custom fields, one linked identity. dynalite computes units from item sizes
 * by DynamoDB's published rules (reads per 4 KB, halved when eventually consistent; writes per
 * 1 KB of the larger of the old and new item). The table lands in {@code
 * target/consumed-capacity.md}; the cost model of {@code docs/setup.md} is built from it.
 */
@WithEmulators
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumedCapacityIT {

  private static final Instant NOW = Instant.parse("2026-11-26T21:30:00.123Z");

  private final Map<String, Double> measured = new LinkedHashMap<>();
  private final CapacityMeter meter = new CapacityMeter();
  private EmulatorEnvironment env;
  private DynamoDbClient dynamoDb;

  @BeforeAll
  void setUp(EmulatorEnvironment env) {
    this.env = env;
    this.dynamoDb = env.dynamoDb(meter);
  }

  static UserProfile realisticProfile(String userId) {
    Map<String, FieldValue> notifications = new LinkedHashMap<>();
    notifications.put("email", FieldValue.of(true));
    notifications.put("push", FieldValue.of(false));
    notifications.put("sms", FieldValue.of(false));
    notifications.put("marketing", FieldValue.of(false));
    return UserProfile.builder()
        .userId(userId)
        .email("ada.lovelace@example.com")
        .emailVerified(true)
        .displayName("Ada Lovelace")
        .givenName("Ada")
        .familyName("Lovelace")
        .avatarUrl("https://lh3.googleusercontent.com/a/ACg8ocKx0Yp3nQ7ZsVb2mW9tHq4rLd8eFj6uPk1oN5cS7iT2aB=s96-c")
        .locale("en-GB")
        .zoneinfo("Europe/London")
        .putPreference("theme", FieldValue.of("dark"))
        .putPreference("language", FieldValue.of("en-GB"))
        .putPreference("weeklyDigest", FieldValue.of(true))
        .putPreference("notifications", FieldValue.map(notifications))
        .subscription(Subscription.builder().plan("pro-monthly").status(SubscriptionStatus.ACTIVE)
            .currentPeriodEnd(Instant.parse("2026-12-26T00:00:00Z")).externalCustomerId("cus_Q8x2Lm4Nv7Rt1Z").build())
        .putCustomField("company", FieldValue.of("Analytical Engines Ltd"))
        .putCustomField("jobTitle", FieldValue.of("Principal Engineer"))
        .putCustomField("onboardingStep", FieldValue.of(4))
        .putCustomField("referralCode", FieldValue.of("ADA-2026-XK3"))
        .putCustomField("interests", FieldValue.list(FieldValue.of("mathematics"), FieldValue.of("poetry"), FieldValue.of("computing")))
        .addLinkedIdentity(LinkedIdentity.builder().provider(IdentityProvider.GOOGLE).providerUserId("104512345678901234567")
            .linkedAt(Instant.parse("2024-01-20T17:18:37.273Z")).build())
        .createdAt(Instant.parse("2024-01-20T17:18:37.273Z"))
        .source(ProfileSource.FALLBACK)
        .build();
  }

  private ProfileStore store(String table, boolean consistentReads) {
    return ProfileStore.builder().dynamoDb(dynamoDb).tableName(table).consistentReads(consistentReads).build();
  }

  private double measure(String operation, Runnable call) {
    meter.reset();
    call.run();
    double units = meter.total();
    measured.put(operation, units);
    return units;
  }

  @Test
  void profileOperationsCostOneWriteUnitAndAtMostOneReadUnit() {
    String table = env.createProfileTable(env.tableName() + "-capacity");
    ProfileStore store = store(table, true);
    ProfileStore eventual = store(table, false);
    String userId = UUID.randomUUID().toString();

    double create = measure("conditional create (UpdateItem; backfill, first write)", () -> store.createIfAbsent(realisticProfile(userId), NOW));
    double present = measure("conditional create of a present profile (refused)", () -> store.createIfAbsent(realisticProfile(userId), NOW));
    double strong = measure("GetItem, strongly consistent (getProfile, default)", () -> store.read(userId));
    double weak = measure("GetItem, eventually consistent (getProfile, consistentReads=false)", () -> eventual.read(userId));
    double update = measure("UpdateItem, patch with version condition (updateProfile)", () -> store.update(userId,
        ProfileUpdate.builder().displayName("Ada King").customField("onboardingStep", FieldValue.of(5)).expectedVersion(1L).build(),
        () -> realisticProfile(userId), NOW));
    double delete = measure("DeleteItem (deleteProfile)", () -> store.delete(userId));

    // The realistic profile is under 1 KB as DynamoDB counts it: 1 unit per write, 0.5 or 1 per read.
    assertThat(create).isEqualTo(1.0);
    assertThat(strong).isEqualTo(1.0);
    assertThat(weak).isEqualTo(0.5);
    assertThat(update).isEqualTo(1.0);
    assertThat(delete).isEqualTo(1.0);
    // dynalite reports nothing for a write refused by its condition; AWS charges it as a write.
    assertThat(present).isLessThanOrEqualTo(1.0);
  }

  @Test
  void profileWithALongBioCostsOneWriteUnitPerKilobyte() {
    String table = env.createProfileTable(env.tableName() + "-capacity-bio");
    ProfileStore store = store(table, true);
    String userId = UUID.randomUUID().toString();
    UserProfile withBio = realisticProfile(userId).toBuilder().putCustomField("bio", FieldValue.of("x".repeat(2000))).build();

    double create = measure("conditional create, profile with a 2,000-character bio", () -> store.createIfAbsent(withBio, NOW));
    double read = measure("GetItem, strongly consistent, profile with a 2,000-character bio", () -> store.read(userId));

    assertThat(create).isEqualTo(3.0);
    assertThat(read).isEqualTo(1.0);
  }

  @Test
  void scanPageOfOneHundredProfilesCostsHalfAUnitPerFourKilobytes() {
    String table = env.createProfileTable(env.tableName() + "-capacity-scan");
    ProfileStore store = store(table, false);
    for (int i = 0; i < 100; i++) {
      store.createIfAbsent(realisticProfile(UUID.randomUUID().toString()), NOW);
    }

    double units = measure("Scan, page of 100 profiles, eventually consistent (listProfiles)", () -> store.page(100, null));

    // 100 items of about 850 bytes: about 85 KB, read in 4 KB units, halved for eventual consistency.
    assertThat(units).isBetween(10.0, 12.0);
  }

  @AfterAll
  void writeTable() throws IOException {
    StringBuilder table = new StringBuilder("| operation | capacity units |\n|---|---|\n");
    measured.forEach((operation, units) -> table.append("| ").append(operation).append(" | ").append(units).append(" |\n"));
    Path out = Path.of("target", "consumed-capacity.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table, StandardCharsets.UTF_8);
    System.out.print(table);
  }

  /**
   * Asks every item and scan request for {@code ReturnConsumedCapacity=TOTAL} and adds up what the
   * responses report, so the service's own calls are measured without changing its code.
   */
  static final class CapacityMeter implements ExecutionInterceptor {
    private final List<Double> units = new ArrayList<>();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      SdkRequest request = context.request();
      ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
      if (request instanceof GetItemRequest r) {
        return r.toBuilder().returnConsumedCapacity(total).build();
      }
      if (request instanceof PutItemRequest r) {
        return r.toBuilder().returnConsumedCapacity(total).build();
      }
      if (request instanceof UpdateItemRequest r) {
        return r.toBuilder().returnConsumedCapacity(total).build();
      }
      if (request instanceof DeleteItemRequest r) {
        return r.toBuilder().returnConsumedCapacity(total).build();
      }
      if (request instanceof ScanRequest r) {
        return r.toBuilder().returnConsumedCapacity(total).build();
      }
      return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      SdkResponse response = context.response();
      ConsumedCapacity capacity = null;
      if (response instanceof GetItemResponse r) {
        capacity = r.consumedCapacity();
      } else if (response instanceof PutItemResponse r) {
        capacity = r.consumedCapacity();
      } else if (response instanceof UpdateItemResponse r) {
        capacity = r.consumedCapacity();
      } else if (response instanceof DeleteItemResponse r) {
        capacity = r.consumedCapacity();
      } else if (response instanceof ScanResponse r) {
        capacity = r.consumedCapacity();
      }
      if (capacity != null && capacity.capacityUnits() != null) {
        synchronized (units) {
          units.add(capacity.capacityUnits());
        }
      }
    }

    void reset() {
      synchronized (units) {
        units.clear();
      }
    }

    double total() {
      synchronized (units) {
        return units.stream().mapToDouble(Double::doubleValue).sum();
      }
    }
  }
}
