package io.orderhub.engine.security;

import java.util.Set;

/**
 * Who sent a request, once authenticated.
 *
 * @param name the user name or client id
 * @param owners every owner whose authorizations apply to this caller: {@code USER:name} or {@code
 *     CLIENT:id}, its groups, roles and matching mapping rules
 * @param unrestricted true only when authentication is off ({@code --auth none})
 */
public record Caller(String name, Set<String> owners, boolean unrestricted) {

  public static final Caller ANYONE = new Caller("anonymous", Set.of(), true);

  public Caller {
    owners = Set.copyOf(owners);
  }
}
