package dev.profilekit.aws.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.aws.backfill.BackfillSummary;
import dev.profilekit.aws.backfill.ProfileBackfill;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Table setup on dynalite. dynalite has no {@code UpdateContinuousBackups}: the point-in-time
 * recovery call is covered by {@link ContinuousBackupsStandIn}, and {@link
 * #dynaliteLacksUpdateContinuousBackups} keeps that gap visible (docs/emulators.md). Nor has it
 * {@code UpdateTimeToLive} (and its {@code DescribeTimeToLive} always says DISABLED): {@link
 * TimeToLiveStandIn} answers both as AWS does, and {@link #dynaliteLacksUpdateTimeToLive} keeps
 * that gap visible.
 */
@WithEmulators
class ProfileTableSetupIT {

  private static final AtomicInteger TABLES = new AtomicInteger();

  private static String newName() {
    return "setup-it-" + TABLES.incrementAndGet();
  }

  @Test
  void createsAMissingTableThatTheBackfillThenUses(EmulatorEnvironment env) {
    ContinuousBackupsStandIn backups = new ContinuousBackupsStandIn(0);
    DynamoDbClient dynamoDb = env.dynamoDb(backups, new TimeToLiveStandIn());
    String table = newName();

    TableSetupResult result = ProfileTableSetup.builder().dynamoDb(dynamoDb).tableName(table).build().ensureTable();

    assertThat(result.created()).isTrue();
    assertThat(result.onDemand()).isTrue();
    // dynalite drops DeletionProtectionEnabled (docs/emulators.md), so the request is checked instead.
    assertThat(backups.allRequests()).filteredOn(CreateTableRequest.class::isInstance).singleElement()
        .satisfies(request -> assertThat(((CreateTableRequest) request).deletionProtectionEnabled()).isTrue());
    assertThat(result.pointInTimeRecoveryEnabled()).isTrue();
    assertThat(result.tableArn()).endsWith(":table/" + table);
    TableDescription description = dynamoDb.describeTable(b -> b.tableName(table)).table();
    assertThat(description.keySchema()).singleElement().satisfies(key -> {
      assertThat(key.attributeName()).isEqualTo("userId");
      assertThat(key.keyType()).isEqualTo(KeyType.HASH);
    });
    assertThat(description.attributeDefinitions()).singleElement()
        .satisfies(definition -> assertThat(definition.attributeType()).isEqualTo(ScalarAttributeType.S));
    assertThat(description.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    assertThat(backups.requests()).singleElement().satisfies(request -> {
      assertThat(request.tableName()).isEqualTo(table);
      assertThat(request.pointInTimeRecoverySpecification().pointInTimeRecoveryEnabled()).isTrue();
    });

    String sub = env.createConfirmedUser("setup-user@example.com", "Passw0rd!long", Map.of("given_name", "Ada"));
    BackfillSummary summary = ProfileBackfill.builder()
        .cognito(env.cognito()).userPoolId(env.userPoolId()).dynamoDb(dynamoDb).tableName(table)
        .requestsPerSecond(1000).build().run();
    assertThat(summary.created()).isEqualTo(1);
    Map<String, AttributeValue> item =
        dynamoDb.getItem(b -> b.tableName(table).key(Map.of("userId", AttributeValue.fromS(sub)))).item();
    assertThat(item).containsEntry("givenName", AttributeValue.fromS("Ada"));
  }

  @Test
  void existingTableWithTheRightSchemaIsAcceptedAndLeftAsItIs(EmulatorEnvironment env) {
    ContinuousBackupsStandIn backups = new ContinuousBackupsStandIn(0);
    DynamoDbClient dynamoDb = env.dynamoDb(backups, new TimeToLiveStandIn());
    dynamoDb.putItem(b -> b.tableName(env.tableName()).item(Map.of("userId", AttributeValue.fromS("kept"))));

    TableSetupResult result = ProfileTableSetup.builder().dynamoDb(dynamoDb).tableName(env.tableName()).build().ensureTable();

    assertThat(result.created()).isFalse();
    assertThat(dynamoDb.getItem(b -> b.tableName(env.tableName()).key(Map.of("userId", AttributeValue.fromS("kept")))).hasItem()).isTrue();
    assertThat(backups.requests()).hasSize(1);
  }

  @Test
  void tableWithAnotherKeySchemaIsRefusedWithAClearError(EmulatorEnvironment env) {
    String table = newName();
    env.dynamoDb().createTable(b -> b.tableName(table)
        .attributeDefinitions(attribute("id", ScalarAttributeType.N))
        .keySchema(key("id", KeyType.HASH))
        .billingMode(BillingMode.PAY_PER_REQUEST));
    ProfileTableSetup setup = ProfileTableSetup.builder().dynamoDb(env.dynamoDb(new ContinuousBackupsStandIn(0), new TimeToLiveStandIn())).tableName(table).build();

    assertThatThrownBy(setup::ensureTable)
        .isInstanceOfSatisfying(ProfileTableMismatchException.class, e -> {
          assertThat(e.tableName()).isEqualTo(table);
          assertThat(e.actual()).isEqualTo("id (HASH, N)");
          assertThat(e.expected()).isEqualTo("userId (HASH, S)");
        })
        .hasMessageContaining("needs [userId (HASH, S)]");
    assertThatThrownBy(setup::validate).isInstanceOf(ProfileTableMismatchException.class);
  }

  @Test
  void tableWithASortKeyIsRefused(EmulatorEnvironment env) {
    String table = newName();
    env.dynamoDb().createTable(b -> b.tableName(table)
        .attributeDefinitions(attribute("userId", ScalarAttributeType.S), attribute("kind", ScalarAttributeType.S))
        .keySchema(key("userId", KeyType.HASH), key("kind", KeyType.RANGE))
        .billingMode(BillingMode.PAY_PER_REQUEST));

    assertThatThrownBy(() -> ProfileTableSetup.builder().dynamoDb(env.dynamoDb()).tableName(table).build().validate())
        .isInstanceOfSatisfying(ProfileTableMismatchException.class,
            e -> assertThat(e.actual()).isEqualTo("userId (HASH, S), kind (RANGE, S)"));
  }

  @Test
  void pointInTimeRecoveryIsRetriedWhileANewTableRefusesBackups(EmulatorEnvironment env) {
    ContinuousBackupsStandIn backups = new ContinuousBackupsStandIn(2);

    TableSetupResult result = ProfileTableSetup.builder().dynamoDb(env.dynamoDb(backups, new TimeToLiveStandIn())).tableName(newName()).build().ensureTable();

    assertThat(result.pointInTimeRecoveryEnabled()).isTrue();
    assertThat(backups.requests()).hasSize(3);
  }

  @Test
  void pointInTimeRecoveryCanBeLeftOff(EmulatorEnvironment env) {
    ContinuousBackupsStandIn backups = new ContinuousBackupsStandIn(0);

    TableSetupResult result = ProfileTableSetup.builder().dynamoDb(env.dynamoDb(backups, new TimeToLiveStandIn())).tableName(newName())
        .pointInTimeRecovery(false).deletionProtection(false).build().ensureTable();

    assertThat(result.pointInTimeRecoveryEnabled()).isFalse();
    assertThat(backups.allRequests()).filteredOn(CreateTableRequest.class::isInstance).singleElement()
        .satisfies(request -> assertThat(((CreateTableRequest) request).deletionProtectionEnabled()).isFalse());
    assertThat(backups.requests()).isEmpty();
  }

  @Test
  void timeToLiveIsTurnedOnForExpiresAtOnceAndLeftAloneOnTheNextRun(EmulatorEnvironment env) {
    TimeToLiveStandIn ttl = new TimeToLiveStandIn();
    ProfileTableSetup setup = ProfileTableSetup.builder()
        .dynamoDb(env.dynamoDb(new ContinuousBackupsStandIn(0), ttl)).tableName(newName()).build();

    assertThat(setup.ensureTable().timeToLiveEnabled()).isTrue();
    // A second deployment within AWS's hour of ENABLING must not send a refused second change.
    assertThat(setup.ensureTable().timeToLiveEnabled()).isTrue();

    assertThat(ttl.updates()).singleElement().satisfies(update -> {
      assertThat(update.timeToLiveSpecification().attributeName()).isEqualTo("expiresAt");
      assertThat(update.timeToLiveSpecification().enabled()).isTrue();
    });
  }

  @Test
  void aTableWhoseTimeToLiveIsOnForAnotherAttributeIsRefusedAndLeftAsItIs(EmulatorEnvironment env) {
    String table = newName();
    TimeToLiveStandIn ttl = new TimeToLiveStandIn().enabledOn(table, "ttl");
    ProfileTableSetup setup = ProfileTableSetup.builder()
        .dynamoDb(env.dynamoDb(new ContinuousBackupsStandIn(0), ttl)).tableName(table).build();

    assertThatThrownBy(setup::ensureTable).isInstanceOf(ProfileKitException.class)
        .hasMessageContaining("'ttl'").hasMessageContaining("'expiresAt'");
    assertThat(ttl.updates()).isEmpty();
  }

  @Test
  void timeToLiveCanBeLeftOff(EmulatorEnvironment env) {
    TimeToLiveStandIn ttl = new TimeToLiveStandIn();
    TableSetupResult result = ProfileTableSetup.builder().dynamoDb(env.dynamoDb(new ContinuousBackupsStandIn(0), ttl))
        .tableName(newName()).timeToLive(false).build().ensureTable();

    assertThat(result.timeToLiveEnabled()).isFalse();
    assertThat(ttl.updates()).isEmpty();
  }

  @Test
  void dynaliteLacksUpdateTimeToLive(EmulatorEnvironment env) {
    assertThatThrownBy(() -> env.dynamoDb().updateTimeToLive(b -> b.tableName(env.tableName())
            .timeToLiveSpecification(spec -> spec.attributeName("expiresAt").enabled(true))))
        .isInstanceOf(DynamoDbException.class);
  }

  @Test
  void dynaliteLacksUpdateContinuousBackups(EmulatorEnvironment env) {
    assertThatThrownBy(() -> env.dynamoDb().updateContinuousBackups(b -> b.tableName(env.tableName())
            .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))))
        .isInstanceOfSatisfying(DynamoDbException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException"));
  }

  @Test
  void missingTableFailsValidation(EmulatorEnvironment env) {
    assertThatThrownBy(() -> ProfileTableSetup.builder().dynamoDb(env.dynamoDb()).tableName(newName()).build().validate())
        .hasMessageContaining("does not exist");
  }

  @Test
  void builderNamesTheMissingOrInvalidSetting(EmulatorEnvironment env) {
    assertThatThrownBy(() -> ProfileTableSetup.builder().tableName("profiles").build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("dynamoDb"));
    assertThatThrownBy(() -> ProfileTableSetup.builder().dynamoDb(env.dynamoDb()).build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("tableName"));
    assertThatThrownBy(() -> ProfileTableSetup.builder().dynamoDb(env.dynamoDb()).tableName("a b").build())
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.rule()).isEqualTo("pattern"));
  }

  // Built values, not Consumer lambdas: the SDK's Consumer... varargs overloads make javac warn of unchecked generic arrays.
  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
