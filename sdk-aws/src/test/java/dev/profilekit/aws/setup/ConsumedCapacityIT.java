package dev.profilekit.aws.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.aws.emulators.EmulatorEnvironment;
import dev.profilekit.aws.emulators.WithEmulators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Measures the capacity units of every DynamoDB operation the service and the backfill use, on a
 * realistic profile (about 850 bytes: names, email, avatar URL, locale, preferences, a subscription,
 * custom fields, one linked identity), with {@code ReturnConsumedCapacity=TOTAL}. dynalite
 * computes units from item sizes by DynamoDB's published rules (reads per 4 KB, halved when
 * eventually consistent; writes per 1 KB, the larger of old and new item). The table lands in
 * {@code target/consumed-capacity.md}; {@code docs/setup.md}'s cost model is built from it.
 */
@WithEmulators
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumedCapacityIT {

  private final Map<String, Double> measured = new LinkedHashMap<>();
  private DynamoDbClient dynamoDb;
  private String table;

  @BeforeAll
  void setUp(EmulatorEnvironment env) {
    dynamoDb = env.dynamoDb();
    table = env.createProfileTable(env.tableName() + "-capacity");
  }

  static Map<String, AttributeValue> realisticProfile(String userId) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("userId", s(userId));
    item.put("email", s("ada.lovelace@example.com"));
    item.put("emailVerified", AttributeValue.fromBool(true));
    item.put("displayName", s("Ada Lovelace"));
    item.put("givenName", s("Ada"));
    item.put("familyName", s("Lovelace"));
    item.put("avatarUrl", s("https://lh3.googleusercontent.com/a/ACg8ocKx0Yp3nQ7ZsVb2mW9tHq4rLd8eFj6uPk1oN5cS7iT2aB=s96-c"));
    item.put("locale", s("en-GB"));
    item.put("zoneinfo", s("Europe/London"));
    item.put("preferences", AttributeValue.fromM(Map.of(
        "theme", s("dark"),
        "language", s("en-GB"),
        "weeklyDigest", AttributeValue.fromBool(true),
        "notifications", AttributeValue.fromM(Map.of(
            "email", AttributeValue.fromBool(true),
            "push", AttributeValue.fromBool(false),
            "sms", AttributeValue.fromBool(false),
            "marketing", AttributeValue.fromBool(false))))));
    item.put("subscription", AttributeValue.fromM(Map.of(
        "plan", s("pro-monthly"),
        "status", s("ACTIVE"),
        "currentPeriodEnd", s("2026-12-26T00:00:00Z"),
        "externalCustomerId", s("cus_Q8x2Lm4Nv7Rt1Z"))));
    item.put("customFields", AttributeValue.fromM(Map.of(
        "company", s("Analytical Engines Ltd"),
        "jobTitle", s("Principal Engineer"),
        "onboardingStep", AttributeValue.fromN("4"),
        "referralCode", s("ADA-2026-XK3"),
        "interests", AttributeValue.fromL(List.of(s("mathematics"), s("poetry"), s("computing"))))));
    item.put("linkedIdentities", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
        "provider", s("Google"),
        "providerUserId", s("104512345678901234567"),
        "linkedAt", s("2024-01-20T17:18:37.273Z"))))));
    item.put("version", AttributeValue.fromN("3"));
    item.put("createdAt", s("2024-01-20T17:18:37.273Z"));
    item.put("updatedAt", s("2026-11-26T21:30:00.123Z"));
    return item;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static Map<String, AttributeValue> key(String userId) {
    return Map.of("userId", s(userId));
  }

  private void record(String operation, Double units) {
    measured.put(operation, units);
  }

  @Test
  void itemOperationsCostWhatTheCostModelAssumes() {
    String userId = UUID.randomUUID().toString();

    record("PutItem, conditional create (attribute_not_exists)", dynamoDb.putItem(b -> b.tableName(table).item(realisticProfile(userId))
        .conditionExpression("attribute_not_exists(userId)").returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity().capacityUnits());
    record("GetItem, eventually consistent", dynamoDb.getItem(b -> b.tableName(table).key(key(userId))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits());
    record("GetItem, strongly consistent", dynamoDb.getItem(b -> b.tableName(table).key(key(userId)).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits());
    record("UpdateItem, patch 2 fields with version condition", dynamoDb.updateItem(b -> b.tableName(table).key(key(userId))
        .updateExpression("SET #d = :d, #v = #v + :one, #u = :u")
        .conditionExpression("#v = :expected")
        .expressionAttributeNames(Map.of("#d", "displayName", "#v", "version", "#u", "updatedAt"))
        .expressionAttributeValues(Map.of(":d", s("Ada King"), ":one", AttributeValue.fromN("1"), ":expected", AttributeValue.fromN("3"),
            ":u", s("2026-11-26T21:31:00.000Z")))
        .returnValues("ALL_NEW")
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits());
    record("DeleteItem", dynamoDb.deleteItem(b -> b.tableName(table).key(key(userId))
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits());

    // The realistic profile is under 1 KB: every write is 1 unit, every read half or one.
    assertThat(measured.get("PutItem, conditional create (attribute_not_exists)")).isEqualTo(1.0);
    assertThat(measured.get("GetItem, eventually consistent")).isEqualTo(0.5);
    assertThat(measured.get("GetItem, strongly consistent")).isEqualTo(1.0);
    assertThat(measured.get("UpdateItem, patch 2 fields with version condition")).isEqualTo(1.0);
    assertThat(measured.get("DeleteItem")).isEqualTo(1.0);
  }

  @Test
  void profileWithALongBioCostsOneWriteUnitPerKilobyte() {
    String userId = UUID.randomUUID().toString();
    Map<String, AttributeValue> item = realisticProfile(userId);
    Map<String, AttributeValue> custom = new HashMap<>(item.get("customFields").m());
    custom.put("bio", s("x".repeat(2000)));
    item.put("customFields", AttributeValue.fromM(custom));

    double put = dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(userId)")
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
    double read = dynamoDb.getItem(b -> b.tableName(table).key(key(userId)).consistentRead(true)
        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();
    record("PutItem, conditional create, profile with a 2,000-character bio", put);
    record("GetItem, strongly consistent, profile with a 2,000-character bio", read);

    assertThat(put).isEqualTo(3.0);
    assertThat(read).isEqualTo(1.0);
  }

  @Test
  void scanPageOfOneHundredProfilesCostsHalfAUnitPerFourKilobytes() {
    String scanTable = table + "-scan";
    dynamoDb.createTable(b -> b.tableName(scanTable)
        .attributeDefinitions(d -> d.attributeName("userId").attributeType("S"))
        .keySchema(k -> k.attributeName("userId").keyType("HASH"))
        .billingMode("PAY_PER_REQUEST"));
    for (int i = 0; i < 100; i++) {
      dynamoDb.putItem(b -> b.tableName(scanTable).item(realisticProfile(UUID.randomUUID().toString())));
    }

    double units = dynamoDb.scan(b -> b.tableName(scanTable).limit(100).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
        .consumedCapacity().capacityUnits();
    record("Scan, page of 100 profiles, eventually consistent", units);

    // 100 items of about 850 bytes: about 84 KB, read in 4 KB units, halved for eventual consistency.
    assertThat(units).isBetween(10.0, 11.0);
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
}
