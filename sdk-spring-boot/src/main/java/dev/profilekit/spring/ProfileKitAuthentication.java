package dev.profilekit.spring;

import dev.profilekit.VerifiedUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a ProfileKit-verified bearer token. The principal is the {@link
 * VerifiedUser}, so {@code @AuthenticationPrincipal VerifiedUser user} resolves in controllers;
 * the name is the user id ({@code sub}).
 *
 * <p>Authorities: each Cognito group {@code g} as {@code ROLE_g} (so {@code hasRole('admin')}
 * works) and each access-token scope {@code s} as {@code SCOPE_s}, Spring Security's convention.
 * The token itself is kept as the credentials, for calls that need it; {@link #toString()} never
 * shows it.
 */
public final class ProfileKitAuthentication extends AbstractAuthenticationToken {

  private static final long serialVersionUID = 1L;

  private final VerifiedUser user;
  private final String token;

  /**
   * Creates an authenticated token.
   *
   * @param user the verified user
   * @param token the bearer token it was verified from
   */
  public ProfileKitAuthentication(VerifiedUser user, String token) {
    super(authorities(user));
    this.user = user;
    this.token = token;
    setAuthenticated(true);
  }

  /**
   * The authorities a verified user is granted.
   *
   * @param user the user
   * @return {@code ROLE_<group>} for each group, then {@code SCOPE_<scope>} for each scope
   */
  public static List<GrantedAuthority> authorities(VerifiedUser user) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    user.groups().forEach(group -> authorities.add(new SimpleGrantedAuthority("ROLE_" + group)));
    user.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
    return authorities;
  }

  /**
   * The verified user.
   *
   * @return the user
   */
  @Override
  public VerifiedUser getPrincipal() {
    return user;
  }

  /**
   * The bearer token.
   *
   * @return the raw JWT
   */
  @Override
  public String getCredentials() {
    return token;
  }

  @Override
  public String getName() {
    return user.userId();
  }

  @Override
  public Collection<GrantedAuthority> getAuthorities() {
    return super.getAuthorities();
  }

  @Override
  public String toString() {
    return "ProfileKitAuthentication[userId=" + user.userId() + ", tokenUse=" + user.tokenUse() + ", authorities=" + getAuthorities() + "]";
  }
}
