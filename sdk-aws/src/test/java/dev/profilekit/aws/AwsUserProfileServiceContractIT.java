package dev.profilekit.aws;

import dev.profilekit.FederatedCallback;
import dev.profilekit.PendingFederatedSignIn;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.UserProfileService;
import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import dev.profilekit.aws.dynamodb.internal.ProfileTableRevocations;
import dev.profilekit.aws.emulators.AwsAnswers;
import dev.profilekit.aws.emulators.CognitoLocalParity;
import dev.profilekit.aws.emulators.EmailChangeAsAws;
import dev.profilekit.aws.emulators.ItemSizeAsAws;
import dev.profilekit.aws.emulators.OriginJtiAsAws;
import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.aws.emulators.SrpAsAws;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import dev.profilekit.emulators.WithEmulators;
import dev.profilekit.aws.federated.CognitoHostedUi;
import dev.profilekit.aws.federated.LoopbackCognitoDomain;
import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import dev.profilekit.testing.TestClock;
import dev.profilekit.testing.UserProfileServiceContract;
import dev.profilekit.testing.contract.ChoiceSignInCases;
import dev.profilekit.testing.contract.MfaCases;
import dev.profilekit.testing.contract.PasskeyCases;
import dev.profilekit.testing.contract.MfaSetupCases;
import dev.profilekit.testing.contract.SrpClaims;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The contract suite against {@link AwsUserProfileService} on dynalite and cognito-local: one user
 * pool and one table for the class, a fresh service per test. Where cognito-local lacks an
 * operation or a check, {@link AwsAnswers} gives AWS's answer ({@link GlobalSignOutAsAws}, {@link
 * PasswordPolicyAsAws}, {@link UserAdministrationAsAws}, {@link MfaAsAws}, {@link UserAuthAsAws}, {@link
 * EmailChangeAsAws}, {@link MfaSetupAsAws} a pool with MFA required (the {@link #mfaRequiredService} of {@link MfaSetupCases}), {@code ResendConfirmationCode}, {@link SrpAsAws} for SRP sign-in, the default flow here), and
 * {@link RefreshRotationAsAws} {@code GetTokensFromRefreshToken} on an app client with refresh token
 * rotation (the {@link #rotatingService} of the rotation cases), {@link OriginJtiAsAws} the {@code
 * origin_jti} claim of AWS's tokens, {@link ItemSizeAsAws} DynamoDB's
 * item-size count; the hosted UI is {@link
 * LoopbackCognitoDomain}, {@link PasskeysAsAws} the passkey calls (and, through {@link UserAuthAsAws}, the
 * {@code WEB_AUTHN} challenge). No capability is declared unsupported.
 */
@WithEmulators
class AwsUserProfileServiceContractIT extends UserProfileServiceContract implements MfaCases, ChoiceSignInCases,
    MfaSetupCases, PasskeyCases {

  private static EmulatorEnvironment env;
  private static CognitoIdentityProviderClient cognito;
  /** The same pool through {@link RefreshRotationAsAws}: an app client with refresh token rotation. */
  private static CognitoIdentityProviderClient rotatingCognito;
  private static DynamoDbClient dynamoDb;
  /** The hosted UI domain no emulator serves, played on loopback; its user pool is a second issuer. */
  private static LoopbackCognitoDomain hostedUiDomain;
  /** AWS's SMS and email MFA, which cognito-local lacks (MfaCases run against it; see MfaAsAws). */
  private static MfaAsAws mfa;
  /** The same pool as a pool with MFA required (MfaSetupCases), which cognito-local cannot be: see MfaSetupAsAws. */
  private static MfaSetupAsAws mfaSetup;
  private static PasskeysAsAws passkeys;
  private static CognitoIdentityProviderClient mfaRequiredCognito;
  /** AWS's SRP server side, which cognito-local lacks; counts the claims it checked. */
  private static SrpAsAws srp;

  @BeforeAll
  static void clients(EmulatorEnvironment environment) throws IOException {
    env = environment;
    // Authenticator apps need a pool with MFA optional and software tokens allowed, on AWS as on
    // cognito-local (which otherwise never asks for a verified, preferred TOTP): TotpCases.
    environment.cognito().setUserPoolMfaConfig(b -> b.userPoolId(environment.userPoolId())
        .mfaConfiguration(UserPoolMfaType.OPTIONAL).softwareTokenMfaConfiguration(t -> t.enabled(true)));
    // AWS's answers where cognito-local has none: global sign-out (with the refresh tokens it
    // revokes), the password policy, and a resent confirmation code (cognito-local's CODE stays
    // the code to confirm with), a disabled user's sign-in and AdminResetUserPassword. Every
    // capability of the contract is then supported.
    AwsAnswers withUserAdministration = new UserAdministrationAsAws(environment.cognito(), environment.userPoolId(),
        environment.appClientId()).addTo(new AwsAnswers());
    // An email change to an email another user has: AWS refuses it (AliasExistsException),
    // cognito-local does not; keeping the original email until verified cognito-local does itself.
    AwsAnswers withEmailChange = new EmailChangeAsAws(environment.cognito(), environment.userPoolId()).addTo(withUserAdministration);
    GlobalSignOutAsAws globalSignOut = new GlobalSignOutAsAws(Clock.systemUTC());
    AwsAnswers aws = PasswordPolicyAsAws.addTo(globalSignOut.addTo(withEmailChange))
        .answer("ResendConfirmationCode", 200,
            "{\"CodeDeliveryDetails\":{\"AttributeName\":\"email\",\"DeliveryMedium\":\"EMAIL\",\"Destination\":\"c***@e***\"}}");
    // cognito-local has no AdminSetUserMFAPreference and no EMAIL_OTP, and fails SMS_MFA set by
    // preference with HTTP 500: MfaAsAws answers MFA sign-ins as AWS does (after the disabled and
    // reset-password refusals above, which AWS checks first).
    mfa = new MfaAsAws(environment.cognito(), environment.userPoolId());
    // cognito-local has no USER_AUTH: UserAuthAsAws answers choice-based sign-ins (its sessions
    // first, so MfaAsAws still refuses the EMAIL_OTP sessions nobody issued).
    // cognito-local has no passkey calls: PasskeysAsAws answers them, in pages of 2 so that listing
    // follows NextToken, and UserAuthAsAws its WEB_AUTHN challenge.
    passkeys = new PasskeysAsAws(environment.cognito(), "localhost", 2);
    passkeys.addTo(aws);
    new UserAuthAsAws(environment.cognito(), environment.userPoolId(), environment.appClientId(), mfa).withPasskeys(passkeys)
        .addTo(aws);
    mfa.addTo(aws);
    // cognito-local answers USER_SRP_AUTH with HTTP 500 Unsupported (SrpAsAwsIT shows it):
    // SrpAsAws plays AWS's PASSWORD_VERIFIER over the passwords it sees set through this client.
    srp = new SrpAsAws(environment.cognito(), environment.userPoolId(), environment.appClientId(), Clock.systemUTC());
    srp.addTo(aws);
    // cognito-local's tokens lack origin_jti, by which signOut revokes a session: OriginJtiAsAws adds it.
    cognito = environment.cognito(new CognitoLocalParity(), aws, new OriginJtiAsAws(), srp);
    // A proven SRP claim signs in with the password through this same client, so the other
    // stand-ins (MFA above all) answer it as they answer a password sign-in.
    srp.signInThrough(cognito);
    // A globally signed-out user's access token is refused by the passkey calls as by GetUser.
    passkeys.lookUpUsersThrough(cognito);
    // The app client with refresh token rotation: cognito-local lacks GetTokensFromRefreshToken,
    // RefreshRotationAsAws answers it as AWS does (a new refresh token each time, the old one refused
    // with RefreshTokenReuseException), forwarding the rest to cognito-local.
    rotatingCognito = environment.cognito(new CognitoLocalParity(), aws,
        new RefreshRotationAsAws(globalSignOut::revokesRefreshToken), new OriginJtiAsAws());
    // A pool with MFA required: cognito-local's refuses the sign-in of a user without MFA (NotAuthorized)
    // and refuses the session-based AssociateSoftwareToken / VerifySoftwareToken of MFA_SETUP
    // (MfaSetupIT shows both); MfaSetupAsAws answers them as AWS does, in front of this same pool.
    mfaSetup = new MfaSetupAsAws(environment.cognito(), environment.userPoolId());
    AwsAnswers mfaRequired = mfaSetup.addTo(new AwsAnswers());
    // Its own SrpAsAws, so the MFA cases sign in by SRP, the default flow: a proven claim signs in
    // through this client, where MfaSetupAsAws answers it as the MFA-required pool would.
    SrpAsAws mfaRequiredSrp = new SrpAsAws(environment.cognito(), environment.userPoolId(), environment.appClientId(),
        Clock.systemUTC());
    mfaRequiredSrp.addTo(mfaRequired);
    mfaRequiredCognito = environment.cognito(new CognitoLocalParity(), mfaRequired, new OriginJtiAsAws(), mfaRequiredSrp);
    mfaRequiredSrp.signInThrough(mfaRequiredCognito);
    // dynalite counts an item's text in UTF-16 units, AWS in UTF-8 bytes: ItemSizeAsAws refuses what AWS refuses.
    dynamoDb = environment.dynamoDb(new ItemSizeAsAws(environment.dynamoDb()));
    hostedUiDomain = new LoopbackCognitoDomain(environment.appClientId(), null);
  }

  @AfterAll
  static void stopHostedUi() {
    hostedUiDomain.close();
  }

  /** The verifier's clock: real time (cognito-local stamps tokens with it), moved by advanceClock. */
  private final TestClock clock = TestClock.ticking();

  @Override
  protected UserProfileService newService(ProfilePolicy policy) {
    return service(policy, cognito, false);
  }

  @Override
  public UserProfileService rotatingService(ProfilePolicy policy) {
    return service(policy, rotatingCognito, true);
  }

  /** The MFA-required pool signs in by SRP, the default flow (MfaSetupIT covers USER_PASSWORD_AUTH). */
  @Override
  public UserProfileService mfaRequiredService(ProfilePolicy policy) {
    return service(policy, mfaRequiredCognito, false, PasswordAuthFlow.USER_SRP_AUTH);
  }

  private UserProfileService service(ProfilePolicy policy, CognitoIdentityProviderClient cognito, boolean refreshTokenRotation) {
    // The default password flow, USER_SRP_AUTH, answered by SrpAsAws; the rotating service signs in
    // with USER_PASSWORD_AUTH (rotation does not depend on the password flow, and SrpAsAws counts
    // the claims of the main client's SRP cases).
    return service(policy, cognito, refreshTokenRotation,
        refreshTokenRotation ? PasswordAuthFlow.USER_PASSWORD_AUTH : PasswordAuthFlow.USER_SRP_AUTH);
  }

  private UserProfileService service(ProfilePolicy policy, CognitoIdentityProviderClient cognito, boolean refreshTokenRotation,
      PasswordAuthFlow passwordFlow) {
    // One verifier for both issuers: cognito-local's pool (password sign-ins) and the loopback
    // hosted UI's (federated sign-ins), with the same revocation records the default one reads.
    CognitoTokenVerifier verifier = CognitoTokenVerifier.builder()
        .userPool(env.issuer().toString(), env.jwksUri())
        .userPool(hostedUiDomain.issuer(), hostedUiDomain.jwksUri())
        .clientIds(env.appClientId())
        .clock(clock)
        .revocations(new ProfileTableRevocations(
            ProfileStore.builder().dynamoDb(dynamoDb).tableName(env.tableName()).policy(policy).build()))
        .build();
    return AwsUserProfileService.builder()
        .passwordFlow(passwordFlow)
        .cognito(cognito)
        .dynamoDb(dynamoDb)
        .userPoolId(env.userPoolId())
        .appClientId(env.appClientId())
        .tableName(env.tableName())
        .policy(policy)
        .tokenVerifier(verifier)
        .hostedUi(CognitoHostedUi.builder().domain(hostedUiDomain.domain()).clientId(env.appClientId()).tokenVerifier(verifier).build())
        .refreshTokenRotation(refreshTokenRotation)
        .build();
  }

  @Override
  public void advanceClock(UserProfileService service, Duration duration) {
    clock.advance(duration);
    // The stand-in's challenges and lockouts run on a clock of their own, moved with the verifier's.
    mfa.clock().advance(duration);
    mfaSetup.clock().advance(duration);
    passkeys.clock().advance(duration);
  }

  @Override
  public FederatedCallback signInAtProvider(UserProfileService service, PendingFederatedSignIn pending, String email) {
    return FederatedCallback.fromUri(hostedUiDomain.authorize(pending.authorizationUri(), LoopbackCognitoDomain.googleUser(email)));
  }

  @Override
  public String signInCode(UserProfileService service, String email) {
    return mfa.lastCode(email).orElseThrow();
  }

  @Override
  public SrpClaims srpClaims(UserProfileService service) {
    return new SrpClaims(srp.claimsChecked(), srp.claimsProven());
  }

  @Override
  public String confirmationCode(UserProfileService service, String email) {
    return LocalEmulators.CONFIRMATION_CODE;
  }

  @Override
  public String passwordResetCode(UserProfileService service, String email) {
    return LocalEmulators.CONFIRMATION_CODE;
  }

  @Override
  public String emailChangeCode(UserProfileService service, String newEmail) {
    return LocalEmulators.CONFIRMATION_CODE;
  }

  @Override
  public void createUserWithTemporaryPassword(UserProfileService service, String email, String temporaryPassword) {
    cognito.adminCreateUser(b -> b
        .userPoolId(env.userPoolId())
        .username(email)
        .temporaryPassword(temporaryPassword)
        .messageAction(MessageActionType.SUPPRESS)
        .userAttributes(
            AttributeType.builder().name("email").value(email).build(),
            AttributeType.builder().name("email_verified").value("true").build()));
  }
}
