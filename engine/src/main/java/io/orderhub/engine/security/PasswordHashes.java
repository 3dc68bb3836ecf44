package io.orderhub.engine.security;

/** Password hashing for code outside this package (the identity endpoints). */
public final class PasswordHashes {

  private PasswordHashes() {}

  public static String hash(String password) {
    return PasswordHashing.hash(password);
  }
}
