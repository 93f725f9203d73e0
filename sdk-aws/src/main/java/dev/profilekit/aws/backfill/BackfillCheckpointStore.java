package dev.profilekit.aws.backfill;

import dev.profilekit.aws.backfill.internal.FileCheckpointStore;
import dev.profilekit.aws.backfill.internal.TableCheckpointStore;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Keeps backfill checkpoints: in the profile table itself, under a reserved key, or in a file the
 * operator names.
 *
 * <p>In the table, a job's checkpoint is the item whose {@code userId} is {@value
 * #TABLE_KEY_PREFIX} followed by the job name. Cognito {@code sub}s never start with {@code #}, so
 * it cannot collide with a profile; code that scans the table skips every {@code userId} that
 * starts with {@value #RESERVED_PREFIX}.
 */
public interface BackfillCheckpointStore {

  /** Every {@code userId} starting with this is ProfileKit's own record, not a profile. */
  String RESERVED_PREFIX = "#";

  /** The {@code userId} prefix of checkpoint items in the profile table. */
  String TABLE_KEY_PREFIX = "#backfill-checkpoint#";

  /**
   * Loads a job's checkpoint.
   *
   * @param jobName the job's name
   * @return the checkpoint, or empty when the job has none
   */
  Optional<BackfillCheckpoint> load(String jobName);

  /**
   * Saves a job's checkpoint, replacing the previous one.
   *
   * @param checkpoint the checkpoint
   */
  void save(BackfillCheckpoint checkpoint);

  /**
   * Returns a store that keeps checkpoints in the profile table under the reserved key {@value
   * #TABLE_KEY_PREFIX}{@code <jobName>}. Needs {@code dynamodb:GetItem} and {@code
   * dynamodb:PutItem} on the table.
   *
   * @param dynamoDb the DynamoDB client
   * @param tableName the profile table
   * @return the store
   */
  static BackfillCheckpointStore inTable(DynamoDbClient dynamoDb, String tableName) {
    return new TableCheckpointStore(Objects.requireNonNull(dynamoDb, "dynamoDb"), Objects.requireNonNull(tableName, "tableName"));
  }

  /**
   * Returns a store that keeps one job's checkpoint in a JSON file, replaced atomically on every
   * save. Loading a file that holds another job's checkpoint fails.
   *
   * @param file the file; its folder must exist
   * @return the store
   */
  static BackfillCheckpointStore inFile(Path file) {
    return new FileCheckpointStore(Objects.requireNonNull(file, "file"));
  }
}
