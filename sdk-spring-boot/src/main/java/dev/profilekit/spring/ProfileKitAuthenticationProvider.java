package dev.profilekit.spring;

import dev.profilekit.ServiceUnavailableException;
import dev.profilekit.ThrottledException;
import dev.profilekit.TokenRejectedException;
import dev.profilekit.TokenRejectedException.Reason;
import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Authenticates bearer tokens with ProfileKit's strict verifier: Spring Security's {@code
 * BearerTokenAuthenticationFilter} hands it the token, and it answers with a {@link
 * ProfileKitAuthentication} or a failure that Spring turns into the RFC 6750 answer.
 *
 * <p>A rejected token gives 401 with {@code WWW-Authenticate: Bearer error="invalid_token",
 * error_description="<reason>"} (the reason's name in lower case, such as {@code expired} or
 * {@code wrong audience}: never the token). A token of the wrong use (an ID token where the API
 * takes access tokens) is rejected as {@code wrong token use}; a missing group or scope gives 403
 * {@code insufficient_scope}; when the pool's keys or the profile table cannot be reached, 503
 * {@code temporarily_unavailable}, since retrying may help.
 *
 * <p>Use it in your own security chain with {@link #resourceServer()}:
 *
 * <pre>{@code
 * http.oauth2ResourceServer(profileKit.resourceServer());
 * }</pre>
 */
public final class ProfileKitAuthenticationProvider implements AuthenticationProvider {

  private final Function<String, VerifiedUser> verifier;
  private final TokenUse tokenUse;
  private final VerificationTimer timer;

  ProfileKitAuthenticationProvider(Function<String, VerifiedUser> verifier, TokenUse tokenUse, VerificationTimer timer) {
    this.verifier = verifier;
    this.tokenUse = tokenUse;
    this.timer = timer;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String token = ((BearerTokenAuthenticationToken) authentication).getToken();
    long started = System.nanoTime();
    try {
      VerifiedUser user = verifier.apply(token);
      if (user.tokenUse() != tokenUse) {
        throw new TokenRejectedException(Reason.WRONG_TOKEN_USE, "This API accepts " + tokenUse.name().toLowerCase(Locale.ROOT) + " tokens only");
      }
      timer.record(System.nanoTime() - started, "ok");
      return new ProfileKitAuthentication(user, token);
    } catch (TokenRejectedException rejected) {
      timer.record(System.nanoTime() - started, rejected.reason().name().toLowerCase(Locale.ROOT));
      throw failure(rejected);
    } catch (ServiceUnavailableException | ThrottledException unavailable) {
      timer.record(System.nanoTime() - started, "unavailable");
      throw new OAuth2AuthenticationException(
          new BearerTokenError("temporarily_unavailable", HttpStatus.SERVICE_UNAVAILABLE, "the token cannot be checked now; retry", null),
          unavailable);
    }
  }

  private static OAuth2AuthenticationException failure(TokenRejectedException rejected) {
    String description = rejected.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    BearerTokenError error;
    switch (rejected.reason()) {
      case KEYS_UNAVAILABLE:
        error = new BearerTokenError("temporarily_unavailable", HttpStatus.SERVICE_UNAVAILABLE, description, null);
        break;
      case MISSING_GROUP:
      case MISSING_SCOPE:
        error = new BearerTokenError(BearerTokenErrorCodes.INSUFFICIENT_SCOPE, HttpStatus.FORBIDDEN, description, null);
        break;
      default:
        error = new BearerTokenError(BearerTokenErrorCodes.INVALID_TOKEN, HttpStatus.UNAUTHORIZED, description, null);
    }
    return new OAuth2AuthenticationException(error, rejected);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /**
   * Configures a resource server that authenticates every bearer token with this provider.
   *
   * @return the customizer for {@code HttpSecurity.oauth2ResourceServer(...)}
   */
  public Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>> resourceServer() {
    return resourceServer -> resourceServer.authenticationManagerResolver(request -> this::authenticate);
  }
}
