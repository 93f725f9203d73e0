package dev.profilekit.examples.demo;

import dev.profilekit.AuthSession;
import dev.profilekit.FieldValue;
import dev.profilekit.ForbiddenFieldException;
import dev.profilekit.IdentityProvider;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.MfaMethod;
import dev.profilekit.MfaPreference;
import dev.profilekit.ProfileField;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.SignUpRequest;
import dev.profilekit.SignUpResult;
import dev.profilekit.Subscription;
import dev.profilekit.SubscriptionStatus;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TotpEnrolment;
import dev.profilekit.UserProfile;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import dev.profilekit.VersionConflictException;
import dev.profilekit.examples.ExampleEnvironment;
import dev.profilekit.examples.ExampleEnvironment.FederatedUser;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The demo's walk through ProfileKit, written once against {@link UserProfileService} and run
 * unchanged on every backend: sign-up, confirmation, sign-in, token verification, an authenticator
 * app (TOTP) and a sign-in with its code, the fallback profile, an edit, a stale edit, an
 * admin-only field, sign-out everywhere, and the deletion of every user it made.
 *
 * <p>Each step prints one line. Tokens, passwords, codes and the authenticator app's secret are
 * never printed. A step whose outcome is not what ProfileKit promises throws {@link DemoFailure},
 * so the demo cannot print a success it did not see.
 */
public final class DemoWalk {

  /** How many numbered steps a complete walk prints. */
  public static final int STEPS = 15;

  private static final String STEP_FORMAT = "%2d. %-22s %s%n";

  private final ExampleEnvironment environment;
  private final PrintStream out;
  private int step;
  /** Every user the walk created or seeded, so that its last step deletes them all. */
  private final List<String> demoUsers = new ArrayList<>();

  private DemoWalk(ExampleEnvironment environment, PrintStream out) {
    this.environment = Objects.requireNonNull(environment, "environment");
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Runs the walk on the environment's service, printing one line per step.
   *
   * @param environment the backend to run on
   * @param out where the lines go
   * @throws DemoFailure if a step does not behave as documented
   */
  public static void run(ExampleEnvironment environment, PrintStream out) {
    new DemoWalk(environment, out).walk();
  }

  private void walk() {
    UserProfileService service = environment.service();
    out.println("ProfileKit demo on " + environment.backend().description());

    // 1-3: three kinds of user. The email user signs up for real; Google and Apple users need a
    // browser and a hosted UI, so the environment seeds them (or says why it cannot).
    String email = environment.demoEmail();
    String password = newPassword();
    SignUpResult signUp = service.signUp(SignUpRequest.builder()
        .email(email)
        .password(password)
        .givenName("Ada")
        .familyName("Lovelace")
        .locale("en-GB")
        .build());
    print("sign up (email)", email + " -> user " + shortId(signUp.userId()) + ", "
        + (signUp.confirmed() ? "already confirmed" : "confirmation code sent"
            + signUp.codeDeliveryDestination().map(d -> " to " + d).orElse("")));
    demoUsers.add(signUp.userId());
    federated(service, environment.federatedUser(IdentityProvider.GOOGLE));
    federated(service, environment.federatedUser(IdentityProvider.APPLE));

    // 4-6: confirm, sign in, verify.
    if (!signUp.confirmed()) {
      service.confirmSignUp(email, environment.confirmationCode(email));
    }
    print("confirm", email + " confirmed with the code from the mailbox (codes are never printed)");
    AuthSession session = service.signIn(email, password).sessionOrThrow();
    print("sign in", email + " -> session with ID, access and refresh tokens (tokens are never printed)");
    VerifiedUser fromIdToken = service.verify(session.idToken());
    // An API receives the access token; the profile calls below use the user it speaks for.
    VerifiedUser user = service.verify(session.accessToken());
    check(user.userId().equals(signUp.userId()) && fromIdToken.userId().equals(signUp.userId()), "a verified token names another user");
    print("verify tokens", "ID and access tokens verified locally -> user " + shortId(user.userId()) + ", provider "
        + user.identityProvider() + ", email verified " + fromIdToken.emailVerified());

    // 7-8: an authenticator app. The user enrols one (the demo plays the app: it reads the QR
    // code's URI and shows the current code), turns TOTP on, and from then on a sign-in asks for
    // the app's code. The secret and the codes are never printed; the URI only with its secret masked.
    TotpEnrolment enrolment = service.startTotpEnrolment(session);
    AuthenticatorApp app = AuthenticatorApp.scan(enrolment.otpauthUri(), Clock.systemUTC());
    service.verifyTotpEnrolment(session, app.currentCode());
    service.setMfaPreference(session, MfaPreference.builder().addMethod(MfaMethod.TOTP).preferred(MfaMethod.TOTP).build());
    print("enrol authenticator", "QR code " + AuthenticatorApp.masked(enrolment.otpauthUri())
        + " scanned; the app's first code verified, TOTP preferred");
    // Signed out, the session's refresh token is revoked (its ID and access tokens too, where the
    // tokens name their session: not on cognito-local, which the emulator backend's note says).
    service.signOut(session);
    SignInStep totpStep = service.signIn(email, password);
    check(totpStep.kind() == SignInStep.Kind.TOTP_CODE, "a sign-in with TOTP on asked for " + totpStep.kind() + ", not TOTP_CODE");
    SignInStep answered = service.respond(totpStep, SignInAnswer.code(app.currentCode()));
    check(answered.isSignedIn(), "the app's code was answered with " + answered.kind() + ", not DONE");
    session = answered.sessionOrThrow();
    user = service.verify(session.accessToken());
    check(user.userId().equals(signUp.userId()), "the TOTP sign-in's token names another user");
    print("sign in (TOTP)", "signed out, then " + email + " -> "
        + totpStep.getClass().getSimpleName() + ", answered with the app's code -> session (codes are never printed)");

    // 9-11: the fallback profile, an edit that stores it, and a stale edit.
    UserProfile fallback = service.getProfile(user);
    check(!fallback.isStored() && fallback.version() == 0, "a new user's profile should be a fallback at version 0");
    print("read profile", "nothing stored yet -> " + fallback.source() + " v" + fallback.version()
        + " from the user pool's attributes: displayName " + quoted(fallback.displayName().orElse("(none)"))
        + ", locale " + fallback.locale().orElse("(none)"));
    UserProfile edited = service.updateProfile(user, ProfileUpdate.builder()
        .expectedVersion(fallback.version())
        .displayName("Ada King")
        .customField("favouriteColour", FieldValue.of("green"))
        .build());
    check(edited.isStored() && edited.displayName().orElse("").equals("Ada King"), "the edit was not stored");
    print("edit profile", "displayName \"Ada King\", customFields.favouriteColour \"green\", expecting v"
        + fallback.version() + " -> " + edited.source() + " v" + edited.version());
    try {
      service.updateProfile(user, ProfileUpdate.builder()
          .expectedVersion(fallback.version())
          .displayName("Augusta Ada")
          .build());
      throw new DemoFailure("a stale edit was accepted");
    } catch (VersionConflictException conflict) {
      UserProfile after = service.getProfile(user);
      check(after.version() == edited.version() && after.displayName().equals(edited.displayName()),
          "a refused edit changed the profile");
      print("stale edit", "another edit still expecting v" + fallback.version()
          + " -> refused: VersionConflictException (stored is v" + after.version() + "), nothing changed");
    }

    // 12-13: the subscription is admin-only.
    Subscription pro = Subscription.builder().plan("pro-monthly").status(SubscriptionStatus.ACTIVE).build();
    try {
      service.updateProfile(user, ProfileUpdate.builder().subscription(pro).build());
      throw new DemoFailure("a user was allowed to set their own subscription");
    } catch (ForbiddenFieldException forbidden) {
      check(service.getProfile(user).subscription().isEmpty(), "a refused subscription was stored");
      print("user sets plan", "subscription pro-monthly -> refused: ForbiddenFieldException (field "
          + forbidden.field() + " is admin-only)");
    }
    UserProfile subscribed = service.admin().updateProfile(user.userId(), ProfileUpdate.builder().subscription(pro).build());
    UserProfile seenByUser = service.getProfile(user);
    check(seenByUser.subscription().map(Subscription::plan).orElse("").equals("pro-monthly"), "the admin's subscription was not stored");
    print("admin sets plan", "subscription pro-monthly " + pro.status() + " through admin() -> v"
        + subscribed.version() + "; the user now reads plan " + seenByUser.subscription().get().plan());

    // 14: signing out everywhere makes every earlier token useless, even before it expires.
    service.signOutEverywhere(session);
    TokenRejectedException.Reason idReason = rejection(service, session.idToken());
    TokenRejectedException.Reason accessReason = rejection(service, session.accessToken());
    check(idReason == TokenRejectedException.Reason.REVOKED && accessReason == TokenRejectedException.Reason.REVOKED,
        "the old tokens were rejected as " + idReason + " and " + accessReason + ", not REVOKED");
    print("sign out everywhere", "the old ID and access tokens are now rejected: TokenRejectedException, reason " + accessReason);

    // 15: the demo leaves nothing behind. The session was signed out everywhere, so an
    // administrator deletes the accounts (deleteAccount(session) is the user's own way).
    demoUsers.forEach(service.admin()::deleteUser);
    for (String userId : demoUsers) {
      check(service.admin().findStoredProfile(userId).isEmpty(), "a deleted user's profile is still stored");
    }
    boolean signInRefused;
    try {
      service.signIn(email, password);
      signInRefused = false;
    } catch (InvalidCredentialsException refused) {
      signInRefused = true;
    }
    check(signInRefused, "a deleted user could still sign in");
    print("delete accounts", demoUsers.size() + (demoUsers.size() == 1 ? " demo user" : " demo users")
        + " deleted through admin(): Cognito user, profile and sign-out record; sign-in now refused");
    out.println("Done: " + step + " steps on " + environment.backend().description() + ". No token, password, code or secret was printed.");
    environment.notes().forEach(note -> out.println("Note: " + note));
  }

  private static TokenRejectedException.Reason rejection(UserProfileService service, String token) {
    try {
      service.verify(token);
      throw new DemoFailure("a token issued before sign-out everywhere was still accepted");
    } catch (TokenRejectedException rejected) {
      return rejected.reason();
    }
  }

  private void federated(UserProfileService service, FederatedUser federated) {
    String label = "sign up (" + providerLabel(federated.provider()) + ")";
    if (federated.user().isEmpty()) {
      print(label, "skipped: " + federated.note());
      return;
    }
    VerifiedUser user = federated.user().get();
    demoUsers.add(user.userId());
    UserProfile profile = service.getProfile(user);
    StringBuilder line = new StringBuilder("user " + shortId(user.userId()) + " via " + user.identityProvider()
        + " (" + federated.note() + ") -> " + profile.source() + " profile " + quoted(profile.displayName().orElse("(no name)")));
    if (profile.avatarUrl().isPresent()) {
      line.append(", picture from ").append(java.net.URI.create(profile.avatarUrl().get()).getHost());
    }
    if (profile.emailIsPrivateRelay()) {
      line.append(", private-relay email");
    }
    print(label, line.toString());
  }

  private void print(String label, String text) {
    step++;
    out.printf(STEP_FORMAT, step, label, text);
  }

  private static String providerLabel(IdentityProvider provider) {
    return provider.equals(IdentityProvider.APPLE) ? "Apple" : provider.equals(IdentityProvider.GOOGLE) ? "Google" : provider.name();
  }

  private static void check(boolean condition, String failure) {
    if (!condition) {
      throw new DemoFailure(failure);
    }
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  /** User ids are not secret, but a prefix is enough to tell users apart in the output. */
  private static String shortId(String userId) {
    return userId.length() <= 8 ? userId : userId.substring(0, 8) + "...";
  }

  /** A fresh strong password each run, so the demo never ships one that works anywhere. */
  private static String newPassword() {
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    return "Pk1!" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
