package dev.profilekit.aws;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.ProfilePolicy;
import dev.profilekit.aws.cognito.internal.CognitoAuth;
import dev.profilekit.aws.cognito.internal.CognitoSignIn;
import dev.profilekit.aws.cognito.internal.CognitoUserAdmin;
import dev.profilekit.aws.cognito.internal.RotatingRefresh;
import dev.profilekit.aws.dynamodb.internal.ProfileStore;
import dev.profilekit.aws.dynamodb.internal.ProfileTableRevocations;
import dev.profilekit.aws.federated.CognitoHostedUi;
import dev.profilekit.aws.jwt.CognitoTokenVerifier;
import dev.profilekit.internal.RequestChecks;
import dev.profilekit.aws.jwt.RevocationCache;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks an {@link AwsUserProfileService.Builder}'s settings and assembles the parts of the
 * service from them: kept apart from the builder so each stays small.
 */
final class ServiceWiring {

  /** The assembled parts of a service. */
  record Parts(
      CognitoAuth auth,
      CognitoSignIn signIn,
      CognitoUserAdmin userAdmin,
      ProfileStore store,
      CognitoTokenVerifier verifier,
      Optional<CognitoHostedUi> hostedUi,
      ProfilePolicy policy,
      Clock clock,
      boolean writeFallbackOnRead,
      RevocationRecords revocations,
      Optional<RotatingRefresh> rotatingRefresh) {}

  private ServiceWiring() {}

  static Parts wire(AwsUserProfileService.Builder b) {
    RequestChecks.required(b.cognito, "cognito");
    RequestChecks.required(b.dynamoDb, "dynamoDb");
    RequestChecks.requiredText(b.userPoolId, "userPoolId");
    RequestChecks.requiredText(b.appClientId, "appClientId");
    RequestChecks.requiredText(b.tableName, "tableName");
    RequestChecks.required(b.clock, "clock");
    RequestChecks.required(b.policy, "policy");
    RequestChecks.required(b.passwordFlow, "passwordFlow");
    RequestChecks.check(b.appClientSecret == null || !b.appClientSecret.isEmpty(), "appClientSecret", RequestChecks.NOT_BLANK,
        "leave it unset when the app client has none");
    RequestChecks.check(b.hostedUiDomain == null || b.hostedUiInstance == null, "hostedUi", RequestChecks.EXCLUSIVE,
        "set hostedUiDomain or hostedUi, not both");
    // The parts' builders refuse their settings with the same InvalidRequestException and setting name.
    CognitoAuth auth = CognitoAuth.builder().cognito(b.cognito).userPoolId(b.userPoolId).clientId(b.appClientId)
        .clientSecret(b.appClientSecret).clock(b.clock).minimumPasswordLength(b.minimumPasswordLength).build();
    CognitoSignIn signIn = CognitoSignIn.builder().cognito(b.cognito).userPoolId(b.userPoolId).clientId(b.appClientId)
        .clientSecret(b.appClientSecret).clock(b.clock).minimumPasswordLength(b.minimumPasswordLength)
        .passwordFlow(b.passwordFlow).totpIssuer(b.totpIssuer).build();
    ProfileStore store = ProfileStore.builder().dynamoDb(b.dynamoDb).tableName(b.tableName).policy(b.policy)
        .consistentReads(b.consistentReads).build();
    RequestChecks.required(b.revocationStaleness, "revocationStaleness");
    RequestChecks.check(!b.revocationStaleness.isNegative() && b.revocationStaleness.compareTo(RevocationCache.MAX_STALENESS) <= 0,
        "revocationStaleness", RequestChecks.RANGE, "must be from zero to " + RevocationCache.MAX_STALENESS);
    // The cache serves the verifier built here; a verifier passed in keeps its own revocations.
    Optional<RevocationCache> cache = b.tokenVerifier == null && b.revocationChecks
        ? Optional.of(RevocationCache.builder().source(new ProfileTableRevocations(store))
            .staleness(b.revocationStaleness).clock(b.clock).build())
        : Optional.empty();
    CognitoTokenVerifier verifier = b.tokenVerifier != null ? b.tokenVerifier : defaultVerifier(b, cache);
    Optional<CognitoHostedUi> hostedUi = Optional.ofNullable(b.hostedUiInstance);
    if (b.hostedUiDomain != null) {
      CognitoHostedUi.Builder ui = CognitoHostedUi.builder().domain(b.hostedUiDomain).clientId(b.appClientId)
          .tokenVerifier(verifier).clock(b.clock);
      if (b.appClientSecret != null) {
        ui.clientSecret(b.appClientSecret);
      }
      hostedUi = Optional.of(ui.build());
    }
    CognitoUserAdmin userAdmin = new CognitoUserAdmin(b.cognito, b.userPoolId, b.minimumPasswordLength);
    Optional<RotatingRefresh> rotatingRefresh = b.refreshTokenRotation
        ? Optional.of(new RotatingRefresh(b.cognito, b.appClientId, b.appClientSecret, b.clock))
        : Optional.empty();
    return new Parts(auth, signIn, userAdmin, store, verifier, hostedUi, b.policy, b.clock, b.writeFallbackOnRead,
        new RevocationRecords(store, cache), rotatingRefresh);
  }

  private static CognitoTokenVerifier defaultVerifier(AwsUserProfileService.Builder b, Optional<RevocationCache> cache) {
    String issuer = b.issuer != null ? b.issuer.toString() : defaultIssuer(b.userPoolId);
    URI keys = b.jwksUri != null ? b.jwksUri : URI.create(issuer + "/.well-known/jwks.json");
    CognitoTokenVerifier.Builder verifier = CognitoTokenVerifier.builder()
        .userPool(issuer, keys)
        .clientIds(b.appClientId)
        .clock(b.clock);
    cache.ifPresent(verifier::revocations);
    return verifier.build();
  }

  /** Real pool ids start with their region: {@code eu-west-1_AbCdEf123} ({@link UserPoolIds}). */
  static String defaultIssuer(String userPoolId) {
    return UserPoolIds.region(userPoolId)
        .map(region -> UserPoolIds.issuer(region, userPoolId))
        .orElseThrow(() -> new InvalidRequestException(
            "issuer", RequestChecks.REQUIRED, "cannot tell the region from userPoolId; set issuer(...) explicitly"));
  }
}
