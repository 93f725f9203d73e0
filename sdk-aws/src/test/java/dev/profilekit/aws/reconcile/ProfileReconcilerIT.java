package dev.profilekit.aws.reconcile;

import dev.profilekit.aws.cognito.PasswordAuthFlow;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.ACCOUNT_DELETED_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.EXPIRES_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.AuthSession;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.UserProfile;
import dev.profilekit.aws.AwsUserProfileService;
import dev.profilekit.aws.backfill.BackfillCheckpointStore;
import dev.profilekit.aws.backfill.FailOnCall;
import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.RequestCounter;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.internal.AccountDeletion;
import dev.profilekit.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reconcile job on cognito-local and dynalite: orphans become tombstones, users who exist are
 * left alone, expired tombstones go, and an interrupted sweep continues from its checkpoint. Each
 * test uses a table of its own, so a sweep sees only what the test put there.
 */
@WithEmulators
class ProfileReconcilerIT {

  private static final String PASSWORD = "Reconcile-Pa55word!";

  private final EmulatorEnvironment env;

  ProfileReconcilerIT(EmulatorEnvironment env) {
    this.env = env;
  }

  @TempDir
  Path folder;

  /** Checkpoints go to a file, so that the swept table holds only what the test put there. */
  private ProfileReconciler reconciler(String table, int pageSize, ExecutionInterceptor... cognito) {
    return ProfileReconciler.builder()
        .cognito(env.cognito(cognito)).userPoolId(env.userPoolId())
        .dynamoDb(env.dynamoDb()).tableName(table)
        .checkpointStore(BackfillCheckpointStore.inFile(folder.resolve(table + ".json")))
        .pageSize(pageSize).requestsPerSecond(1000)
        .build();
  }

  private ProfileStore store(String table) {
    return ProfileStore.builder().dynamoDb(env.dynamoDb()).tableName(table).build();
  }

  /** The service's clock: real time (cognito-local stamps tokens with it), moved past the revocation bound by hand. */
  private final TestClock clock = TestClock.ticking();

  private AwsUserProfileService service(String table) {
    return AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito()).dynamoDb(env.dynamoDb())
        .userPoolId(env.userPoolId()).appClientId(env.appClientId()).tableName(table)
        .issuer(env.issuer()).jwksUri(env.jwksUri())
        .clock(clock)
        .build();
  }

  private Map<String, AttributeValue> rawItem(String table, String userId) {
    return env.dynamoDb().getItem(b -> b.tableName(table).key(Map.of(USER_ID, AttributeValue.fromS(userId))).consistentRead(true)).item();
  }

  private static UserProfile profileOf(String userId) {
    return UserProfile.builder().userId(userId).email(userId + "@example.com").source(ProfileSource.FALLBACK).build();
  }

  private String liveUserWithProfile(String table) {
    String email = "live+" + UUID.randomUUID() + "@example.com";
    String sub = env.createConfirmedUser(email, PASSWORD, Map.of());
    store(table).createIfAbsent(profileOf(sub), Instant.now());
    return sub;
  }

  @Test
  void orphansBecomeTombstonesLiveUsersStayAndExpiredTombstonesGo() {
    String table = env.createProfileTable("reconcile-kinds-" + UUID.randomUUID());
    ProfileStore store = store(table);
    String live = liveUserWithProfile(table);
    String orphanProfile = UUID.randomUUID().toString();
    store.createIfAbsent(profileOf(orphanProfile), Instant.now());
    String orphanSignOut = UUID.randomUUID().toString();
    store.recordSignOut(orphanSignOut, Instant.now());
    String expired = UUID.randomUUID().toString();
    Instant longAgo = Instant.now().minus(Duration.ofDays(3));
    store.eraseAccount(expired, longAgo, AccountDeletion.tombstoneExpiry(longAgo));
    String fresh = UUID.randomUUID().toString();
    store.eraseAccount(fresh, Instant.now(), AccountDeletion.tombstoneExpiry(Instant.now()));

    ReconcileSummary summary = reconciler(table, 2).run();

    assertThat(summary.orphansErased()).isEqualTo(2);
    assertThat(summary.usersPresent()).isEqualTo(1);
    assertThat(summary.tombstonesRemoved()).isEqualTo(1);
    assertThat(summary.otherRecords()).as("the two tombstones").isEqualTo(2);
    assertThat(summary.seen()).isEqualTo(5);
    assertThat(summary.completed()).isTrue();
    assertThat(store.read(live).profile()).isPresent();
    for (String orphan : List.of(orphanProfile, orphanSignOut)) {
      assertThat(rawItem(table, orphan)).containsOnlyKeys(USER_ID, ACCOUNT_DELETED_AT, EXPIRES_AT);
    }
    assertThat(rawItem(table, expired)).isEmpty();
    assertThat(rawItem(table, fresh)).containsOnlyKeys(USER_ID, ACCOUNT_DELETED_AT, EXPIRES_AT);

    ReconcileSummary again = reconciler(table, 2).run();
    assertThat(again.orphansErased()).as("a second sweep finds nothing to do").isZero();
    assertThat(again.tombstonesRemoved()).isZero();
  }

  @Test
  void aDeletionInterruptedAfterCognitoIsFinishedAndItsTokensAreRejected() {
    String table = env.createProfileTable("reconcile-finish-" + UUID.randomUUID());
    AwsUserProfileService service = service(table);
    String email = "crash+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of());
    AuthSession session = service.signIn(email, PASSWORD).sessionOrThrow();
    service.updateProfile(session.user(), ProfileUpdate.builder().displayName("Ada").build());
    // The deletion's first step done, its second never run: the Cognito user is gone, the profile stays.
    env.cognito().adminDeleteUser(b -> b.userPoolId(env.userPoolId()).username(session.user().userId()));
    assertThat(service.verify(session.idToken()).userId()).as("before the sweep").isEqualTo(session.user().userId());

    reconciler(table, 100).run();

    assertThat(rawItem(table, session.user().userId())).containsOnlyKeys(USER_ID, ACCOUNT_DELETED_AT, EXPIRES_AT);
    // The reconciler is another writer than the service: its tombstone reaches the service's
    // revocation cache within the staleness bound (default 5 s), not at once.
    clock.advance(Duration.ofSeconds(5));
    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> service.verify(session.idToken())).reason())
        .isEqualTo(TokenRejectedException.Reason.REVOKED);
  }

  @Test
  void aSweepThatFailsMidwayContinuesFromItsCheckpointAndErasesEveryOrphanOnce() {
    String table = env.createProfileTable("reconcile-resume-" + UUID.randomUUID());
    ProfileStore store = store(table);
    List<String> orphans = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String orphan = UUID.randomUUID().toString();
      store.createIfAbsent(profileOf(orphan), Instant.now());
      orphans.add(orphan);
    }

    // The fifth Cognito lookup fails: pages of 2 mean two pages are saved before it.
    assertThatThrownBy(() -> reconciler(table, 2, new FailOnCall("ListUsers", 5)).run()).isInstanceOf(ServiceUnavailableException.class);
    long tombstonedAfterFailure = orphans.stream().filter(id -> rawItem(table, id).containsKey(ACCOUNT_DELETED_AT)).count();
    assertThat(tombstonedAfterFailure).isEqualTo(4);

    RequestCounter lookups = new RequestCounter();
    ReconcileSummary summary = reconciler(table, 2, lookups).run();

    assertThat(summary.orphansErased()).as("across both runs").isEqualTo(7);
    assertThat(summary.completed()).isTrue();
    assertThat(lookups.operations()).as("the resumed run looks up only the users after the checkpoint").hasSize(3);
    for (String orphan : orphans) {
      assertThat(rawItem(table, orphan)).containsOnlyKeys(USER_ID, ACCOUNT_DELETED_AT, EXPIRES_AT);
    }
  }
}
