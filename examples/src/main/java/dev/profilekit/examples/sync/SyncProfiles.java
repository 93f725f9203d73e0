package dev.profilekit.examples.sync;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfileKitException;
import dev.profilekit.aws.backfill.BackfillCheckpointStore;
import dev.profilekit.aws.backfill.BackfillFailure;
import dev.profilekit.aws.backfill.BackfillFilter;
import dev.profilekit.aws.backfill.BackfillSummary;
import dev.profilekit.aws.backfill.ProfileBackfill;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@code sync-profiles} command: copies every user of the Cognito user pool into the profile
 * table without overwriting a profile that exists, resumable, with a progress line and a summary.
 * A thin command line over {@link ProfileBackfill}; run it with {@code --help}.
 *
 * <p>Exit codes: {@value #OK} when every user was created, already present or skipped; {@value
 * #SOME_FAILED} when some users could not be copied (listed in the summary); {@value #STOPPED}
 * for bad arguments or configuration, or a job that stopped (throttling, AWS unavailable, access
 * denied), which {@code --resume} continues.
 */
public final class SyncProfiles {

  /** Every user seen was created, already present or skipped. */
  public static final int OK = 0;
  /** Some users could not be copied. */
  public static final int SOME_FAILED = 1;
  /** Bad arguments or configuration, or the job stopped before the end. */
  public static final int STOPPED = 2;

  static final String USAGE = String.join("\n",
      "Usage: sync-profiles [options]",
      "",
      "Copies every user of the Cognito user pool into the ProfileKit profile table. Existing",
      "profiles are never overwritten; a run can be stopped and resumed; rerunning is harmless.",
      "",
      "Options:",
      "  --dry-run              list users and check which profiles exist; write nothing (the",
      "                         counts say \"would create\")",
      "  --resume               continue the job from its checkpoint (from the start if none)",
      "  --filter F             which users to copy: all (default), enabled, confirmed,",
      "                         or status=CONFIRMED,EXTERNAL_PROVIDER,...",
      "  --rate N               ListUsers calls per second, 60 users each (default 5;",
      "                         Cognito's default quota is 30, shared with the service)",
      "  --concurrency N        concurrent profile writes (default 8, at most 64)",
      "  --job NAME             job name, which keys the checkpoint (default \"default\")",
      "  --segment I/N          copy only segment I (0 to N-1) of N, N at most 16: users whose",
      "                         sub starts with a hex digit d, d mod N == I; run N processes",
      "                         with the same --job, one per segment (checkpoints in the table)",
      "  --checkpoint-file F    keep the checkpoint in file F instead of the table",
      "  --quiet                print only the summary and errors (no start or progress lines)",
      "  --help                 show this text",
      "",
      "Environment:",
      "  PROFILEKIT_REGION        AWS region, for example eu-west-1 (required)",
      "  PROFILEKIT_USER_POOL_ID  the user pool to copy (required)",
      "  PROFILEKIT_TABLE         the profile table (required)",
      "  AWS credentials come from the SDK's default chain (role, AWS_PROFILE...).",
      "  PROFILEKIT_COGNITO_ENDPOINT / PROFILEKIT_DYNAMODB_ENDPOINT override the endpoints",
      "  (local emulators only).",
      "",
      "Exit codes: 0 done; 1 some users failed (see the summary); 2 bad arguments or the job",
      "stopped (fix the cause, then run again with --resume).");

  /** Builds the AWS clients; replaced in tests to point at the emulators. */
  interface Clients {
    /**
     * Builds the Cognito client.
     *
     * @param env the environment
     * @return the client
     */
    CognitoIdentityProviderClient cognito(Map<String, String> env);

    /**
     * Builds the DynamoDB client.
     *
     * @param env the environment
     * @return the client
     */
    DynamoDbClient dynamoDb(Map<String, String> env);
  }

  private SyncProfiles() {}

  /**
   * Runs the command and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err, new AwsClients()));
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Clients clients) {
    SyncOptions options;
    try {
      options = SyncOptions.parse(args);
    } catch (InvalidRequestException e) {
      err.println("sync-profiles: " + e.getMessage());
      err.println("Run with --help for the options.");
      return STOPPED;
    }
    if (options.help()) {
      out.println(USAGE);
      return OK;
    }
    String userPoolId = env.get("PROFILEKIT_USER_POOL_ID");
    String table = env.get("PROFILEKIT_TABLE");
    for (String name : new String[] {"PROFILEKIT_REGION", "PROFILEKIT_USER_POOL_ID", "PROFILEKIT_TABLE"}) {
      if (env.get(name) == null || env.get(name).isBlank()) {
        err.println("sync-profiles: set " + name + " (see --help and docs/setup.md)");
        return STOPPED;
      }
    }
    try (CognitoIdentityProviderClient cognito = clients.cognito(env); DynamoDbClient dynamoDb = clients.dynamoDb(env)) {
      ProfileBackfill.Builder builder = ProfileBackfill.builder()
          .cognito(cognito)
          .userPoolId(userPoolId)
          .dynamoDb(dynamoDb)
          .tableName(table)
          .jobName(options.jobName())
          .filter(options.filter())
          .requestsPerSecond(options.rate())
          .writeConcurrency(options.concurrency())
          .segment(options.segmentIndex(), options.segmentCount())
          .dryRun(options.dryRun());
      options.checkpointFile().ifPresent(file -> builder.checkpointStore(BackfillCheckpointStore.inFile(Path.of(file))));
      if (!options.quiet()) {
        builder.progressListener(progress -> err.println("sync-profiles: " + progress.toLine()));
      }
      ProfileBackfill backfill = builder.build();
      if (!options.quiet()) {
        err.println("sync-profiles: " + (options.resume() ? "resuming " : "starting ") + backfill);
      }
      BackfillSummary summary = options.resume() ? backfill.resume() : backfill.run();
      printSummary(summary, out);
      return summary.failed() > 0 ? SOME_FAILED : OK;
    } catch (InvalidRequestException e) {
      err.println("sync-profiles: " + e.getMessage());
      return STOPPED;
    } catch (ProfileKitException e) {
      err.println("sync-profiles: stopped: " + e.getMessage());
      if (!options.dryRun()) {
        err.println("sync-profiles: the last complete page is checkpointed; fix the cause and run again with --resume");
      }
      return STOPPED;
    }
  }

  private static void printSummary(BackfillSummary summary, PrintStream out) {
    out.println(summary);
    for (BackfillFailure failure : summary.failures()) {
      out.println("  failed " + failure);
    }
    long unlisted = summary.failed() - summary.failures().size();
    if (unlisted > 0) {
      out.println("  ... and " + unlisted + " more failures not listed");
    }
  }

  /** Clients for real AWS, or for local endpoints when the override variables are set. */
  static final class AwsClients implements Clients {
    @Override
    public CognitoIdentityProviderClient cognito(Map<String, String> env) {
      var builder = CognitoIdentityProviderClient.builder().region(Region.of(env.get("PROFILEKIT_REGION")));
      String endpoint = env.get("PROFILEKIT_COGNITO_ENDPOINT");
      if (endpoint != null && !endpoint.isBlank()) {
        builder.endpointOverride(URI.create(endpoint));
      }
      return builder.build();
    }

    @Override
    public DynamoDbClient dynamoDb(Map<String, String> env) {
      var builder = DynamoDbClient.builder().region(Region.of(env.get("PROFILEKIT_REGION")));
      String endpoint = env.get("PROFILEKIT_DYNAMODB_ENDPOINT");
      if (endpoint != null && !endpoint.isBlank()) {
        builder.endpointOverride(URI.create(endpoint));
      }
      return builder.build();
    }
  }
}
