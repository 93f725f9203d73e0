package dev.profilekit.aws;

import dev.profilekit.aws.cognito.PasswordAuthFlow;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.ACCOUNT_DELETED_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.EXPIRES_AT;
import static dev.profilekit.aws.dynamodb.internal.ProfileAttributes.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.profilekit.AuthSession;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.ProfileSource;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.UserProfile;
import dev.profilekit.aws.backfill.FailOnCall;
import dev.profilekit.aws.dynamodb.internal.ConditionFailureItems;
import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import dev.profilekit.aws.emulators.CognitoLocalParity;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.internal.AccountDeletion;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Account deletion on cognito-local and dynalite: what is left (only a tombstone), which tokens
 * still verify (none), and a failure injected at each step, after which a rerun finishes the job.
 * {@link CognitoLocalParity} gives {@code DeleteUser}'s AWS answer for a user already deleted
 * ({@code UserNotFoundException}); {@link #onRawCognitoLocalARerunAfterTheIdentityIsGoneIsRefused()}
 * keeps cognito-local's own answer visible.
 */
@WithEmulators
class AccountDeletionIT {

  private static final String PASSWORD = "Delete-Pa55word!";

  private final EmulatorEnvironment env;

  AccountDeletionIT(EmulatorEnvironment env) {
    this.env = env;
  }

  private record Account(String email, AuthSession session) {
    String userId() {
      return session.user().userId();
    }
  }

  /** Where the injected failure strikes. */
  enum Crash {
    /** The Cognito call never leaves: nothing has happened yet. */
    IDENTITY_CALL_NOT_SENT,
    /** Cognito deleted the user but the answer was lost. */
    IDENTITY_ANSWER_LOST,
    /** The user is gone from Cognito; the write of the tombstone fails. */
    ERASE_FAILS
  }

  private AwsUserProfileService service(List<ExecutionInterceptor> cognito, List<ExecutionInterceptor> dynamoDb) {
    return AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(env.cognito(cognito.toArray(ExecutionInterceptor[]::new)))
        .dynamoDb(env.dynamoDb(dynamoDb.toArray(ExecutionInterceptor[]::new)))
        .userPoolId(env.userPoolId()).appClientId(env.appClientId()).tableName(env.tableName())
        .issuer(env.issuer()).jwksUri(env.jwksUri())
        .build();
  }

  private AwsUserProfileService healthy() {
    return service(List.of(new CognitoLocalParity()), List.of());
  }

  private AwsUserProfileService crashing(Crash crash, String cognitoOperation) {
    switch (crash) {
      case IDENTITY_CALL_NOT_SENT:
        return service(List.of(new CognitoLocalParity(), new FailOnCall(cognitoOperation, 1)), List.of());
      case IDENTITY_ANSWER_LOST:
        return service(List.of(new CognitoLocalParity(), FailOnCall.afterAnswer(cognitoOperation, 1)), List.of());
      default:
        return service(List.of(new CognitoLocalParity()), List.of(new FailOnCall("PutItem", 1)));
    }
  }

  private ProfileStore store() {
    return ProfileStore.builder().dynamoDb(env.dynamoDb()).tableName(env.tableName()).build();
  }

  /** A user with a stored profile and an old sign-out record, both of which deletion must erase. */
  private Account account(AwsUserProfileService service) {
    String email = "delete+" + UUID.randomUUID() + "@example.com";
    env.createConfirmedUser(email, PASSWORD, Map.of());
    AuthSession session = service.signIn(email, PASSWORD).sessionOrThrow();
    service.updateProfile(session.user(), ProfileUpdate.builder().displayName("Ada").build());
    store().recordSignOut(session.user().userId(), Instant.now().minus(1, ChronoUnit.HOURS));
    return new Account(email, session);
  }

  private Map<String, AttributeValue> rawItem(String userId) {
    return env.dynamoDb().getItem(b -> b.tableName(env.tableName()).key(Map.of(USER_ID, AttributeValue.fromS(userId))).consistentRead(true)).item();
  }

  private boolean cognitoHasUser(String userId) {
    try {
      env.cognito().adminGetUser(b -> b.userPoolId(env.userPoolId()).username(userId));
      return true;
    } catch (software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException gone) {
      return false;
    }
  }

  private void assertUntouched(AwsUserProfileService service, Account account) {
    assertThat(cognitoHasUser(account.userId())).as("Cognito user").isTrue();
    assertThat(service.admin().findStoredProfile(account.userId())).as("profile").isPresent();
    assertThat(rawItem(account.userId())).doesNotContainKey(ACCOUNT_DELETED_AT);
  }

  private void assertDeleted(AwsUserProfileService service, Account account, Instant startedAt) {
    assertThat(cognitoHasUser(account.userId())).as("Cognito user").isFalse();
    Map<String, AttributeValue> item = rawItem(account.userId());
    assertThat(item).as("nothing but the tombstone").containsOnlyKeys(USER_ID, ACCOUNT_DELETED_AT, EXPIRES_AT);
    Instant deletedAt = Instant.ofEpochMilli(Long.parseLong(item.get(ACCOUNT_DELETED_AT).n()));
    assertThat(deletedAt).isBetween(startedAt.truncatedTo(ChronoUnit.MILLIS), Instant.now());
    assertThat(Long.parseLong(item.get(EXPIRES_AT).n())).isEqualTo(AccountDeletion.tombstoneExpiry(deletedAt).getEpochSecond());
    for (String token : List.of(account.session().idToken(), account.session().accessToken())) {
      assertThat(catchThrowableOfType(TokenRejectedException.class, () -> service.verify(token)).reason()).isEqualTo(Reason.REVOKED);
    }
    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> service.getProfile(account.session().user())).reason())
        .isEqualTo(Reason.REVOKED);
    assertThatThrownBy(() -> service.signIn(account.email(), PASSWORD)).isInstanceOf(InvalidCredentialsException.class);
    assertThatThrownBy(() -> service.refresh(account.session())).isInstanceOf(TokenRejectedException.class);
    // A request verified before the deletion cannot bring the profile back.
    assertThatThrownBy(() -> service.updateProfile(account.session().user(), ProfileUpdate.builder().displayName("Back").build()))
        .isInstanceOf(UserNotFoundException.class);
    assertThat(rawItem(account.userId())).containsOnlyKeys(USER_ID, ACCOUNT_DELETED_AT, EXPIRES_AT);
  }

  @Test
  void deleteAccountRemovesTheCognitoUserAndEveryRecordAndRejectsOldTokensAtOnce() {
    AwsUserProfileService service = healthy();
    Account account = account(service);
    Instant startedAt = Instant.now();

    service.deleteAccount(account.session());

    assertDeleted(service, account, startedAt);
  }

  @ParameterizedTest
  @EnumSource(Crash.class)
  void deleteAccountInterruptedAtAnyStepIsFinishedByARerun(Crash crash) {
    Account account = account(healthy());
    Instant startedAt = Instant.now();

    assertThatThrownBy(() -> crashing(crash, "DeleteUser").deleteAccount(account.session())).isInstanceOf(ServiceUnavailableException.class);
    assertThat(cognitoHasUser(account.userId())).as("Cognito user after the crash").isEqualTo(crash == Crash.IDENTITY_CALL_NOT_SENT);
    assertThat(store().read(account.userId()).profile()).as("profile after the crash").isPresent();

    AwsUserProfileService rerun = healthy();
    rerun.deleteAccount(account.session());

    assertDeleted(rerun, account, startedAt);
  }

  @Test
  void onRawCognitoLocalARerunAfterTheIdentityIsGoneIsRefused() {
    Account account = account(healthy());
    assertThatThrownBy(() -> crashing(Crash.ERASE_FAILS, "DeleteUser").deleteAccount(account.session()))
        .isInstanceOf(ServiceUnavailableException.class);

    // cognito-local answers NotAuthorizedException for a deleted user's token, AWS UserNotFoundException.
    AwsUserProfileService raw = service(List.of(), List.of());
    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> raw.deleteAccount(account.session())).reason())
        .isEqualTo(Reason.REVOKED);
    assertThat(store().read(account.userId()).profile()).as("left for the reconcile job").isPresent();
  }

  @Test
  void aTokenCognitoRefusesDeletesNothing() {
    // As AWS answers a revoked or expired access token; the request never reaches cognito-local.
    AwsUserProfileService service = service(List.of(new FailOnCall("DeleteUser", 1, () -> NotAuthorizedException.builder()
        .statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("NotAuthorizedException").errorMessage("Access Token has been revoked").build())
        .build())), List.of());
    Account account = account(service);

    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> service.deleteAccount(account.session())).reason())
        .isEqualTo(Reason.REVOKED);

    assertUntouched(service, account);
  }

  @Test
  void anIdTokenInPlaceOfTheAccessTokenIsRejectedBeforeAnyCall() {
    AwsUserProfileService service = healthy();
    Account account = account(service);
    AuthSession swapped = AuthSession.builder().from(account.session()).accessToken(account.session().idToken()).build();

    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> service.deleteAccount(swapped)).reason())
        .isEqualTo(Reason.WRONG_TOKEN_USE);

    assertUntouched(service, account);
  }

  @Test
  void adminDeleteUserRemovesTheCognitoUserAndEveryRecord() {
    AwsUserProfileService service = healthy();
    Account account = account(service);
    Instant startedAt = Instant.now();

    service.admin().deleteUser(account.userId());

    assertDeleted(service, account, startedAt);
  }

  @ParameterizedTest
  @EnumSource(Crash.class)
  void adminDeleteUserInterruptedAtAnyStepIsFinishedByARerun(Crash crash) {
    Account account = account(healthy());
    Instant startedAt = Instant.now();

    assertThatThrownBy(() -> crashing(crash, "AdminDeleteUser").admin().deleteUser(account.userId()))
        .isInstanceOf(ServiceUnavailableException.class);
    assertThat(cognitoHasUser(account.userId())).as("Cognito user after the crash").isEqualTo(crash == Crash.IDENTITY_CALL_NOT_SENT);

    AwsUserProfileService rerun = healthy();
    rerun.admin().deleteUser(account.userId());

    assertDeleted(rerun, account, startedAt);
  }

  @Test
  void adminDeleteUserOfAnIdThePoolDoesNotHaveLeavesOnlyATombstone() {
    String userId = UUID.randomUUID().toString();
    store().createIfAbsent(UserProfile.builder().userId(userId).email("orphan@example.com").source(ProfileSource.FALLBACK).build(), Instant.now());

    healthy().admin().deleteUser(userId);

    assertThat(rawItem(userId)).containsOnlyKeys(USER_ID, ACCOUNT_DELETED_AT, EXPIRES_AT);
  }

  @Test
  void aTombstoneRefusesEveryCreateWithOneRequestWhereTheStoreReportsTheItem() {
    AwsUserProfileService service = healthy();
    Account account = account(service);
    service.deleteAccount(account.session());

    AwsUserProfileService asOnAws = service(List.of(), List.of(new ConditionFailureItems(env.dynamoDb())));
    assertThatThrownBy(() -> asOnAws.updateProfile(account.session().user(), ProfileUpdate.builder().expectedVersion(0L).build()))
        .isInstanceOf(UserNotFoundException.class);
    // The backfill's create is refused the same way, so a user listed before the deletion is not brought back.
    assertThat(store().createIfAbsent(UserProfile.builder().userId(account.userId()).email(account.email()).source(ProfileSource.FALLBACK).build(), Instant.now()))
        .isEmpty();
    assertThat(rawItem(account.userId())).containsOnlyKeys(USER_ID, ACCOUNT_DELETED_AT, EXPIRES_AT);
  }
}
