package dev.profilekit.benchmarks.coldstart;

import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.FieldValue;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.AwsUserProfileService;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import dev.profilekit.benchmarks.HarnessTable;
import dev.profilekit.benchmarks.PerformanceReport;
import dev.profilekit.benchmarks.SharedEmulators;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: fresh JVMs running {@link ColdStartProfileKitMain} and {@link ColdStartRawMain}
 * against the same stored profile on dynalite, alternately, several times each; reports the
 * median time from {@code main} to the first read, and from process launch to exit.
 *
 * <p>Usage: {@code ColdStart [--smoke] [--output FILE] [--runs N]}; with {@code --output} the
 * table is appended to the report that {@link PerformanceReport} wrote.
 */
public final class ColdStart {

  static final String USER_ID = "c01d57a7-0000-4000-8000-000000000001";

  private ColdStart() {}

  /**
   * Runs the measurement and prints or appends its table.
   *
   * @param args {@code --smoke}, {@code --output FILE}, {@code --runs N}
   * @throws Exception if a child fails or the report cannot be written
   */
  public static void main(String[] args) throws Exception {
    boolean smoke = false;
    Path output = null;
    int runs = 7;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> smoke = true;
        case "--output" -> output = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    String markdown = measure(smoke, smoke ? 1 : runs).render(smoke);
    if (output != null) {
      PerformanceReport.appendSection(output, markdown);
      System.out.println("Appended the cold-start table to " + output.toAbsolutePath());
    } else {
      System.out.println(markdown);
    }
    System.exit(0);
  }

  /**
   * Stores the profile, then launches each program {@code runs} times, alternating, after one
   * unmeasured launch of each (so both find the class files in the OS page cache).
   *
   * @param smoke whether this is a smoke run (no warm-up launch)
   * @param runs launches of each program
   * @return the table
   * @throws Exception if a child fails
   */
  public static HarnessTable measure(boolean smoke, int runs) throws Exception {
    LocalEmulators emulators = SharedEmulators.get();
    try (EmulatorEnvironment env = EmulatorEnvironment.create(emulators, "ColdStart")) {
      storeProfile(env);
      List<String> profileKitArgs = List.of(emulators.dynamoDbEndpoint().toString(), env.tableName(), USER_ID,
          emulators.cognitoEndpoint().toString());
      List<String> rawArgs = List.of(emulators.dynamoDbEndpoint().toString(), env.tableName(), USER_ID);
      if (!smoke) {
        launch(ColdStartProfileKitMain.class, profileKitArgs);
        launch(ColdStartRawMain.class, rawArgs);
      }
      List<long[]> profileKit = new ArrayList<>();
      List<long[]> raw = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        // Alternate which goes first, so drift in machine load hits both alike.
        if (i % 2 == 0) {
          profileKit.add(launch(ColdStartProfileKitMain.class, profileKitArgs));
          raw.add(launch(ColdStartRawMain.class, rawArgs));
        } else {
          raw.add(launch(ColdStartRawMain.class, rawArgs));
          profileKit.add(launch(ColdStartProfileKitMain.class, profileKitArgs));
        }
      }
      double pkMain = median(profileKit, 0);
      double rawMain = median(raw, 0);
      double pkProcess = median(profileKit, 1);
      double rawProcess = median(raw, 1);
      HarnessTable table = new HarnessTable("Cold start (harness `ColdStart`)");
      table.add(new HarnessTable.Row("Fresh JVM, `main` to first stored-profile read: ProfileKit vs raw DynamoDbClient GetItem",
          String.format(Locale.ROOT, "%.0f ms", pkMain), String.format(Locale.ROOT, "%.0f ms", rawMain), pkMain / rawMain, Double.NaN));
      table.add(new HarnessTable.Row("Fresh JVM, process launch to exit (JVM start and shutdown included)",
          String.format(Locale.ROOT, "%.0f ms", pkProcess), String.format(Locale.ROOT, "%.0f ms", rawProcess),
          pkProcess / rawProcess, Double.NaN));
      table.note(String.format(Locale.ROOT, "Medians of %d launches of each program, alternating, after one unmeasured launch of each; "
          + "`java -cp <benchmarks classpath>` with default flags. ProfileKit's program builds what an application must: a "
          + "DynamoDbClient, a CognitoIdentityProviderClient (required by the builder) and the service, then calls getProfile; "
          + "the raw program builds a DynamoDbClient and sends the same consistent GetItem.", runs));
      return table;
    }
  }

  private static void storeProfile(EmulatorEnvironment env) {
    Instant now = Instant.now();
    VerifiedUser user = VerifiedUser.builder().userId(USER_ID).username(USER_ID).email("cold@example.com")
        .tokenUse(TokenUse.ID).clientId(env.appClientId()).issuer(env.issuer().toString())
        .issuedAt(now.minusSeconds(60)).expiresAt(now.plusSeconds(3600)).build();
    try (AwsUserProfileService service = AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH).dynamoDb(env.dynamoDb()).cognito(env.cognito())
        .userPoolId(env.userPoolId()).appClientId(env.appClientId()).issuer(env.issuer()).tableName(env.tableName()).build()) {
      service.updateProfile(user, ProfileUpdate.builder().displayName("Cold Start").preference("theme", FieldValue.of("dark")).build());
    }
  }

  /** Launches a program in a fresh JVM; returns {main-to-read ms, launch-to-exit ms}. */
  private static long[] launch(Class<?> main, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    // Under Surefire, java.class.path is only its booter jar; it publishes the real one.
    command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(main.getName());
    command.addAll(args);
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(main.getSimpleName() + " did not finish within 2 minutes");
    }
    long wall = System.nanoTime() - start;
    int marker = out.indexOf("main-to-read-ns=");
    if (process.exitValue() != 0 || marker < 0) {
      throw new IllegalStateException(main.getSimpleName() + " failed (exit " + process.exitValue() + "): " + out);
    }
    long mainToRead = Long.parseLong(out.substring(marker + "main-to-read-ns=".length()).trim().split("\\s")[0]);
    return new long[] {TimeUnit.NANOSECONDS.toMillis(mainToRead), TimeUnit.NANOSECONDS.toMillis(wall)};
  }

  private static double median(List<long[]> samples, int index) {
    double[] values = samples.stream().mapToDouble(s -> s[index]).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
}
