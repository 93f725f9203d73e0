package dev.profilekit.aws.setup;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.aws.dynamodb.internal.DynamoDbErrors;
import dev.profilekit.internal.RequestChecks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the profile table if it is missing and checks it if it exists: partition key {@value
 * #PARTITION_KEY} (string, the Cognito {@code sub}), on-demand capacity, deletion protection,
 * point-in-time recovery, and time to live on {@code expiresAt} (tombstones and items holding only
 * revoked sessions). The SDK counterpart of the Terraform module in {@code docs/terraform/}.
 *
 * <pre>{@code
 * TableSetupResult table = ProfileTableSetup.builder()
 *     .dynamoDb(dynamoDbClient)
 *     .tableName("profiles")
 *     .build()
 *     .ensureTable();
 * }</pre>
 *
 * <p>An existing table is never altered except to turn point-in-time recovery and time to live
 * on; a table whose
 * key schema differs is refused with {@link ProfileTableMismatchException}. Permissions: {@code
 * dynamodb:DescribeTable}, {@code dynamodb:CreateTable}, {@code
 * dynamodb:UpdateContinuousBackups}, {@code dynamodb:DescribeTimeToLive} and {@code
 * dynamodb:UpdateTimeToLive} on the table (an operator's or deployment role, not the
 * service's).
 */
public final class ProfileTableSetup {

  /** The partition key of the profile table. */
  public static final String PARTITION_KEY = "userId";
  /** The key schema ProfileKit needs, as {@link ProfileTableMismatchException} reports it. */
  public static final String EXPECTED_KEY_SCHEMA = PARTITION_KEY + " (HASH, S)";

  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
  private static final Duration FIRST_POLL = Duration.ofMillis(20);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

  private final DynamoDbClient dynamoDb;
  private final String tableName;
  private final boolean pointInTimeRecovery;
  private final boolean deletionProtection;
  private final boolean timeToLive;
  private final Duration waitTimeout;

  private ProfileTableSetup(Builder builder) {
    this.dynamoDb = builder.dynamoDb;
    this.tableName = builder.tableName;
    this.pointInTimeRecovery = builder.pointInTimeRecovery;
    this.deletionProtection = builder.deletionProtection;
    this.timeToLive = builder.timeToLive;
    this.waitTimeout = builder.waitTimeout;
  }

  /**
   * Returns a new builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates the table if it is missing, waits until it is active, checks its key schema and turns
   * point-in-time recovery and time to live on. Safe to call on every deployment.
   *
   * @return what was found or done
   * @throws ProfileTableMismatchException if an existing table has another key schema
   * @throws ServiceUnavailableException if the table is not active within the wait timeout
   * @throws ProfileKitException if DynamoDB refuses a call (for example, access denied)
   */
  public TableSetupResult ensureTable() {
    long deadline = System.nanoTime() + waitTimeout.toNanos();
    Optional<TableDescription> existing = describe();
    boolean created = false;
    if (existing.isEmpty()) {
      created = create();
    } else {
      checkKeySchema(existing.get());
    }
    TableDescription table = waitUntilActive(deadline);
    checkKeySchema(table);
    if (pointInTimeRecovery) {
      enablePointInTimeRecovery(deadline);
    }
    if (timeToLive) {
      new TimeToLiveSetup(dynamoDb, tableName).ensureEnabled();
    }
    return TableSetupResult.builder()
        .tableName(tableName)
        .tableArn(table.tableArn())
        .created(created)
        .onDemand(table.billingModeSummary() != null && table.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST)
        .deletionProtectionEnabled(Boolean.TRUE.equals(table.deletionProtectionEnabled()))
        .pointInTimeRecoveryEnabled(pointInTimeRecovery)
        .timeToLiveEnabled(timeToLive)
        .build();
  }

  /**
   * Checks that the table exists and has the key schema ProfileKit needs, changing nothing.
   *
   * @throws ProfileTableMismatchException if its key schema differs
   * @throws ProfileKitException if the table does not exist or DynamoDB refuses the call
   */
  public void validate() {
    TableDescription table = describe()
        .orElseThrow(() -> new ProfileKitException("Table '" + tableName + "' does not exist; create it with ensureTable() or docs/terraform"));
    checkKeySchema(table);
  }

  private Optional<TableDescription> describe() {
    try {
      return Optional.of(dynamoDb.describeTable(describe -> describe.tableName(tableName)).table());
    } catch (ResourceNotFoundException missing) {
      return Optional.empty();
    } catch (SdkException e) {
      throw DynamoDbErrors.map("DescribeTable", tableName, e);
    }
  }

  private boolean create() {
    try {
      dynamoDb.createTable(create -> create
          .tableName(tableName)
          .attributeDefinitions(AttributeDefinition.builder().attributeName(PARTITION_KEY).attributeType(ScalarAttributeType.S).build())
          .keySchema(KeySchemaElement.builder().attributeName(PARTITION_KEY).keyType(KeyType.HASH).build())
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .deletionProtectionEnabled(deletionProtection));
      return true;
    } catch (ResourceInUseException raced) {
      // Another deployment created it between our DescribeTable and CreateTable: validate theirs.
      return false;
    } catch (SdkException e) {
      throw DynamoDbErrors.map("CreateTable", tableName, e);
    }
  }

  private TableDescription waitUntilActive(long deadline) {
    Duration pause = FIRST_POLL;
    while (true) {
      Optional<TableDescription> table = describe();
      if (table.isPresent() && table.get().tableStatus() == TableStatus.ACTIVE) {
        return table.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new ServiceUnavailableException("Table '" + tableName + "' did not become ACTIVE within " + waitTimeout, null);
      }
      pause = sleep(pause);
    }
  }

  private void enablePointInTimeRecovery(long deadline) {
    Duration pause = FIRST_POLL;
    while (true) {
      try {
        dynamoDb.updateContinuousBackups(update -> update
            .tableName(tableName)
            .pointInTimeRecoverySpecification(spec -> spec.pointInTimeRecoveryEnabled(true)));
        return;
      } catch (ContinuousBackupsUnavailableException notYet) {
        // A freshly created table refuses backups for a while; AWS documents retrying later.
        if (System.nanoTime() - deadline > 0) {
          throw new ServiceUnavailableException("Point-in-time recovery could not be enabled on '" + tableName + "' within " + waitTimeout, notYet);
        }
        pause = sleep(pause);
      } catch (SdkException e) {
        throw DynamoDbErrors.map("UpdateContinuousBackups", tableName, e);
      }
    }
  }

  private void checkKeySchema(TableDescription table) {
    Map<String, ScalarAttributeType> types = table.attributeDefinitions().stream()
        .collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeType, (a, b) -> a));
    List<String> actual = new ArrayList<>();
    for (KeySchemaElement element : table.keySchema()) {
      actual.add(element.attributeName() + " (" + element.keyTypeAsString() + ", "
          + Optional.ofNullable(types.get(element.attributeName())).map(Object::toString).orElse("?") + ")");
    }
    String schema = String.join(", ", actual);
    if (!schema.equals(EXPECTED_KEY_SCHEMA)) {
      throw new ProfileTableMismatchException(tableName, EXPECTED_KEY_SCHEMA, schema);
    }
  }

  private static Duration sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProfileKitException("Interrupted while waiting for the profile table");
    }
    Duration next = pause.multipliedBy(2);
    return next.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : next;
  }

  /** Builds a {@link ProfileTableSetup}; the client and the table name are required. */
  public static final class Builder {
    private DynamoDbClient dynamoDb;
    private String tableName;
    private boolean pointInTimeRecovery = true;
    private boolean deletionProtection = true;
    private boolean timeToLive = true;
    private Duration waitTimeout = Duration.ofMinutes(5);

    private Builder() {}

    /**
     * Sets the DynamoDB client.
     *
     * @param dynamoDb the client
     * @return this builder
     */
    public Builder dynamoDb(DynamoDbClient dynamoDb) {
      this.dynamoDb = dynamoDb;
      return this;
    }

    /**
     * Sets the table name.
     *
     * @param tableName 3 to 255 of {@code A-Z a-z 0-9 _ . -}
     * @return this builder
     */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /**
     * Sets whether to turn point-in-time recovery on (35 days of restorable history); default true.
     *
     * @param enabled true to enable
     * @return this builder
     */
    public Builder pointInTimeRecovery(boolean enabled) {
      this.pointInTimeRecovery = enabled;
      return this;
    }

    /**
     * Sets whether a table created here has deletion protection; default true. An existing
     * table's setting is left as it is.
     *
     * @param enabled true to protect
     * @return this builder
     */
    public Builder deletionProtection(boolean enabled) {
      this.deletionProtection = enabled;
      return this;
    }

    /**
     * Sets whether to turn DynamoDB time to live on for {@code expiresAt}; default true. It removes
     * expired tombstones and items that hold only revoked sessions (lazily: AWS says typically
     * within two days; ProfileKit never relies on it). A table whose TTL is on for another
     * attribute is refused with a {@link ProfileKitException} naming both.
     *
     * @param enabled true to enable
     * @return this builder
     */
    public Builder timeToLive(boolean enabled) {
      this.timeToLive = enabled;
      return this;
    }

    /**
     * Sets how long to wait for the table to become active and accept point-in-time recovery;
     * default 5 minutes.
     *
     * @param waitTimeout a positive duration
     * @return this builder
     */
    public Builder waitTimeout(Duration waitTimeout) {
      this.waitTimeout = waitTimeout;
      return this;
    }

    /**
     * Builds the setup after checking every setting.
     *
     * @return the setup
     * @throws InvalidRequestException naming the first missing or invalid setting
     */
    public ProfileTableSetup build() {
      if (dynamoDb == null) {
        throw new InvalidRequestException("dynamoDb", RequestChecks.REQUIRED, "dynamoDb must be set");
      }
      if (tableName == null) {
        throw new InvalidRequestException("tableName", RequestChecks.REQUIRED, "tableName must be set");
      }
      if (!TABLE_NAME.matcher(tableName).matches()) {
        throw new InvalidRequestException("tableName", RequestChecks.PATTERN, "3 to 255 of A-Z a-z 0-9 _ . -");
      }
      if (waitTimeout == null || waitTimeout.isNegative() || waitTimeout.isZero()) {
        throw new InvalidRequestException("waitTimeout", RequestChecks.POSITIVE, "a positive duration");
      }
      return new ProfileTableSetup(this);
    }
  }
}
