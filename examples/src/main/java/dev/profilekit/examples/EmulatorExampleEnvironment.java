package dev.profilekit.examples;

import dev.profilekit.aws.cognito.PasswordAuthFlow;
import dev.profilekit.IdentityProvider;
import dev.profilekit.UserProfileService;
import dev.profilekit.aws.AwsUserProfileService;
import dev.profilekit.emulators.EmulatorEnvironment;
import dev.profilekit.emulators.LocalEmulators;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * The emulator backend: {@link AwsUserProfileService}, the production implementation, on {@code
 * dynalite} and {@code cognito-local} started on free loopback ports (by profilekit-emulators'
 * launcher), with a fresh user pool, app client and profile table.
 *
 * <p>Three things differ from AWS and are said in the output: cognito-local has no hosted UI, so
 * no Google or Apple user can sign in; it lacks {@code GlobalSignOut}, which {@link
 * CognitoLocalSignOut} answers so that "sign out everywhere" still runs (older tokens are rejected
 * by ProfileKit's own sign-out record, which is real here); and its tokens carry no {@code
 * origin_jti}, so signing one session out revokes only its refresh token.
 *
 * <p>The pool is set up as an AWS pool must be for authenticator apps: MFA {@code OPTIONAL} with
 * software tokens on. cognito-local creates pools with {@code MfaConfiguration} {@code OFF}, under
 * which it never asks for a code (docs/emulators.md).
 */
public final class EmulatorExampleEnvironment implements ExampleEnvironment {

  /** No emulator serves the hosted UI; a closed port makes any federated code exchange fail fast. */
  private static final URI NO_HOSTED_UI = URI.create("https://127.0.0.1:9");

  private final LocalEmulators ownedEmulators;
  private final EmulatorEnvironment pool;
  private final CognitoIdentityProviderClient cognito;
  private final AwsUserProfileService service;

  private EmulatorExampleEnvironment(LocalEmulators ownedEmulators, EmulatorEnvironment pool) {
    this.ownedEmulators = ownedEmulators;
    this.pool = pool;
    this.cognito = pool.emulators().cognitoClient(new CognitoLocalSignOut());
    // The demo's TOTP steps need what an AWS pool needs: with MFA OFF, cognito-local (like AWS)
    // would sign a user with a verified, preferred app in without asking for its code.
    cognito.setUserPoolMfaConfig(b -> b.userPoolId(pool.userPoolId())
        .mfaConfiguration(UserPoolMfaType.OPTIONAL).softwareTokenMfaConfiguration(t -> t.enabled(true)));
    this.service = AwsUserProfileService.builder().passwordFlow(PasswordAuthFlow.USER_PASSWORD_AUTH)
        .cognito(cognito)
        .dynamoDb(pool.dynamoDb())
        .userPoolId(pool.userPoolId())
        .appClientId(pool.appClientId())
        .tableName(pool.tableName())
        .issuer(pool.issuer())
        .jwksUri(pool.jwksUri())
        .hostedUiDomain(NO_HOSTED_UI)
        .build();
  }

  /**
   * Starts the emulators and creates a user pool, app client and table on them; closing the
   * environment stops the emulators.
   *
   * @return the environment
   * @throws IllegalStateException if Node.js or the npm packages are missing (the message says
   *     what to run)
   */
  public static EmulatorExampleEnvironment start() {
    LocalEmulators emulators = LocalEmulators.start();
    try {
      return new EmulatorExampleEnvironment(emulators, EmulatorEnvironment.create(emulators, "profilekit-examples"));
    } catch (RuntimeException e) {
      emulators.close();
      throw e;
    }
  }

  /**
   * Uses emulators someone else runs (a test's shared pair) with a pool and table already created;
   * closing the environment closes only what it created.
   *
   * @param pool the user pool, app client and table on running emulators
   * @return the environment
   */
  public static EmulatorExampleEnvironment on(EmulatorEnvironment pool) {
    return new EmulatorExampleEnvironment(null, pool);
  }

  @Override
  public Backend backend() {
    return Backend.EMULATORS;
  }

  @Override
  public UserProfileService service() {
    return service;
  }

  @Override
  public String demoEmail() {
    return "ada@example.com";
  }

  /** cognito-local sends every user the same code, set when the launcher starts it. */
  @Override
  public String confirmationCode(String email) {
    return LocalEmulators.CONFIRMATION_CODE;
  }

  @Override
  public FederatedUser federatedUser(IdentityProvider provider) {
    return FederatedUser.unavailable(provider, "cognito-local has no hosted UI"
        + " (federated sign-in is tested on a loopback hosted UI, see docs/federated-sign-in.md)");
  }

  @Override
  public List<String> notes() {
    return List.of("cognito-local lacks GlobalSignOut: the emulator backend answers it, and the REVOKED"
        + " rejection comes from ProfileKit's sign-out record in the profile table.",
        "cognito-local puts no origin_jti in its tokens, so the sign-out before the TOTP sign-in revokes only"
        + " the refresh token there; on AWS that session's ID and access tokens are rejected at once (REVOKED).");
  }

  @Override
  public void close() {
    service.close();
    cognito.close();
    if (ownedEmulators != null) {
      pool.close();
      ownedEmulators.close();
    }
  }
}
