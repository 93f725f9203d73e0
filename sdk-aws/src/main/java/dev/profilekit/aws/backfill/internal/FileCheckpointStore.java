package dev.profilekit.aws.backfill.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.aws.backfill.BackfillCheckpoint;
import dev.profilekit.aws.backfill.BackfillCheckpointStore;
import dev.profilekit.aws.backfill.BackfillFailure;
import dev.profilekit.internal.RequestChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps one job's checkpoint in a JSON file. Each save writes a temporary file beside it and moves
 * it into place, so a crash mid-save leaves the previous checkpoint intact.
 */
public final class FileCheckpointStore implements BackfillCheckpointStore {

  private final Path file;

  /**
   * Creates the store.
   *
   * @param file the checkpoint file
   */
  public FileCheckpointStore(Path file) {
    this.file = file.toAbsolutePath();
  }

  @Override
  public Optional<BackfillCheckpoint> load(String jobName) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new ProfileKitException("Cannot read the backfill checkpoint file " + file, e);
    }
    BackfillCheckpoint checkpoint;
    try {
      Map<String, Object> json = JSONObjectUtils.parse(text);
      checkpoint = fromJson(json);
    } catch (ParseException | RuntimeException e) {
      throw new InvalidRequestException("checkpointFile", RequestChecks.FORMAT, "the file " + file + " is not a ProfileKit backfill checkpoint");
    }
    if (!checkpoint.jobName().equals(jobName)) {
      throw new InvalidRequestException("checkpointFile", RequestChecks.JOB_NAME,
          "the file " + file + " holds the checkpoint of job '" + checkpoint.jobName() + "', not '" + jobName + "'");
    }
    return Optional.of(checkpoint);
  }

  @Override
  public void save(BackfillCheckpoint checkpoint) {
    String text = JSONObjectUtils.toJSONString(toJson(checkpoint));
    try {
      Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      try {
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
          Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new ProfileKitException("Cannot write the backfill checkpoint file " + file, e);
    }
  }

  private static Map<String, Object> toJson(BackfillCheckpoint checkpoint) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("recordType", TableCheckpointStore.RECORD_TYPE);
    json.put("jobName", checkpoint.jobName());
    json.put("userPoolId", checkpoint.userPoolId());
    checkpoint.nextPaginationToken().ifPresent(token -> json.put("nextPaginationToken", token));
    json.put("pages", checkpoint.pages());
    json.put("seen", checkpoint.seen());
    json.put("created", checkpoint.created());
    json.put("alreadyPresent", checkpoint.alreadyPresent());
    json.put("skipped", checkpoint.skipped());
    json.put("failed", checkpoint.failed());
    json.put("completed", checkpoint.completed());
    json.put("startedAt", checkpoint.startedAt().toString());
    json.put("updatedAt", checkpoint.updatedAt().toString());
    List<Object> failures = new ArrayList<>();
    for (BackfillFailure failure : checkpoint.failures()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("userId", failure.userId());
      entry.put("reason", failure.reason());
      failures.add(entry);
    }
    json.put("failures", failures);
    return json;
  }

  private static BackfillCheckpoint fromJson(Map<String, Object> json) throws ParseException {
    if (!TableCheckpointStore.RECORD_TYPE.equals(json.get("recordType"))) {
      throw new ParseException("not a checkpoint", 0);
    }
    BackfillCheckpoint.Builder checkpoint = BackfillCheckpoint.builder()
        .jobName(JSONObjectUtils.getString(json, "jobName"))
        .userPoolId(JSONObjectUtils.getString(json, "userPoolId"))
        .pages(JSONObjectUtils.getLong(json, "pages"))
        .seen(JSONObjectUtils.getLong(json, "seen"))
        .created(JSONObjectUtils.getLong(json, "created"))
        .alreadyPresent(JSONObjectUtils.getLong(json, "alreadyPresent"))
        .skipped(JSONObjectUtils.getLong(json, "skipped"))
        .failed(JSONObjectUtils.getLong(json, "failed"))
        .completed(JSONObjectUtils.getBoolean(json, "completed"))
        .startedAt(Instant.parse(JSONObjectUtils.getString(json, "startedAt")))
        .updatedAt(Instant.parse(JSONObjectUtils.getString(json, "updatedAt")));
    Optional.ofNullable(JSONObjectUtils.getString(json, "nextPaginationToken")).ifPresent(checkpoint::nextPaginationToken);
    Map<String, Object>[] failures = JSONObjectUtils.getJSONObjectArray(json, "failures");
    if (failures != null) {
      for (Map<String, Object> failure : failures) {
        checkpoint.addFailure(BackfillFailure.of(JSONObjectUtils.getString(failure, "userId"), JSONObjectUtils.getString(failure, "reason")));
      }
    }
    return checkpoint.build();
  }
}
