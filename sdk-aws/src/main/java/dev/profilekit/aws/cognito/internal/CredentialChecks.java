package dev.profilekit.aws.cognito.internal;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.PasswordPolicyException;
import dev.profilekit.internal.RequestChecks;

/**
 * The checks on usernames, passwords, codes and tokens made before any call to Cognito, so that
 * malformed input never costs a request. Messages never contain the rejected value.
 */
final class CredentialChecks {

  /** Cognito's own limit on usernames and emails. */
  static final int MAX_USERNAME_LENGTH = 128;
  /** Cognito's own limit on passwords. */
  static final int MAX_PASSWORD_LENGTH = 256;
  /** Codes Cognito sends are short; anything longer is not one. */
  static final int MAX_CODE_LENGTH = 64;
  /** Cognito tokens are a few KB; anything far larger is not one. */
  static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private CredentialChecks() {}

  static String email(String field, String email) {
    if (email == null || email.isEmpty()) {
      throw new InvalidRequestException(field, RequestChecks.REQUIRED, "an email address");
    }
    if (email.length() > MAX_USERNAME_LENGTH || hasWhitespaceOrControl(email)) {
      throw new InvalidRequestException(field, RequestChecks.EMAIL, "an email address of at most " + MAX_USERNAME_LENGTH + " characters without spaces");
    }
    int at = email.indexOf('@');
    if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
      throw new InvalidRequestException(field, RequestChecks.EMAIL, "an email address such as ada@example.com");
    }
    return email;
  }

  static String username(String username) {
    if (username == null || username.isEmpty()) {
      throw new InvalidRequestException("username", RequestChecks.REQUIRED, "the user's email or username");
    }
    if (username.length() > MAX_USERNAME_LENGTH || hasWhitespaceOrControl(username)) {
      throw new InvalidRequestException("username", RequestChecks.FORMAT, "at most " + MAX_USERNAME_LENGTH + " characters without spaces");
    }
    return username;
  }

  /** A password being presented (sign-in, current password): only its shape is checked. */
  static String presentedPassword(String field, String password) {
    if (password == null || password.isEmpty()) {
      throw new InvalidRequestException(field, RequestChecks.REQUIRED, "a password");
    }
    if (password.length() > MAX_PASSWORD_LENGTH) {
      throw new InvalidRequestException(field, RequestChecks.MAX_LENGTH, "at most " + MAX_PASSWORD_LENGTH + " characters");
    }
    return password;
  }

  /** A password being chosen: also the minimum length, so that a weak one fails without a call. */
  static String newPassword(String field, String password, int minimumLength) {
    presentedPassword(field, password);
    if (password.length() < minimumLength) {
      throw new PasswordPolicyException("The " + field + " must have at least " + minimumLength + " characters");
    }
    if (!password.strip().equals(password)) {
      throw new PasswordPolicyException("The " + field + " must not start or end with whitespace");
    }
    return password;
  }

  static String code(String code) {
    if (code == null || code.isEmpty()) {
      throw new InvalidRequestException("code", RequestChecks.REQUIRED, "the code sent to the user");
    }
    if (code.length() > MAX_CODE_LENGTH || hasWhitespaceOrControl(code)) {
      throw new InvalidRequestException("code", RequestChecks.FORMAT, "the code sent to the user, without spaces");
    }
    return code;
  }

  static String token(String field, String token) {
    if (token == null || token.isEmpty()) {
      throw new InvalidRequestException(field, RequestChecks.REQUIRED, "a token from a session");
    }
    if (token.length() > MAX_TOKEN_LENGTH || hasWhitespaceOrControl(token)) {
      throw new InvalidRequestException(field, RequestChecks.FORMAT, "a token as Cognito issued it");
    }
    return token;
  }

  static String attributeValue(String name, String value) {
    if (value == null || value.length() > 2048 || value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidRequestException("attributes." + name, RequestChecks.FORMAT, "at most 2048 characters, no control characters");
    }
    return value;
  }

  private static boolean hasWhitespaceOrControl(String value) {
    return value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
  }
}
