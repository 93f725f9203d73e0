package dev.profilekit.aws.emulators;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.profilekit.emulators.LocalEmulators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetTokensFromRefreshTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetTokensFromRefreshTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * Gives cognito-local's tokens the {@code origin_jti} claim AWS puts in them, which cognito-local
 * never writes: AWS's ID and access tokens carry "a token-revocation identifier associated with
 * your user's refresh token", the same for every token minted from that refresh token (the
 * user pool token reference). Without it no session could be revoked by {@code origin_jti}.
 *
 * <p>On every answer with an {@code AuthenticationResult}, the ID and access tokens are re-signed
 * with the emulator's own key (the one its JWKS serves, shipped in the cognito-local package) after
 * adding the claim: a new random one for a sign-in, with its refresh token remembered; for a
 * refresh ({@code InitiateAuth} or {@code GetTokensFromRefreshToken}), the one of the refresh token
 * presented, which a rotated refresh token the answer carries inherits. Nothing else in the tokens changes. Used by the
 * contract run on the emulators; {@code docs/emulators.md} lists it.
 */
public final class OriginJtiAsAws implements ExecutionInterceptor {

  private final RSAKey key;
  private final Map<String, String> originOfRefreshToken = new ConcurrentHashMap<>();

  /** Loads cognito-local's signing key from the installed package. */
  public OriginJtiAsAws() {
    Path file = LocalEmulators.nodeModules().resolve("cognito-local/lib/keys/cognitoLocal.private.json");
    try {
      this.key = RSAKey.parse(JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(Files.readString(file)), "jwk"));
    } catch (IOException e) {
      throw new UncheckedIOException("cognito-local's key is missing at " + file, e);
    } catch (ParseException e) {
      throw new IllegalStateException("cognito-local's key at " + file + " is not a JWK", e);
    }
  }

  @Override
  public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
    SdkResponse response = context.response();
    if (response instanceof InitiateAuthResponse r && r.authenticationResult() != null) {
      return r.toBuilder().authenticationResult(withOrigin(r.authenticationResult(), context.request())).build();
    }
    if (response instanceof AdminInitiateAuthResponse r && r.authenticationResult() != null) {
      return r.toBuilder().authenticationResult(withOrigin(r.authenticationResult(), context.request())).build();
    }
    if (response instanceof RespondToAuthChallengeResponse r && r.authenticationResult() != null) {
      return r.toBuilder().authenticationResult(withOrigin(r.authenticationResult(), context.request())).build();
    }
    if (response instanceof AdminRespondToAuthChallengeResponse r && r.authenticationResult() != null) {
      return r.toBuilder().authenticationResult(withOrigin(r.authenticationResult(), context.request())).build();
    }
    if (response instanceof GetTokensFromRefreshTokenResponse r && r.authenticationResult() != null) {
      // A rotated refresh token continues the session: its tokens keep the session's origin_jti.
      return r.toBuilder().authenticationResult(withOrigin(r.authenticationResult(), context.request())).build();
    }
    return response;
  }

  private AuthenticationResultType withOrigin(AuthenticationResultType result, SdkRequest request) {
    String presented = presentedRefreshToken(request);
    String origin = presented == null ? null : originOfRefreshToken.get(presented);
    if (origin == null) {
      origin = UUID.randomUUID().toString();
    }
    if (result.refreshToken() != null) {
      originOfRefreshToken.put(result.refreshToken(), origin);
    }
    return result.toBuilder()
        .idToken(resign(result.idToken(), origin))
        .accessToken(resign(result.accessToken(), origin))
        .build();
  }

  private static String presentedRefreshToken(SdkRequest request) {
    if (request instanceof InitiateAuthRequest auth && auth.hasAuthParameters()) {
      return auth.authParameters().get("REFRESH_TOKEN");
    }
    if (request instanceof AdminInitiateAuthRequest auth && auth.hasAuthParameters()) {
      return auth.authParameters().get("REFRESH_TOKEN");
    }
    if (request instanceof GetTokensFromRefreshTokenRequest refresh) {
      return refresh.refreshToken();
    }
    return null;
  }

  private String resign(String token, String origin) {
    if (token == null) {
      return null;
    }
    try {
      SignedJWT original = SignedJWT.parse(token);
      JWTClaimsSet claims = new JWTClaimsSet.Builder(original.getJWTClaimsSet()).claim("origin_jti", origin).build();
      SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(original.getHeader().getKeyID()).build(), claims);
      signed.sign(new RSASSASigner(key));
      return signed.serialize();
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("cognito-local answered a token that is not a signed JWT", e);
    }
  }
}
