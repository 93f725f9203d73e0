package dev.profilekit.benchmarks.spring;

import dev.profilekit.TokenUse;
import dev.profilekit.VerifiedUser;
import dev.profilekit.spring.ProfileKitAuthentication;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What an application on Spring's stock decoder writes so that the example's controller gets its
 * {@code @AuthenticationPrincipal VerifiedUser}: the decoded {@link Jwt}'s claims as a {@link
 * VerifiedUser} (groups as roles, as the starter grants them). It checks nothing the decoder did
 * not (no {@code client_id}, no {@code token_use}): that is the stock set-up being measured.
 */
final class CognitoJwtAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String scope = jwt.getClaimAsString("scope");
    List<String> groups = jwt.getClaimAsStringList("cognito:groups");
    String username = jwt.getClaimAsString("username");
    VerifiedUser user = VerifiedUser.builder()
        .userId(jwt.getSubject())
        .username(username != null ? username : jwt.getSubject())
        .tokenUse(TokenUse.valueOf(jwt.getClaimAsString("token_use").toUpperCase(Locale.ROOT)))
        .clientId(jwt.getClaimAsString("client_id"))
        .issuer(jwt.getClaimAsString("iss"))
        .issuedAt(jwt.getIssuedAt())
        .expiresAt(jwt.getExpiresAt())
        .groups(groups != null ? groups : List.of())
        .scopes(scope != null ? List.of(scope.split(" ")) : List.of())
        .attributes(Map.of())
        .build();
    return new ProfileKitAuthentication(user, jwt.getTokenValue());
  }
}
