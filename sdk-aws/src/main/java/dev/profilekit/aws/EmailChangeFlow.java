package dev.profilekit.aws;

import dev.profilekit.AuthSession;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.cognito.internal.CognitoEmailChange;
import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import dev.profilekit.internal.AccessTokenCalls;
import dev.profilekit.internal.AccessTokenCalls.Call;
import dev.profilekit.internal.EmailChange;
import dev.profilekit.internal.RequestChecks;
import java.time.Clock;

/**
 * {@link AwsUserProfileService#requestEmailChange} and {@link
 * AwsUserProfileService#confirmEmailChange}: Cognito's calls in {@link EmailChange}'s order, and
 * the stored profile made to follow the email Cognito reads back ({@code GetUser}), so that the
 * profile never holds an email Cognito does not.
 */
final class EmailChangeFlow {

  private final CognitoEmailChange cognito;
  private final ProfileStore store;
  private final CognitoTokenVerifier verifier;
  private final Clock clock;

  EmailChangeFlow(CognitoEmailChange cognito, ProfileStore store, CognitoTokenVerifier verifier, Clock clock) {
    this.cognito = cognito;
    this.store = store;
    this.verifier = verifier;
    this.clock = clock;
  }

  void request(AuthSession session, String newEmail) {
    String accessToken = accessToken(session);
    VerifiedUser user = AccessTokenCalls.accessUser(verifier.verify(accessToken), Call.CHANGING_THE_EMAIL);
    cognito.request(accessToken, EmailChange.newEmail(newEmail));
    // With the pool's keep-original setting this writes nothing; without it Cognito changed the
    // email already (unverified), and the profile follows.
    follow(user, accessToken);
  }

  void confirm(AuthSession session, String code) {
    String accessToken = accessToken(session);
    VerifiedUser user = AccessTokenCalls.accessUser(verifier.verify(accessToken), Call.CHANGING_THE_EMAIL);
    String checkedCode = EmailChange.code(code);
    EmailChange.confirm(new EmailChange.Steps() {
      @Override
      public void verifyAtIdentity(String verifiedCode) {
        cognito.verify(accessToken, verifiedCode);
      }

      @Override
      public void followIdentity() {
        follow(user, accessToken);
      }
    }, checkedCode);
  }

  private void follow(VerifiedUser user, String accessToken) {
    CognitoEmailChange.IdentityEmail identity = cognito.current(accessToken);
    identity.email().ifPresent(email -> store.followEmail(user.userId(), email, identity.verified(), clock.instant()));
  }

  private static String accessToken(AuthSession session) {
    return RequestChecks.required(session, RequestChecks.SESSION).accessToken();
  }
}
