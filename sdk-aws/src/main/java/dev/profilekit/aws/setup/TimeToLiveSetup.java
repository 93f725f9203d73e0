package dev.profilekit.aws.setup;

import dev.profilekit.ProfileKitException;
import dev.profilekit.aws.dynamodb.internal.DynamoDbErrors;
import dev.profilekit.aws.dynamodb.internal.ProfileAttributes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Turns DynamoDB time to live on for {@value ProfileAttributes#EXPIRES_AT}, so that tombstones and
 * items holding only revoked sessions go by themselves. A table has at most one TTL attribute, and
 * AWS refuses ({@code ValidationException}) a second {@code UpdateTimeToLive} within the hour a
 * change takes: hence {@code DescribeTimeToLive} first, and a change only when TTL is off.
 */
final class TimeToLiveSetup {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  TimeToLiveSetup(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  /**
   * Enables TTL on {@value ProfileAttributes#EXPIRES_AT} unless it is on (or being turned on).
   *
   * @throws ProfileKitException if TTL is on for another attribute, or being turned off
   */
  void ensureEnabled() {
    TimeToLiveDescription current = describe();
    if (enabledOnOurs(current)) {
      return;
    }
    refuseOther(current);
    try {
      dynamoDb.updateTimeToLive(b -> b.tableName(tableName)
          .timeToLiveSpecification(spec -> spec.attributeName(ProfileAttributes.EXPIRES_AT).enabled(true)));
    } catch (DynamoDbException e) {
      // Another deployment may have turned it on in between: AWS then refuses the second change.
      if (e.statusCode() == 400 && enabledOnOurs(describe())) {
        return;
      }
      throw DynamoDbErrors.map("UpdateTimeToLive", tableName, e);
    } catch (SdkException e) {
      throw DynamoDbErrors.map("UpdateTimeToLive", tableName, e);
    }
  }

  private TimeToLiveDescription describe() {
    try {
      return dynamoDb.describeTimeToLive(b -> b.tableName(tableName)).timeToLiveDescription();
    } catch (SdkException e) {
      throw DynamoDbErrors.map("DescribeTimeToLive", tableName, e);
    }
  }

  private static boolean enabledOnOurs(TimeToLiveDescription ttl) {
    return ttl != null && ProfileAttributes.EXPIRES_AT.equals(ttl.attributeName())
        && (ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED || ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLING);
  }

  private void refuseOther(TimeToLiveDescription ttl) {
    if (ttl == null || ttl.timeToLiveStatus() == null || ttl.timeToLiveStatus() == TimeToLiveStatus.DISABLED) {
      return;
    }
    if (ttl.timeToLiveStatus() == TimeToLiveStatus.DISABLING) {
      throw new ProfileKitException("Time to live of table '" + tableName
          + "' is being turned off (AWS takes up to an hour); run the setup again afterwards");
    }
    throw new ProfileKitException("Time to live of table '" + tableName + "' is on for attribute '" + ttl.attributeName()
        + "'; ProfileKit needs it on '" + ProfileAttributes.EXPIRES_AT + "' (a table has one TTL attribute)");
  }
}
