package dev.profilekit.testing;

import dev.profilekit.AccountExport;
import dev.profilekit.AttributeMapper;
import dev.profilekit.AuthSession;
import dev.profilekit.ChallengeSession;
import dev.profilekit.FederatedCallback;
import dev.profilekit.FederatedSignInException;
import dev.profilekit.IdentityProvider;
import dev.profilekit.InvalidCredentialsException;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.LinkedIdentity;
import dev.profilekit.MfaPreference;
import dev.profilekit.PendingFederatedSignIn;
import dev.profilekit.ProfileAdmin;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.ProfileUpdate;
import dev.profilekit.SignInAnswer;
import dev.profilekit.SignInStep;
import dev.profilekit.SignUpRequest;
import dev.profilekit.SignUpResult;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.UserNotFoundException;
import dev.profilekit.UserProfile;
import dev.profilekit.TotpEnrolment;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import dev.profilekit.VersionConflictException;
import dev.profilekit.internal.AccessTokenCalls;
import dev.profilekit.internal.AccessTokenCalls.Call;
import dev.profilekit.internal.HostedUiRequirement;
import dev.profilekit.internal.StepAnswers;
import dev.profilekit.internal.MfaChallenges;
import dev.profilekit.internal.MfaRequirement;
import dev.profilekit.internal.FirstFactors;
import dev.profilekit.FirstFactor;
import java.util.EnumSet;
import dev.profilekit.internal.TotpUris;
import dev.profilekit.internal.AccountDeletion;
import dev.profilekit.internal.AccountExports;
import dev.profilekit.internal.EmailChange;
import dev.profilekit.internal.ExpectedVersions;
import dev.profilekit.internal.Pkce;
import dev.profilekit.internal.ProviderText;
import dev.profilekit.testing.internal.FallbackProfiles;
import dev.profilekit.testing.internal.FederationBroker;
import dev.profilekit.testing.internal.InMemoryAdmin;
import dev.profilekit.testing.internal.AuthenticatorApps;
import dev.profilekit.testing.internal.MfaDirectory;
import dev.profilekit.testing.internal.PasskeyRegistry;
import dev.profilekit.testing.internal.PasswordHasher;
import dev.profilekit.testing.internal.ProfileStore;
import dev.profilekit.testing.internal.SessionIssuer;
import dev.profilekit.testing.internal.UserDirectory;
import dev.profilekit.testing.internal.UserRecord;
import dev.profilekit.internal.RedirectUris;
import dev.profilekit.internal.RequestChecks;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A complete {@link UserProfileService} in memory, for tests: sign-up with confirmation codes,
 * password sign-in by SRP against stored verifiers (as Cognito), real RS256 tokens in Cognito's shape, refresh and
 * revocation, federated sign-in with state, nonce and PKCE, and a profile store with the same
 * fallback, patch, version and admin-only rules as the AWS implementation. It passes the same
 * {@link UserProfileServiceContract}.
 *
 * <p>Thread-safe, no I/O, no sleeps; creating one costs microseconds (the test key pair is shared
 * by the whole JVM). Beyond the interface it lets tests seed users ({@link #seed(TestUser)}), read
 * the codes "sent" to users ({@link #lastConfirmationCode(String)}), complete a federated sign-in
 * as the provider would ({@link #federatedCallbackFor(PendingFederatedSignIn, SeededUser)}) and
 * mint tokens ({@link #tokens()}).
 *
 * <pre>{@code
 * InMemoryUserProfileService fake = InMemoryUserProfileService.builder().clock(clock).build();
 * SeededUser ada = fake.seed(TestUsers.google("ada@example.com"));
 * UserProfile profile = fake.getProfile(ada.verifiedUser());
 * }</pre>
 */
public final class InMemoryUserProfileService implements UserProfileService {

  private final InMemoryServiceSettings settings;
  private final FallbackProfiles fallbacks;
  private final UserDirectory directory;
  private final MfaDirectory mfa;
  private final AuthenticatorApps authenticators;
  private final PasskeyRegistry passkeys;
  private final SessionIssuer sessions;
  private final FederationBroker federation;
  private final ProfileStore profiles;
  private final ProfileAdmin admin;
  private final TestTokens tokens;
  /** State, nonce and PKCE verifier of federated sign-ins, made as the AWS implementation makes them. */
  private final SecureRandom random = new SecureRandom();

  private InMemoryUserProfileService(InMemoryServiceSettings settings) {
    this.settings = settings;
    Clock clock = settings.clock();
    this.directory = new UserDirectory(clock, settings.fixedConfirmationCodeOrNull(), UserDirectory.poolNameOf(settings.issuer()));
    this.mfa = new MfaDirectory(clock, settings.fixedConfirmationCodeOrNull());
    this.authenticators = new AuthenticatorApps(clock);
    mfa.useAuthenticators(authenticators);
    mfa.usePool(settings.mfaConfiguration(), settings.mfaMethods(), poolId(settings));
    // The relying party is the hosted UI domain, as Cognito's default is the user pool domain.
    this.passkeys = new PasskeyRegistry(clock, settings.hostedUiDomain().map(URI::getHost).orElse("localhost"),
        settings.issuer().substring(settings.issuer().lastIndexOf('/') + 1));
    mfa.usePasskeys(passkeys);
    this.fallbacks = new FallbackProfiles(
        settings.policy() == ProfilePolicy.defaults() ? AttributeMapper.defaults() : AttributeMapper.withPolicy(settings.policy()), directory);
    this.sessions = new SessionIssuer(settings.issuer(), settings.clientId(), clock, settings.idTokenLifetime(),
        settings.accessTokenLifetime(), settings.refreshTokenLifetime(), settings.refreshTokenRotation());
    this.federation = new FederationBroker(clock);
    this.profiles = new ProfileStore(clock, settings.policy());
    this.admin = new InMemoryAdmin(profiles, settings.policy(), fallbacks::ofUserId, this::signOutEverywhereById,
        this::deleteAccountOf, directory, sessions::signOutEverywhere, mfa);
    this.tokens = TestTokens.forUserPool(settings.issuer(), settings.clientId(), clock, settings.idTokenLifetime());
  }

  /**
   * Returns a builder with test defaults: system clock, default policy, {@link
   * TestTokens#DEFAULT_ISSUER}, {@link TestTokens#DEFAULT_CLIENT_ID}, Cognito's default token
   * lifetimes, random six-digit codes.
   *
   * @return the builder
   */
  public static InMemoryServiceSettings.Builder builder() {
    return InMemoryServiceSettings.builder(InMemoryUserProfileService::new);
  }

  /**
   * Returns a service with every default.
   *
   * @return the service
   */
  public static InMemoryUserProfileService create() {
    return builder().build();
  }

  // ---------------------------------------------------------------- test affordances

  /** The user pool, for the contract hooks of this package's tests (SRP claim counts). */
  UserDirectory directory() {
    return directory;
  }

  /**
   * Adds a user, as if they had signed up (email users) or signed in once through their provider
   * (Google, Apple).
   *
   * @param user the fixture
   * @return a handle to sign in as the user or mint tokens for them
   * @throws dev.profilekit.UserAlreadyExistsException if the username or user id is taken
   */
  public SeededUser seed(TestUser user) {
    Map<String, String> attributes = user.attributes();
    String userId = user.fixedUserId().orElseGet(() -> UUID.randomUUID().toString());
    Instant now = settings.clock().instant();
    boolean federated = user.provider().kind() != IdentityProvider.Kind.COGNITO;
    String username = federated ? user.provider().name() + "_" + user.providerUserId() : UserDirectory.checkEmail(user.email());
    List<LinkedIdentity> identities = federated
        ? List.of(LinkedIdentity.builder().provider(user.provider()).providerUserId(user.providerUserId()).linkedAt(now).build())
        : List.of();
    PasswordHasher.PasswordHash hash = federated ? null
        : directory.hashPassword(userId, user.temporaryPasswordValue().orElse(user.password()));
    UserRecord record = directory.seed(new UserRecord(userId, username, attributes, hash, user.confirmed(),
        user.temporaryPasswordValue().isPresent(), user.provider(), identities, user.groupNames(), now, null, null, true, false));
    String password = federated || user.temporaryPasswordValue().isPresent() ? null : user.password();
    return new SeededUser(this, record.subject(null), user.provider(), user.email(), password);
  }

  /**
   * Signs a seeded user in without a password or provider round trip.
   *
   * @param user a user seeded into this service
   * @return a fresh session
   */
  public AuthSession signInAs(SeededUser user) {
    UserRecord record = directory.byId(user.userId());
    if (record == null) {
      throw new IllegalArgumentException("the user was not seeded into this service");
    }
    return sessions.issue(record.subject(null), null);
  }

  /**
   * Returns the last sign-up confirmation code sent to an email, like reading the user's inbox.
   *
   * @param email the email
   * @return the code, if one was sent
   */
  public Optional<String> lastConfirmationCode(String email) {
    return directory.lastConfirmationCode(email);
  }

  /**
   * Returns the last sign-in code sent to a user by text message or email (an SMS or email MFA
   * code), like reading their phone or inbox.
   *
   * @param email the user's email (their username)
   * @return the code, if one was sent
   */
  public Optional<String> lastSignInCode(String email) {
    return mfa.lastCode(RequestChecks.requiredText(email, "email"));
  }

  /**
   * Returns the temporary password of the last invitation {@code admin().createUser} sent to an
   * email, like reading the user's inbox.
   *
   * @param email the email
   * @return the temporary password, if an invitation was sent
   */
  public Optional<String> lastInvitationPassword(String email) {
    return directory.lastInvitation(email);
  }

  /**
   * Returns the last password reset code sent to an email (by {@code forgotPassword} or an
   * administrator's {@code resetPassword}).
   *
   * @param email the email
   * @return the code, if one was sent
   */
  public Optional<String> lastPasswordResetCode(String email) {
    return directory.lastResetCode(email);
  }

  /**
   * Returns the last code "sent" to a new email by {@link #requestEmailChange(AuthSession, String)}.
   *
   * @param newEmail the new email
   * @return the code, if one was sent
   */
  public Optional<String> lastEmailChangeCode(String newEmail) {
    return directory.lastEmailChangeCode(newEmail);
  }

  /**
   * Plays the browser and the identity provider: takes a started federated sign-in to the hosted
   * UI, authenticates the seeded user there, and returns what arrives at the redirect URI.
   *
   * @param pending what {@link #federatedSignIn(IdentityProvider, URI)} returned
   * @param user a Google, Apple or OIDC user seeded into this service, of the pending provider
   * @return the callback with a one-time code and the request's state
   */
  public FederatedCallback federatedCallbackFor(PendingFederatedSignIn pending, SeededUser user) {
    Map<String, String> query = HostedUi.query(pending.authorizationUri());
    if (!user.provider().name().equals(query.get("identity_provider"))) {
      throw new IllegalArgumentException("the sign-in was started for " + query.get("identity_provider") + ", not " + user.provider());
    }
    if (directory.byId(user.userId()) == null) {
      throw new IllegalArgumentException("the user was not seeded into this service");
    }
    String code = federation.issueCode(user.userId(), query.get("code_challenge"), query.get("redirect_uri"), query.get("nonce"));
    return FederatedCallback.builder().code(code).state(query.get("state")).build();
  }

  /**
   * Returns a minter of tokens this service accepts (same issuer, client id, key and clock).
   *
   * @return the minter
   */
  public TestTokens tokens() {
    return tokens;
  }

  /**
   * Returns the settings this service was built with.
   *
   * @return the settings
   */
  public InMemoryServiceSettings settings() {
    return settings;
  }

  // ---------------------------------------------------------------- sign-up and passwords

  @Override
  public SignUpResult signUp(SignUpRequest request) {
    UserRecord user = directory.signUp(RequestChecks.required(request, "request"));
    return SignUpResult.builder().userId(user.userId()).confirmed(false).codeDeliveryDestination(HostedUi.mask(user.email())).build();
  }

  @Override
  public void confirmSignUp(String username, String code) {
    directory.confirm(username, code);
    directory.byUsername(username).ifPresent(user -> mfa.confirmedSignUp(user.userId()));
  }

  @Override
  public void resendConfirmationCode(String username) {
    directory.resendConfirmationCode(username);
  }

  @Override
  public void forgotPassword(String username) {
    directory.forgotPassword(username);
  }

  @Override
  public void confirmForgotPassword(String username, String code, String newPassword) {
    directory.confirmForgotPassword(username, code, newPassword);
  }

  @Override
  public void changePassword(AuthSession session, String currentPassword, String newPassword) {
    VerifiedUser user = accessUser(session, Call.CHANGING_THE_PASSWORD);
    directory.changePassword(user.userId(), currentPassword, newPassword);
  }

  @Override
  public void setMfaPreference(AuthSession session, MfaPreference preference) {
    VerifiedUser user = accessUser(session, Call.SETTING_THE_MFA_PREFERENCE);
    RequestChecks.required(preference, "preference");
    UserRecord record = directory.byId(user.userId());
    if (record == null) {
      throw new InvalidCredentialsException("The user of this session no longer exists");
    }
    mfa.setPreference(record, preference);
  }

  @Override
  public TotpEnrolment startTotpEnrolment(AuthSession session) {
    VerifiedUser user = accessUser(session, Call.ENROLLING_AN_APP);
    String secret = authenticators.associate(existingUser(user).userId());
    // The issuer apps show: the user pool id, as the AWS implementation's default.
    return TotpEnrolment.of(TotpUris.otpauthUri(poolId(settings), TotpUris.account(user), secret), secret);
  }

  private static String poolId(InMemoryServiceSettings settings) {
    return settings.issuer().substring(settings.issuer().lastIndexOf('/') + 1);
  }

  @Override
  public void verifyTotpEnrolment(AuthSession session, String code) {
    VerifiedUser user = accessUser(session, Call.ENROLLING_AN_APP);
    authenticators.verify(existingUser(user).userId(), code);
  }

  // ---------------------------------------------------------------- passkeys

  @Override
  public String startPasskeyRegistration(AuthSession session) {
    UserRecord user = existingUser(accessUser(session, Call.REGISTERING_A_PASSKEY));
    return passkeys.startRegistration(user.userId(), user.username());
  }

  @Override
  public void completePasskeyRegistration(AuthSession session, String credentialJson) {
    UserRecord user = existingUser(accessUser(session, Call.REGISTERING_A_PASSKEY));
    passkeys.completeRegistration(user.userId(), credentialJson);
  }

  @Override
  public List<dev.profilekit.Passkey> listPasskeys(AuthSession session) {
    UserRecord user = existingUser(accessUser(session, Call.MANAGING_PASSKEYS));
    return passkeys.list(user.userId());
  }

  @Override
  public void deletePasskey(AuthSession session, String credentialId) {
    UserRecord user = existingUser(accessUser(session, Call.MANAGING_PASSKEYS));
    passkeys.delete(user.userId(), credentialId);
  }

  /** The user of a session's access token, verified as every token-authorised call needs. */
  private VerifiedUser accessUser(AuthSession session, Call call) {
    return AccessTokenCalls.accessUser(sessions.verify(RequestChecks.required(session, RequestChecks.SESSION).accessToken()), call);
  }

  private UserRecord existingUser(VerifiedUser user) {
    UserRecord record = directory.byId(user.userId());
    if (record == null) {
      throw new InvalidCredentialsException("The user of this session no longer exists");
    }
    return record;
  }

  // ---------------------------------------------------------------- sign-in and sessions

  @Override
  public SignInStep signIn(String username, String password) {
    UserRecord user = directory.authenticate(username, password);
    if (user.mustChangePassword()) {
      return new SignInStep.NewPasswordRequired(
          ChallengeSession.of("NEW_PASSWORD_REQUIRED", user.username(), directory.openNewPasswordChallenge(user)), Set.of());
    }
    Optional<SignInStep.Pending> secondFactor = mfa.afterPassword(user);
    if (secondFactor.isPresent()) {
      return secondFactor.get();
    }
    return new SignInStep.Done(sessions.issue(user.subject(null), null));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Every user pool factor is allowed; a user is offered the password ones with a password, an
   * email code with an email, a text-message code with a {@code phone_number}, a passkey with one
   * registered ({@link #completePasskeyRegistration}).
   */
  @Override
  public SignInStep signInWith(String username, FirstFactor preferred) {
    UserRecord user = directory.byUsername(RequestChecks.requiredText(username, "username"))
        .filter(found -> found.provider().kind() == IdentityProvider.Kind.COGNITO)
        .orElseThrow(() -> new InvalidCredentialsException("Incorrect username or password"));
    Set<FirstFactor> available = FirstFactors.available(EnumSet.allOf(FirstFactor.class), user.passwordHash() != null,
        user.email() != null, user.attributes().get("phone_number") != null, passkeys.has(user.userId()));
    return mfa.startChoice(user, preferred, available);
  }

  @Override
  public SignInStep respond(SignInStep step, SignInAnswer answer) {
    SignInStep.Pending pending = StepAnswers.check(step, answer);
    String challengeName = pending.challenge().challengeName();
    if (pending.kind() != SignInStep.Kind.NEW_PASSWORD_REQUIRED
        && (MfaChallenges.isMfa(challengeName) || FirstFactors.isFirstFactor(challengeName)
            || MfaRequirement.MFA_SETUP.equals(challengeName))) {
      MfaDirectory.Outcome outcome = mfa.answer(pending, answer, directory);
      if (outcome.next() != null) {
        return outcome.next();
      }
      if (outcome.passwordChosen()) {
        // A password first factor is then a password sign-in: same checks, same steps after it.
        return signIn(directory.byId(outcome.userId()).username(), answer.secret().orElseThrow());
      }
      return new SignInStep.Done(sessions.issue(directory.byId(outcome.userId()).subject(null), null));
    }
    if (pending.kind() != SignInStep.Kind.NEW_PASSWORD_REQUIRED) {
      // This fake issues no other step, so no other step's session can be one of its own.
      throw new InvalidCredentialsException("The challenge session is invalid or expired");
    }
    UserRecord user = directory.answerNewPasswordChallenge(pending.challenge().session(), pending.challenge().username(),
        answer.secret().orElseThrow());
    return new SignInStep.Done(sessions.issue(user.subject(null), null));
  }

  @Override
  public AuthSession refresh(AuthSession session) {
    return sessions.refresh(RequestChecks.refreshToken(session), userId -> {
      UserRecord user = directory.byId(userId);
      return user == null ? null : user.subject(null);
    });
  }

  @Override
  public void signOut(AuthSession session) {
    String refreshToken = RequestChecks.refreshToken(session);
    sessions.signOut(refreshToken, session.accessToken());
  }

  @Override
  public void signOutEverywhere(AuthSession session) {
    VerifiedUser user = accessUser(session, Call.SIGNING_OUT_EVERYWHERE);
    sessions.signOutEverywhere(user.userId());
  }

  @Override
  public VerifiedUser verify(String token) {
    return sessions.verify(token);
  }

  // ---------------------------------------------------------------- federated sign-in

  @Override
  public PendingFederatedSignIn federatedSignIn(IdentityProvider provider, URI redirectUri) {
    URI domain = hostedUiDomain();
    RequestChecks.required(provider, "provider");
    RedirectUris.check("redirectUri", redirectUri);
    if (!settings.callbackUrls().isEmpty() && !settings.callbackUrls().contains(redirectUri)) {
      throw new InvalidRequestException("redirectUri", RequestChecks.REGISTERED_CALLBACK, "one of the app client's callback URLs");
    }
    String state = Pkce.randomValue(random);
    String nonce = Pkce.randomValue(random);
    String verifier = Pkce.randomValue(random);
    return PendingFederatedSignIn.builder()
        .authorizationUri(HostedUi.authorizeUri(settings, domain, provider.name(), redirectUri, state, nonce, Pkce.s256Challenge(verifier)))
        .redirectUri(redirectUri)
        .providerName(provider.name())
        .state(state)
        .nonce(nonce)
        .codeVerifier(verifier)
        .build();
  }

  @Override
  public AuthSession completeFederatedSignIn(PendingFederatedSignIn pending, FederatedCallback callback) {
    hostedUiDomain(); // refused first without one, as on AWS; the code exchange itself needs no URL here
    RequestChecks.required(pending, "pending");
    RequestChecks.required(callback, "callback");
    if (callback.error().isPresent()) {
      throw ProviderText.callbackRefusal(callback);
    }
    if (!Pkce.constantTimeEquals(pending.state(), callback.state().orElse(null))) {
      throw new FederatedSignInException("state_mismatch", "The callback's state does not match the sign-in that was started");
    }
    String code = callback.code().orElseThrow(() -> new FederatedSignInException("missing_code", "The callback carries no code"));
    FederationBroker.Grant grant = federation.redeem(code, pending.redirectUri().toString(), pending.codeVerifier());
    UserRecord user = directory.byId(grant.userId());
    if (user == null) {
      throw new FederatedSignInException("invalid_grant", "The user of this code no longer exists");
    }
    AuthSession session = sessions.issue(user.subject(null), grant.nonce());
    Object nonce = sessions.checker().verifiedClaims(session.idToken()).getClaim("nonce");
    if (!(nonce instanceof String value) || !Pkce.constantTimeEquals(pending.nonce(), value)) {
      throw new TokenRejectedException(TokenRejectedException.Reason.NONCE_MISMATCH, "The ID token's nonce is not this sign-in's");
    }
    captureProviderAttributes(session.user());
    return session;
  }

  /**
   * Keeps what the provider said at this sign-in, as the AWS implementation does: a first sign-in
   * stores the profile built from it (Apple sends the name only once), a later one fills only the
   * fields the stored profile lacks, so nothing the user edited is overwritten.
   */
  private void captureProviderAttributes(VerifiedUser user) {
    UserProfile stored = profiles.get(user.userId());
    try {
      if (stored == null) {
        profiles.update(user.userId(), ProfileUpdate.builder().expectedVersion(0L).build(), () -> fallbacks.of(user));
      } else {
        ProfileUpdate missing = fallbacks.mapper().fillMissingFields(stored, FallbackProfiles.idTokenAttributes(user));
        if (!missing.isEmpty()) {
          profiles.update(user.userId(), missing, () -> stored);
        }
      }
    } catch (VersionConflictException concurrent) {
      // Another write got there first; what it stored wins, as a user's edit would.
    }
  }

  @Override
  public URI logoutUri(URI logoutRedirectUri) {
    URI domain = hostedUiDomain();
    return HostedUi.logoutUri(settings, domain, RedirectUris.check("logoutRedirectUri", logoutRedirectUri));
  }

  private URI hostedUiDomain() {
    return HostedUiRequirement.required(settings.hostedUiDomain(), "InMemoryServiceSettings.builder().hostedUiDomain(...)");
  }

  // ---------------------------------------------------------------- profiles

  @Override
  public UserProfile getProfile(VerifiedUser user) {
    RequestChecks.required(user, RequestChecks.USER);
    sessions.checker().checkNotRevoked(user);
    UserProfile stored = profiles.get(user.userId());
    return stored != null ? stored : fallbacks.of(user);
  }

  @Override
  public UserProfile updateProfile(VerifiedUser user, ProfileUpdate update) {
    RequestChecks.required(user, RequestChecks.USER);
    settings.policy().validateUserUpdate(RequestChecks.required(update, RequestChecks.UPDATE));
    return profiles.update(user.userId(), update, () -> fallbacks.of(user));
  }

  @Override
  public void deleteProfile(VerifiedUser user) {
    profiles.delete(RequestChecks.required(user, RequestChecks.USER).userId());
  }

  @Override
  public void deleteProfile(VerifiedUser user, long expectedVersion) {
    profiles.delete(RequestChecks.required(user, RequestChecks.USER).userId(), ExpectedVersions.forDelete(expectedVersion));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The access token is verified as Cognito's {@code DeleteUser} would; the steps then run in
   * {@link AccountDeletion}'s order, as in the AWS implementation.
   */
  @Override
  public void deleteAccount(AuthSession session) {
    VerifiedUser user = accessUser(session, Call.DELETING_AN_ACCOUNT);
    deleteAccountOf(user.userId());
  }

  private void deleteAccountOf(String userId) {
    AccountDeletion.run(new AccountDeletion.Steps() {
      @Override
      public void deleteIdentity() {
        directory.delete(userId);
        mfa.forget(userId);
        authenticators.forget(userId);
        passkeys.forget(userId);
      }

      @Override
      public void eraseProfile(Instant deletedAt, Instant tombstoneExpiresAt) {
        profiles.eraseAccount(userId);
        sessions.forgetDeletedUser(userId);
      }
    }, settings.clock().instant());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The access token is verified as Cognito's {@code UpdateUserAttributes} would; the user's
   * email then stays as it is until the change is confirmed.
   */
  @Override
  public void requestEmailChange(AuthSession session, String newEmail) {
    VerifiedUser user = accessUser(session, Call.CHANGING_THE_EMAIL);
    directory.requestEmailChange(user.userId(), EmailChange.newEmail(newEmail));
    followIdentityEmail(user.userId());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The steps run in {@link EmailChange}'s order, as in the AWS implementation.
   */
  @Override
  public void confirmEmailChange(AuthSession session, String code) {
    VerifiedUser user = accessUser(session, Call.CHANGING_THE_EMAIL);
    String checkedCode = EmailChange.code(code);
    EmailChange.confirm(new EmailChange.Steps() {
      @Override
      public void verifyAtIdentity(String verified) {
        directory.confirmEmailChange(user.userId(), verified);
      }

      @Override
      public void followIdentity() {
        followIdentityEmail(user.userId());
      }
    }, checkedCode);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The access token is verified as Cognito's {@code GetUser} would; the document is written by
   * {@link AccountExports}, as the AWS implementation's is.
   */
  @Override
  public AccountExport exportAccount(AuthSession session) {
    VerifiedUser user = accessUser(session, Call.EXPORTING_AN_ACCOUNT);
    UserRecord record = directory.byId(user.userId());
    if (record == null) {
      throw new UserNotFoundException("No user with this id in the user pool");
    }
    return AccountExports.ofSelf(user.userId(), record.username(), record.account().attributes(),
        Optional.ofNullable(profiles.get(user.userId())), settings.clock().instant());
  }

  private void followIdentityEmail(String userId) {
    UserRecord identity = directory.byId(userId);
    if (identity != null) {
      profiles.followEmail(userId, Optional.ofNullable(identity.email()),
          "true".equals(identity.attributes().get("email_verified")));
    }
  }

  @Override
  public ProfileAdmin admin() {
    return admin;
  }

  @Override
  public ProfilePolicy policy() {
    return settings.policy();
  }

  /** Nothing to release: the service holds only memory. */
  @Override
  public void close() {}

  private void signOutEverywhereById(String userId) {
    if (directory.byId(userId) == null) {
      throw new UserNotFoundException("No user with this id");
    }
    sessions.signOutEverywhere(userId);
  }

}
