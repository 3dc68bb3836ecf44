package io.orderhub.app.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A validated token becomes the caller: its roles claim gives the authorities ({@code ROLE_*});
 * role names this API does not know give none. Used by REST and gRPC alike.
 */
public final class CallerAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

  private final String rolesClaim;

  public CallerAuthentication(AccessProperties properties) {
    this.rolesClaim = properties.rolesClaim();
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
  }

  private Collection<GrantedAuthority> authorities(Jwt jwt) {
    Object claim = jwt.getClaims().get(rolesClaim);
    List<String> names = new ArrayList<>();
    if (claim instanceof Collection<?> values) {
      values.forEach(value -> names.add(String.valueOf(value)));
    } else if (claim instanceof String value) {
      names.addAll(List.of(value.split("[ ,]+")));
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    for (String name : names) {
      Role.ofClaim(name)
          .ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
    }
    return authorities;
  }
}
