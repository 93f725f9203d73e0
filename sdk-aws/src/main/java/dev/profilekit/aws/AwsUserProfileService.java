package dev.profilekit.aws;

import dev.profilekit.AccountExport;
import dev.profilekit.AttributeMapper;
import dev.profilekit.AuthSession;
import dev.profilekit.ClientConfigurationException;
import dev.profilekit.FederatedCallback;
import dev.profilekit.IdentityProvider;
import dev.profilekit.InvalidRequestException;
import dev.profilekit.FirstFactor;
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
import dev.profilekit.UserProfile;
import dev.profilekit.TotpEnrolment;
import dev.profilekit.UserProfileService;
import dev.profilekit.VerifiedUser;
import dev.profilekit.aws.cognito.internal.AuthOutcome;
import dev.profilekit.aws.cognito.internal.CognitoAuth;
import dev.profilekit.aws.cognito.internal.CognitoMfaPreferences;
import dev.profilekit.aws.cognito.internal.CognitoOwnUser;
import dev.profilekit.aws.cognito.internal.CognitoSignIn;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.aws.cognito.internal.CognitoTokens;
import dev.profilekit.aws.cognito.internal.RotatingRefresh;
import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import dev.profilekit.aws.dynamodb.internal.StoredItem;
import dev.profilekit.aws.federated.CognitoHostedUi;
import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import dev.profilekit.aws.jwt.RevocationCache;
import dev.profilekit.aws.jwt.UserRevocations;
import dev.profilekit.internal.HostedUiRequirement;
import dev.profilekit.internal.AccessTokenCalls;
import dev.profilekit.internal.AccessTokenCalls.Call;
import dev.profilekit.internal.AccountDeletion;
import dev.profilekit.internal.AccountExports;
import dev.profilekit.internal.ExpectedVersions;
import dev.profilekit.internal.RefreshRotation;
import dev.profilekit.internal.RequestChecks;
import dev.profilekit.internal.TotpUris;
import dev.profilekit.internal.SignOutRule;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The AWS implementation of {@link UserProfileService}: sign-in with a Cognito user pool, profiles
 * in a DynamoDB table, tokens verified locally.
 *
 * <pre>{@code
 * UserProfileService profiles = AwsUserProfileService.builder()
 *     .cognito(CognitoIdentityProviderClient.create())
 *     .dynamoDb(DynamoDbClient.create())
 *     .userPoolId("eu-west-1_AbCdEf123")
 *     .appClientId("4h3k2j1example")
 *     .tableName("profiles")
 *     .build();
 * }</pre>
 *
 * <p>Costs per call are listed on {@link UserProfileService}: a stored profile is read with one
 * {@code GetItem} and written with one {@code UpdateItem}, never by read-modify-write; Cognito is
 * called only for authentication and, for users without a stored profile who present an access
 * token, one attribute lookup. The table format is described in {@code docs/storage.md} and by
 * {@link dev.profilekit.aws.dynamodb.internal.ProfileAttributes}.
 *
 * <p>Failures are ProfileKit exceptions: see {@link dev.profilekit.aws.cognito.internal.CognitoErrors} and
 * {@link dev.profilekit.aws.dynamodb.internal.DynamoDbErrors}. The service retries nothing itself; the AWS
 * SDK clients' retry policies apply. Thread-safe. {@link #close()} closes nothing the caller
 * passed in.
 */
public final class AwsUserProfileService implements UserProfileService {

  private final CognitoAuth auth;
  private final CognitoSignIn signIn;
  private final ProfileStore store;
  private final CognitoTokenVerifier verifier;
  private final ProfileFallback fallback;
  private final ProfilePolicy policy;
  private final Clock clock;
  private final boolean writeFallbackOnRead;
  private final Optional<CognitoHostedUi> hostedUi;
  private final AwsProfileAdmin admin;
  private final SignInCapture signInCapture;
  private final RevocationRecords revocations;
  private final CognitoMfaPreferences mfaPreferences;
  private final EmailChangeFlow emailChange;
  private final Optional<RotatingRefresh> rotatingRefresh;

  private AwsUserProfileService(ServiceWiring.Parts parts) {
    this.auth = parts.auth();
    this.signIn = parts.signIn();
    this.store = parts.store();
    this.verifier = parts.verifier();
    this.policy = parts.policy();
    this.clock = parts.clock();
    this.writeFallbackOnRead = parts.writeFallbackOnRead();
    this.hostedUi = parts.hostedUi();
    this.revocations = parts.revocations();
    this.mfaPreferences = parts.userAdmin().mfaPreferences();
    this.rotatingRefresh = parts.rotatingRefresh();
    AttributeMapper mapper = AttributeMapper.withPolicy(policy);
    this.fallback = new ProfileFallback(mapper, auth);
    this.signInCapture = new SignInCapture(store, fallback, mapper, clock);
    this.admin = new AwsProfileAdmin(store, revocations, fallback, auth, parts.userAdmin(), policy, clock);
    this.emailChange = new EmailChangeFlow(auth.emailChange(), store, verifier, clock);
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- sign-up and passwords

  @Override
  public SignUpResult signUp(SignUpRequest request) {
    return auth.signUp(request);
  }

  @Override
  public void confirmSignUp(String username, String code) {
    auth.confirmSignUp(username, code);
  }

  @Override
  public void resendConfirmationCode(String username) {
    auth.resendConfirmationCode(username);
  }

  @Override
  public void forgotPassword(String username) {
    auth.forgotPassword(username);
  }

  @Override
  public void confirmForgotPassword(String username, String code, String newPassword) {
    auth.confirmForgotPassword(username, code, newPassword);
  }

  @Override
  public void changePassword(AuthSession session, String currentPassword, String newPassword) {
    auth.changePassword(accessToken(session, Call.CHANGING_THE_PASSWORD), currentPassword, newPassword);
  }

  @Override
  public void setMfaPreference(AuthSession session, MfaPreference preference) {
    String accessToken = accessToken(session, Call.SETTING_THE_MFA_PREFERENCE);
    RequestChecks.required(preference, "preference");
    mfaPreferences.setWithToken(accessToken, preference);
  }

  @Override
  public TotpEnrolment startTotpEnrolment(AuthSession session) {
    // Verified locally first, as on the in-memory service: a signed-out session is REVOKED
    // whether or not Cognito knows of the sign-out (origin_jti), an ID token WRONG_TOKEN_USE.
    String accessToken = accessToken(session, Call.ENROLLING_AN_APP);
    return signIn.totpEnrolment().start(accessToken, TotpUris.account(session.user()));
  }

  @Override
  public void verifyTotpEnrolment(AuthSession session, String code) {
    signIn.totpEnrolment().verify(accessToken(session, Call.ENROLLING_AN_APP), code);
  }

  /**
   * The session's access token, verified locally (signature, expiry, revocation) and refused when
   * it is not an access token, before Cognito is called with it.
   */
  private String accessToken(AuthSession session, Call call) {
    String accessToken = RequestChecks.required(session, RequestChecks.SESSION).accessToken();
    accessUser(accessToken, call);
    return accessToken;
  }

  /** The user an access token speaks for, verified locally and refused when it is not an access token. */
  private VerifiedUser accessUser(String accessToken, Call call) {
    return AccessTokenCalls.accessUser(verifier.verify(accessToken), call);
  }

  // ---------------------------------------------------------------- passkeys

  @Override
  public String startPasskeyRegistration(AuthSession session) {
    return signIn.passkeys().startRegistration(accessToken(session, Call.REGISTERING_A_PASSKEY));
  }

  @Override
  public void completePasskeyRegistration(AuthSession session, String credentialJson) {
    signIn.passkeys().completeRegistration(accessToken(session, Call.REGISTERING_A_PASSKEY), credentialJson);
  }

  @Override
  public java.util.List<dev.profilekit.Passkey> listPasskeys(AuthSession session) {
    return signIn.passkeys().list(accessToken(session, Call.MANAGING_PASSKEYS));
  }

  @Override
  public void deletePasskey(AuthSession session, String credentialId) {
    signIn.passkeys().delete(accessToken(session, Call.MANAGING_PASSKEYS), credentialId);
  }

  // ---------------------------------------------------------------- sign-in and sessions

  @Override
  public SignInStep signIn(String username, String password) {
    return step(signIn.signIn(username, password));
  }

  @Override
  public SignInStep signInWith(String username, FirstFactor preferred) {
    return step(signIn.signInWith(username, preferred));
  }

  @Override
  public SignInStep respond(SignInStep step, SignInAnswer answer) {
    return step(signIn.respond(step, answer));
  }

  /**
   * {@inheritDoc}
   *
   * <p>With {@link Builder#refreshTokenRotation(boolean) refreshTokenRotation(true)}: 1 {@code
   * GetTokensFromRefreshToken}, and the returned session holds the new refresh token Cognito
   * answers (or the same one, when the app client does not rotate).
   */
  @Override
  public AuthSession refresh(AuthSession session) {
    String refreshToken = RequestChecks.refreshToken(session);
    if (rotatingRefresh.isPresent()) {
      CognitoTokens tokens = rotatingRefresh.get().refresh(refreshToken);
      return session(tokens, Optional.of(RefreshRotation.refreshTokenAfter(refreshToken, tokens.refreshToken())));
    }
    CognitoTokens tokens = auth.refresh(refreshToken, session.user().username());
    return session(tokens, Optional.of(refreshToken));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The session is recorded as revoked first (its {@code origin_jti}, on the user's item, until
   * none of its tokens can verify any more), so that its tokens are refused even when the Cognito
   * call fails; then Cognito revokes the refresh token.
   */
  @Override
  public void signOut(AuthSession session) {
    String refreshToken = RequestChecks.refreshToken(session);
    Instant now = clock.instant();
    SignOutRule.sessionToRevoke(() -> verifier.verify(session.accessToken())).ifPresent(user ->
        revocations.revokeSession(user.userId(), user.originJti().orElseThrow(), SignOutRule.sessionRecordExpiry(now, user), now));
    auth.revoke(refreshToken);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The revocation is recorded first (the sign-out instant), so that it holds even when the
   * Cognito call fails.
   */
  @Override
  public void signOutEverywhere(AuthSession session) {
    // The user whose sessions end is the verified token's, never the session's own claim of it.
    String accessToken = RequestChecks.required(session, RequestChecks.SESSION).accessToken();
    VerifiedUser user = accessUser(accessToken, Call.SIGNING_OUT_EVERYWHERE);
    revocations.signOutEverywhere(user.userId(), clock.instant());
    auth.globalSignOut(accessToken);
  }

  @Override
  public VerifiedUser verify(String token) {
    return verifier.verify(token);
  }

  // ---------------------------------------------------------------- federated sign-in

  @Override
  public PendingFederatedSignIn federatedSignIn(IdentityProvider provider, URI redirectUri) {
    return hostedUi().start(provider, redirectUri);
  }

  /**
   * {@inheritDoc}
   *
   * <p>If the profile table fails while the provider's attributes are captured, the exception
   * ({@link dev.profilekit.ServiceUnavailableException}...) propagates and the session is not
   * returned: the sign-in has to start again.
   */
  @Override
  public AuthSession completeFederatedSignIn(PendingFederatedSignIn pending, FederatedCallback callback) {
    AuthSession session = hostedUi().complete(pending, callback);
    signInCapture.capture(session.user());
    return session;
  }

  @Override
  public URI logoutUri(URI logoutRedirectUri) {
    return hostedUi().logoutUri(logoutRedirectUri);
  }

  private CognitoHostedUi hostedUi() {
    return HostedUiRequirement.required(hostedUi, "AwsUserProfileService.builder().hostedUiDomain(...)");
  }

  // ---------------------------------------------------------------- profiles

  /**
   * {@inheritDoc}
   *
   * <p>The same {@code GetItem} also reads the user's revocation records: a user whose token was
   * issued before their last sign-out everywhere, or whose session was signed out, is rejected
   * with {@link TokenRejectedException.Reason#REVOKED}.
   * With {@link Builder#writeFallbackOnRead(boolean)}, a fallback is stored
   * on first read (1 more {@code UpdateItem}).
   */
  @Override
  public UserProfile getProfile(VerifiedUser user) {
    VerifiedUser checked = RequestChecks.required(user, RequestChecks.USER);
    StoredItem item = readItem(checked.userId());
    if (SignOutRule.revokes(item.tokensValidAfter().orElse(null), item.revokedSessions(), checked)) {
      throw new TokenRejectedException(TokenRejectedException.Reason.REVOKED, "The token was issued before the user signed out, or its session was signed out");
    }
    return profileOf(checked, item);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The token is checked locally (signature, claims, the verifier's custom check), then its
   * revocation is judged from the records of the one {@code GetItem} that reads the profile, in
   * place of the verifier's own revocation lookup: the verdict is the table's, never older than
   * the read, whatever the revocation cache holds, and the read refreshes the cache. The profile
   * table is where this service records every sign-out, so this holds for a {@link
   * Builder#tokenVerifier(CognitoTokenVerifier) verifier passed in} as well, and with {@link
   * Builder#revocationChecks(boolean) revocationChecks(false)} (as {@link #getProfile} always
   * checks the records it reads).
   */
  @Override
  public UserProfile verifyAndGetProfile(String token) {
    StoredItem[] read = new StoredItem[1];
    VerifiedUser user = verifier.verify(token, verified -> {
      read[0] = readItem(verified.userId());
      return new UserRevocations(read[0].tokensValidAfter(), read[0].revokedSessions());
    });
    return profileOf(user, read[0]);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The token is checked locally (signature, claims, the verifier's custom check), and the
   * write's condition refuses a token the user's records revoke ({@code REVOKED}, told apart from a
   * version conflict by the stored item AWS returns with the failed condition), in place of the
   * verifier's own revocation lookup: no revocation request, whatever the cache holds. As for
   * {@link #verifyAndGetProfile(String)}, this holds for a verifier passed in and with revocation
   * checks off too. On an emulator that returns no item with a failed condition (dynalite), a
   * refused write costs 1 {@code GetItem} more to tell why.
   */
  @Override
  public UserProfile verifyAndUpdateProfile(String token, ProfileUpdate update) {
    // The write happens inside the verification, after every local check, as its revocation check.
    UserProfile[] written = new UserProfile[1];
    verifier.verify(token, verified -> {
      RequestChecks.required(update, RequestChecks.UPDATE);
      policy.validateUserUpdate(update);
      written[0] = store.updateUnlessRevoked(verified, update, () -> fallback.of(verified), clock.instant());
      // The condition held: the stored records do not revoke the token.
      return UserRevocations.none();
    });
    return written[0];
  }

  /** One {@code GetItem}: the profile and the revocation records, which refresh the cache. */
  private StoredItem readItem(String userId) {
    Instant readStartedAt = clock.instant();
    StoredItem item = store.read(userId);
    revocations.seen(userId, item, readStartedAt);
    return item;
  }

  /** The stored profile of a read item, else the fallback (stored first with write-through). */
  private UserProfile profileOf(VerifiedUser checked, StoredItem item) {
    if (item.profile().isPresent()) {
      return item.profile().get();
    }
    UserProfile built = fallback.of(checked);
    if (!writeFallbackOnRead) {
      return built;
    }
    return store.createIfAbsent(built, clock.instant())
        .orElseGet(() -> store.read(checked.userId()).profile().orElse(built));
  }

  @Override
  public UserProfile updateProfile(VerifiedUser user, ProfileUpdate update) {
    VerifiedUser checked = RequestChecks.required(user, RequestChecks.USER);
    RequestChecks.required(update, RequestChecks.UPDATE);
    policy.validateUserUpdate(update);
    return store.update(checked.userId(), update, () -> fallback.of(checked), clock.instant());
  }

  @Override
  public void deleteProfile(VerifiedUser user) {
    store.delete(RequestChecks.required(user, RequestChecks.USER).userId());
  }

  @Override
  public void deleteProfile(VerifiedUser user, long expectedVersion) {
    store.delete(RequestChecks.required(user, RequestChecks.USER).userId(), ExpectedVersions.forDelete(expectedVersion));
  }

  /**
   * {@inheritDoc}
   *
   * <p>The access token is verified locally first (signature, expiry, revocation), so the user id
   * the deletion acts on is the token's own; Cognito then checks the same token again for {@code
   * DeleteUser}. The steps run in {@link AccountDeletion}'s order.
   */
  @Override
  public void deleteAccount(AuthSession session) {
    String accessToken = RequestChecks.required(session, RequestChecks.SESSION).accessToken();
    VerifiedUser user = accessUser(accessToken, Call.DELETING_AN_ACCOUNT);
    AccountDeletion.run(new AccountDeletion.Steps() {
      @Override
      public void deleteIdentity() {
        auth.deleteUser(accessToken);
      }

      @Override
      public void eraseProfile(Instant deletedAt, Instant tombstoneExpiresAt) {
        revocations.eraseAccount(user.userId(), deletedAt, tombstoneExpiresAt);
      }
    }, clock.instant());
  }

  /**
   * {@inheritDoc}
   *
   * <p>The access token is verified locally first (signature, expiry, revocation); Cognito then
   * checks it again. The stored profile is written only if it disagrees with the email Cognito
   * reads back: with the user pool's keep-original setting, never at this step.
   */
  @Override
  public void requestEmailChange(AuthSession session, String newEmail) {
    emailChange.request(session, newEmail);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The steps run in {@link dev.profilekit.internal.EmailChange}'s order.
   */
  @Override
  public void confirmEmailChange(AuthSession session, String code) {
    emailChange.confirm(session, code);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The access token is verified locally first (signature, expiry, revocation); Cognito then
   * checks it again for {@code GetUser}, and the revocation records of the {@code GetItem} that
   * reads the profile are applied too, as {@link #getProfile} applies them. The document is
   * written by {@link AccountExports}, as the in-memory service's is.
   */
  @Override
  public AccountExport exportAccount(AuthSession session) {
    String accessToken = RequestChecks.required(session, RequestChecks.SESSION).accessToken();
    VerifiedUser user = accessUser(accessToken, Call.EXPORTING_AN_ACCOUNT);
    CognitoOwnUser.OwnUser identity = auth.ownUser().read(accessToken);
    StoredItem item = readItem(user.userId());
    if (SignOutRule.revokes(item.tokensValidAfter().orElse(null), item.revokedSessions(), user)) {
      throw new TokenRejectedException(TokenRejectedException.Reason.REVOKED, "The token was issued before the user signed out, or its session was signed out");
    }
    return AccountExports.ofSelf(user.userId(), identity.username(), identity.attributes(), item.profile(), clock.instant());
  }

  @Override
  public ProfileAdmin admin() {
    return admin;
  }

  @Override
  public ProfilePolicy policy() {
    return policy;
  }

  /** Closes nothing: the clients were passed in by the caller, who closes them. */
  @Override
  public void close() {
    // Nothing of our own holds resources: the AWS clients belong to the caller.
  }

  // ---------------------------------------------------------------- helpers

  private SignInStep step(AuthOutcome outcome) {
    if (outcome.step().isPresent()) {
      return outcome.step().get();
    }
    CognitoTokens tokens = outcome.tokens().orElseThrow();
    return new SignInStep.Done(session(tokens, tokens.refreshToken()));
  }

  private AuthSession session(CognitoTokens tokens, Optional<String> refreshToken) {
    VerifiedUser user = verifier.verify(tokens.idToken());
    return AuthSession.builder()
        .idToken(tokens.idToken())
        .accessToken(tokens.accessToken())
        .refreshToken(refreshToken)
        .expiresAt(tokens.expiresAt())
        .user(user)
        .build();
  }




  @Override
  public String toString() {
    return "AwsUserProfileService[table=" + store.tableName() + (rotatingRefresh.isPresent() ? ", refreshTokenRotation" : "") + "]";
  }

  /**
   * Builds an {@link AwsUserProfileService}. Required: {@code cognito}, {@code dynamoDb}, {@code
   * userPoolId}, {@code appClientId}, {@code tableName}; everything else has a documented default.
   * {@link #build()} names the first missing or invalid setting.
   */
  public static final class Builder {
    CognitoIdentityProviderClient cognito;
    DynamoDbClient dynamoDb;
    String userPoolId;
    String appClientId;
    String appClientSecret;
    String tableName;
    Clock clock = Clock.systemUTC();
    ProfilePolicy policy = ProfilePolicy.defaults();
    boolean writeFallbackOnRead;
    boolean revocationChecks = true;
    Duration revocationStaleness = RevocationCache.DEFAULT_STALENESS;
    boolean consistentReads = true;
    int minimumPasswordLength = 8;
    PasswordAuthFlow passwordFlow = PasswordAuthFlow.USER_SRP_AUTH;
    String totpIssuer;
    CognitoTokenVerifier tokenVerifier;
    URI issuer;
    URI jwksUri;
    URI hostedUiDomain;
    CognitoHostedUi hostedUiInstance;
    boolean refreshTokenRotation;

    private Builder() {}

    /**
     * Sets the Cognito client (authentication calls); not closed by the service.
     *
     * @param cognito the client
     * @return this builder
     */
    public Builder cognito(CognitoIdentityProviderClient cognito) {
      this.cognito = cognito;
      return this;
    }

    /**
     * Sets the DynamoDB client (the profile table); not closed by the service.
     *
     * @param dynamoDb the client
     * @return this builder
     */
    public Builder dynamoDb(DynamoDbClient dynamoDb) {
      this.dynamoDb = dynamoDb;
      return this;
    }

    /**
     * Sets the user pool id, for example {@code eu-west-1_AbCdEf123}.
     *
     * @param userPoolId the pool id
     * @return this builder
     */
    public Builder userPoolId(String userPoolId) {
      this.userPoolId = userPoolId;
      return this;
    }

    /**
     * Sets the app client id.
     *
     * @param appClientId the app client id
     * @return this builder
     */
    public Builder appClientId(String appClientId) {
      this.appClientId = appClientId;
      return this;
    }

    /**
     * Sets the app client secret when the app client has one (default: none); every call that
     * needs it then carries the {@code SECRET_HASH}.
     *
     * @param appClientSecret the secret
     * @return this builder
     */
    public Builder appClientSecret(String appClientSecret) {
      this.appClientSecret = appClientSecret;
      return this;
    }

    /**
     * Sets the profile table's name.
     *
     * @param tableName the table
     * @return this builder
     */
    public Builder tableName(String tableName) {
      this.tableName = tableName;
      return this;
    }

    /**
     * Sets the clock for {@code updatedAt}, token expiry and sign-out records (default: system UTC).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Sets the policy every update is checked against (default {@link ProfilePolicy#defaults()}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(ProfilePolicy policy) {
      this.policy = policy;
      return this;
    }

    /**
     * Sets whether a fallback profile is stored the first time it is read. Default {@code false}:
     * a read stays one {@code GetItem} and needs no write permission, and the row is created by
     * the first update (or by the backfill) anyway.
     *
     * @param writeFallbackOnRead true to store fallbacks on first read
     * @return this builder
     */
    public Builder writeFallbackOnRead(boolean writeFallbackOnRead) {
      this.writeFallbackOnRead = writeFallbackOnRead;
      return this;
    }

    /**
     * Sets whether the verifier built by the service checks "sign out everywhere" records in the
     * profile table (default {@code true}: 1 {@code GetItem} per {@link #verify(String)} of a user
     * whose records are not cached, see {@link #revocationStaleness(Duration)}). Ignored
     * when a {@link #tokenVerifier(CognitoTokenVerifier)} is given.
     *
     * @param revocationChecks false to skip the check
     * @return this builder
     */
    public Builder revocationChecks(boolean revocationChecks) {
      this.revocationChecks = revocationChecks;
      return this;
    }

    /**
     * Sets how long this process reuses a user's revocation records once read (default 5
     * seconds), so that {@link AwsUserProfileService#verify(String)} costs no DynamoDB request
     * while they are fresh. The node that records a sign-out, sign-out everywhere, disable or
     * account deletion applies it to its own cache at once; every other node rejects the revoked
     * tokens at the latest this long after the write. A failed lookup is never answered from an
     * expired entry: the verification fails (fail closed). {@link Duration#ZERO} looks the records
     * up on every verification. At most 1 hour. Applies to the verifier built by the service; ignored
     * with {@link #revocationChecks(boolean) revocationChecks(false)} or a {@link
     * #tokenVerifier(CognitoTokenVerifier)}.
     *
     * @param staleness the bound, from zero to 1 hour
     * @return this builder
     */
    public Builder revocationStaleness(Duration staleness) {
      this.revocationStaleness = staleness;
      return this;
    }

    /**
     * Sets whether profile reads are strongly consistent (default {@code true}, so a read right
     * after an update sees it).
     *
     * @param consistentReads false for eventually consistent, half-price reads
     * @return this builder
     */
    public Builder consistentReads(boolean consistentReads) {
      this.consistentReads = consistentReads;
      return this;
    }

    /**
     * Sets the shortest new password accepted without asking Cognito (default 8); the pool's own
     * policy is still enforced by Cognito.
     *
     * @param minimumPasswordLength 6 to 99
     * @return this builder
     */
    public Builder minimumPasswordLength(int minimumPasswordLength) {
      this.minimumPasswordLength = minimumPasswordLength;
      return this;
    }

    /**
     * Sets how {@link AwsUserProfileService#signIn(String, String)} proves the password (default
     * {@link PasswordAuthFlow#USER_SRP_AUTH}: the password never leaves the service; Cognito's
     * default app client settings allow it). {@link PasswordAuthFlow#USER_PASSWORD_AUTH} needs
     * {@code ALLOW_USER_PASSWORD_AUTH} on the app client and saves one call.
     *
     * @param passwordFlow the flow
     * @return this builder
     */
    public Builder passwordFlow(PasswordAuthFlow passwordFlow) {
      this.passwordFlow = passwordFlow;
      return this;
    }

    /**
     * Sets the issuer name authenticator apps show for a TOTP set up at sign-in (default: the
     * user pool id); usually the app's name.
     *
     * @param totpIssuer the name
     * @return this builder
     */
    public Builder totpIssuer(String totpIssuer) {
      this.totpIssuer = totpIssuer;
      return this;
    }

    /**
     * Sets the token verifier (default: one built for this pool and app client, with the
     * revocation records of the profile table).
     *
     * @param tokenVerifier the verifier
     * @return this builder
     */
    public Builder tokenVerifier(CognitoTokenVerifier tokenVerifier) {
      this.tokenVerifier = tokenVerifier;
      return this;
    }

    /**
     * Sets the user pool's token issuer (default {@code https://cognito-idp.<region>.amazonaws.com/<poolId>},
     * the region taken from the pool id); for emulators and proxies.
     *
     * @param issuer the exact {@code iss} of the pool's tokens
     * @return this builder
     */
    public Builder issuer(URI issuer) {
      this.issuer = issuer;
      return this;
    }

    /**
     * Sets the URL of the pool's key set (default {@code <issuer>/.well-known/jwks.json}).
     *
     * @param jwksUri the JWKS URL
     * @return this builder
     */
    public Builder jwksUri(URI jwksUri) {
      this.jwksUri = jwksUri;
      return this;
    }

    /**
     * Sets the user pool domain of the hosted UI, which enables federated sign-in (default: none,
     * and {@code federatedSignIn}, {@code completeFederatedSignIn} and {@code logoutUri} throw {@link
     * ClientConfigurationException} naming this setting).
     *
     * @param domain for example {@code https://myapp.auth.eu-west-1.amazoncognito.com}
     * @return this builder
     */
    public Builder hostedUiDomain(URI domain) {
      this.hostedUiDomain = domain;
      return this;
    }

    /**
     * Sets a fully configured hosted UI client for federated sign-in, instead of {@link
     * #hostedUiDomain(URI)}.
     *
     * @param hostedUi the hosted UI client
     * @return this builder
     */
    public Builder hostedUi(CognitoHostedUi hostedUi) {
      this.hostedUiInstance = hostedUi;
      return this;
    }

    /**
     * Sets whether {@link AwsUserProfileService#refresh(AuthSession)} uses the refresh flow of app
     * clients with refresh token rotation (default {@code false}: {@code InitiateAuth} {@code
     * REFRESH_TOKEN_AUTH}, the refresh token stays the same). Turn it on when the app client has
     * refresh token rotation enabled, where Cognito refuses {@code REFRESH_TOKEN_AUTH}: each
     * refresh then calls {@code GetTokensFromRefreshToken} (with the app client secret, if any, as
     * {@code ClientSecret}), and the returned session holds the new refresh token; the one given
     * is refused from then on ({@code TokenRejectedException} {@code REVOKED}, after the app
     * client's retry grace period, if it has one). It also works on a client without rotation,
     * whose refresh token then stays the same.
     *
     * @param refreshTokenRotation true when the app client rotates refresh tokens
     * @return this builder
     */
    public Builder refreshTokenRotation(boolean refreshTokenRotation) {
      this.refreshTokenRotation = refreshTokenRotation;
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     * @throws dev.profilekit.InvalidRequestException naming the first missing or invalid setting
     */
    public AwsUserProfileService build() {
      return new AwsUserProfileService(ServiceWiring.wire(this));
    }
  }
}
