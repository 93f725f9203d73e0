package dev.profilekit.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.AccountStatus;
import dev.profilekit.AuthSession;
import dev.profilekit.GroupNotFoundException;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.NewUser;
import dev.profilekit.PasswordPolicyException;
import dev.profilekit.PasswordResetRequiredException;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.UserAccount;
import dev.profilekit.UserAlreadyExistsException;
import dev.profilekit.UserDisabledException;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.testing.ContractCapability;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Contract cases: user management in the admin view — creating a user with a temporary password,
 * disabling and enabling, forcing a password reset, groups reaching {@code cognito:groups}. See
 * {@code docs/account-lifecycle.md}.
 */
public interface UserAdministrationCases extends ContractHarness {

  /** The temporary password the cases create users with; meets Cognito's default policy. */
  String TEMPORARY_PASSWORD = "Temp-Pa55word!";

  private UserAccount createdUser(String email) {
    return service().admin().createUser(NewUser.builder().email(email).temporaryPassword(TEMPORARY_PASSWORD)
        .givenName(GIVEN_NAME).sendInvitation(false).build());
  }

  private String uniqueGroup() {
    return "group-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  }

  /**
   * Signs in once tokens are issued after the second of a revocation: the revocation rule compares
   * whole seconds, so a token issued in that second is revoked too. The fake's clock is moved; the
   * emulators stamp tokens with the system clock, so the case waits for it to pass that second.
   */
  private AuthSession signInAfterTheRevokedSecond(String email) {
    if (supports(ContractCapability.CLOCK_CONTROL)) {
      advanceClock(service(), Duration.ofSeconds(1));
    }
    Instant deadline = Instant.now().plusSeconds(5);
    while (true) {
      try {
        return service().signIn(email, PASSWORD).sessionOrThrow();
      } catch (TokenRejectedException sameSecond) {
        if (sameSecond.reason() != TokenRejectedException.Reason.REVOKED || Instant.now().isAfter(deadline)) {
          throw sameSecond;
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the next second", e);
    }
  }

  @Test
  default void anAdminCreatedUserMustReplaceTheTemporaryPasswordAtFirstSignIn() {
    String email = uniqueEmail("created");

    UserAccount created = createdUser(email);

    assertThat(created.status()).isEqualTo(AccountStatus.FORCE_CHANGE_PASSWORD);
    assertThat(created.email()).contains(email);
    assertThat(created.emailVerified()).isTrue();
    assertThat(created.enabled()).isTrue();
    SignInStep first = service().signIn(email, TEMPORARY_PASSWORD);
    assertThat(first.kind()).isEqualTo(SignInStep.Kind.NEW_PASSWORD_REQUIRED);
    AuthSession session = service().respond(first, SignInAnswer.newPassword(PASSWORD)).sessionOrThrow();
    assertThat(session.user().userId()).isEqualTo(created.userId());
    assertThat(session.user().email()).contains(email);
    assertThat(service().admin().getUser(created.userId()).status()).isEqualTo(AccountStatus.CONFIRMED);
    assertThat(service().signIn(email, PASSWORD).isSignedIn()).isTrue();
    thrown(InvalidCredentialsException.class, () -> service().signIn(email, TEMPORARY_PASSWORD));
  }

  @Test
  default void creatingAUserWhoseEmailIsTakenOrWhosePasswordIsWeakChangesNothing() {
    String email = uniqueEmail("taken");
    signUpAndSignIn(email);

    thrown(UserAlreadyExistsException.class, () -> createdUser(email));
    String other = uniqueEmail("weak");
    thrown(PasswordPolicyException.class, () -> service().admin().createUser(
        NewUser.builder().email(other).temporaryPassword("only-lower-case").sendInvitation(false).build()));
    thrown(InvalidCredentialsException.class, () -> service().signIn(other, "only-lower-case"));
    assertThat(service().signIn(email, PASSWORD).isSignedIn()).as("the existing user").isTrue();
  }

  @Test
  default void aNewUserWithoutInvitationNeedsATemporaryPassword() {
    InvalidRequestException refused = thrown(InvalidRequestException.class, () -> service().admin().createUser(
        NewUser.builder().email(uniqueEmail("nobody-knows")).sendInvitation(false).build()));

    assertThat(refused.field()).isEqualTo("temporaryPassword");
    assertThat(thrown(InvalidRequestException.class, () -> service().admin().createUser(null)).field()).isEqualTo("user");
  }

  @Test
  default void aDisabledUserCannotSignInAndTheirTokensAreRevokedUntilEnabledAgain() {
    String email = uniqueEmail("disabled");
    AuthSession session = signUpAndSignIn(email);
    String userId = session.user().userId();

    service().admin().disableUser(userId);
    service().admin().disableUser(userId);

    assertThat(service().admin().getUser(userId).enabled()).isFalse();
    thrown(UserDisabledException.class, () -> service().signIn(email, PASSWORD));
    assertThat(thrown(TokenRejectedException.class, () -> service().verify(session.idToken())).reason())
        .isEqualTo(TokenRejectedException.Reason.REVOKED);
    thrown(TokenRejectedException.class, () -> service().refresh(session));

    service().admin().enableUser(userId);

    assertThat(service().admin().getUser(userId).enabled()).isTrue();
    AuthSession again = signInAfterTheRevokedSecond(email);
    assertThat(service().verify(again.idToken()).userId()).isEqualTo(userId);
    assertThat(thrown(TokenRejectedException.class, () -> service().verify(session.accessToken())).reason())
        .as("tokens revoked by the disabling stay revoked").isEqualTo(TokenRejectedException.Reason.REVOKED);
  }

  @Test
  default void aForcedPasswordResetStopsTheOldPasswordUntilTheUserSetsANewOne() {
    String email = uniqueEmail("reset");
    AuthSession session = signUpAndSignIn(email);
    String newPassword = "N3w-Pa55word!";

    service().admin().resetPassword(session.user().userId());

    thrown(PasswordResetRequiredException.class, () -> service().signIn(email, PASSWORD));
    service().confirmForgotPassword(email, passwordResetCode(service(), email), newPassword);
    assertThat(service().signIn(email, newPassword).isSignedIn()).isTrue();
    thrown(InvalidCredentialsException.class, () -> service().signIn(email, PASSWORD));
  }

  @Test
  default void groupsReachTheTokensIssuedAfterTheChange() {
    String email = uniqueEmail("grouped");
    AuthSession before = signUpAndSignIn(email);
    String userId = before.user().userId();
    String editors = uniqueGroup();
    String admins = uniqueGroup();
    service().admin().createGroup(editors);
    service().admin().createGroup(editors);
    service().admin().createGroup(admins);

    service().admin().addUserToGroup(userId, editors);
    service().admin().addUserToGroup(userId, admins);
    service().admin().addUserToGroup(userId, admins);
    service().admin().createGroup(admins);

    assertThat(service().admin().getUser(userId).groups()).containsExactlyInAnyOrder(editors, admins);
    assertThat(service().verify(service().signIn(email, PASSWORD).sessionOrThrow().idToken()).groups())
        .containsExactlyInAnyOrder(editors, admins);
    assertThat(service().verify(before.idToken()).groups()).as("a token issued before").doesNotContain(editors, admins);

    service().admin().removeUserFromGroup(userId, editors);

    assertThat(service().verify(service().signIn(email, PASSWORD).sessionOrThrow().accessToken()).groups())
        .containsExactly(admins);
    assertThat(service().admin().getUser(userId).groups()).containsExactly(admins);
  }

  @Test
  default void aMissingGroupOrUserIsATypedFailure() {
    String userId = signUpAndSignIn(uniqueEmail("no-group")).user().userId();
    String group = uniqueGroup();
    String unknownUser = UUID.randomUUID().toString();
    service().admin().createGroup(group);

    thrown(GroupNotFoundException.class, () -> service().admin().addUserToGroup(userId, uniqueGroup()));
    thrown(GroupNotFoundException.class, () -> service().admin().removeUserFromGroup(userId, uniqueGroup()));
    thrown(UserNotFoundException.class, () -> service().admin().addUserToGroup(unknownUser, group));
    thrown(UserNotFoundException.class, () -> service().admin().disableUser(unknownUser));
    thrown(UserNotFoundException.class, () -> service().admin().enableUser(unknownUser));
    thrown(UserNotFoundException.class, () -> service().admin().resetPassword(unknownUser));
    thrown(UserNotFoundException.class, () -> service().admin().getUser(unknownUser));
    assertThat(thrown(InvalidRequestException.class, () -> service().admin().createGroup("has space")).field())
        .isEqualTo("groupName");
    assertThat(thrown(InvalidRequestException.class, () -> service().admin().addUserToGroup(userId, "")).field())
        .isEqualTo("groupName");
    assertThat(service().admin().getUser(userId).groups()).isEmpty();
  }

  @Test
  default void aMembershipChangeWithBothUserIdAndGroupNameWrongReportsTheUserIdFirst() {
    // One order on both implementations (UserAdministration.membership): the user, then the group.
    for (String badUserId : new String[] {null, "has space"}) {
      assertThat(thrown(InvalidRequestException.class, () -> service().admin().addUserToGroup(badUserId, "has space")).field())
          .isEqualTo("userId");
      assertThat(thrown(InvalidRequestException.class, () -> service().admin().removeUserFromGroup(badUserId, "")).field())
          .isEqualTo("userId");
    }
  }
}
