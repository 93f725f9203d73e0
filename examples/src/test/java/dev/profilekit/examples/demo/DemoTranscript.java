package dev.profilekit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.profilekit.examples.Backend;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the demo must print, step by step, on any backend; only the Google and Apple lines differ
 * between a backend that can seed federated users and one that cannot.
 */
final class DemoTranscript {

  private static final String ID = "[0-9A-Za-z_-]{1,8}(\\.\\.\\.)?";

  private DemoTranscript() {}

  /** The Google and Apple lines of a backend that signs federated users in. */
  static final List<String> FEDERATED_SEEDED = List.of(
      "sign up \\(Google\\) +user " + ID + " via GOOGLE \\(.+\\) -> STORED profile \"Grace Hopper\", picture from lh3\\.googleusercontent\\.com",
      "sign up \\(Apple\\) +user " + ID + " via APPLE \\(.+\\) -> STORED profile \"Alan Turing\", private-relay email");

  /** The Google and Apple lines of a backend without a hosted UI. */
  static final List<String> FEDERATED_SKIPPED = List.of(
      "sign up \\(Google\\) +skipped: .*hosted UI.*",
      "sign up \\(Apple\\) +skipped: .*hosted UI.*");

  static void check(String output, Backend backend, String email, List<String> federatedLines, boolean emailVerified,
      List<String> notes, List<String> secrets) {
    List<String> all = output.lines().toList();
    assertThat(all).hasSize(DemoWalk.STEPS + 2 + notes.size());
    List<String> lines = all.subList(0, DemoWalk.STEPS + 2);
    for (int i = 0; i < notes.size(); i++) {
      assertThat(all.get(DemoWalk.STEPS + 2 + i)).isEqualTo("Note: " + notes.get(i));
    }
    assertThat(lines.get(0)).isEqualTo("ProfileKit demo on " + backend.description());
    String quotedEmail = Pattern.quote(email);
    List<String> steps = List.of(
        "sign up \\(email\\) +" + quotedEmail + " -> user " + ID + ", confirmation code sent( to \\S+)?",
        federatedLines.get(0),
        federatedLines.get(1),
        "confirm +" + quotedEmail + " confirmed with the code from the mailbox \\(codes are never printed\\)",
        "sign in +" + quotedEmail + " -> session with ID, access and refresh tokens \\(tokens are never printed\\)",
        "verify tokens +ID and access tokens verified locally -> user " + ID + ", provider COGNITO, email verified " + emailVerified,
        "enrol authenticator +QR code otpauth://totp/[^:/?\\s]+:" + Pattern.quote(URLEncoder.encode(email, StandardCharsets.UTF_8))
            + "\\?secret=\\*\\*\\*\\*&\\.\\.\\. scanned; the app's first code verified, TOTP preferred",
        "sign in \\(TOTP\\) +signed out, then " + quotedEmail
            + " -> TotpCode, answered with the app's code -> session \\(codes are never printed\\)",
        "read profile +nothing stored yet -> FALLBACK v0 from the user pool's attributes: displayName \"Ada Lovelace\", locale en-GB",
        "edit profile +displayName \"Ada King\", customFields\\.favouriteColour \"green\", expecting v0 -> STORED v1",
        "stale edit +another edit still expecting v0 -> refused: VersionConflictException \\(stored is v1\\), nothing changed",
        "user sets plan +subscription pro-monthly -> refused: ForbiddenFieldException \\(field subscription is admin-only\\)",
        "admin sets plan +subscription pro-monthly ACTIVE through admin\\(\\) -> v2; the user now reads plan pro-monthly",
        "sign out everywhere +the old ID and access tokens are now rejected: TokenRejectedException, reason REVOKED",
        "delete accounts +[1-3] demo users? deleted through admin\\(\\): Cognito user, profile and sign-out record; sign-in now refused");
    for (int i = 0; i < steps.size(); i++) {
      String expected = String.format("%2d\\. ", i + 1) + steps.get(i);
      assertThat(lines.get(i + 1)).as("step %d", i + 1).matches(expected);
    }
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("Done: " + DemoWalk.STEPS + " steps on " + backend.description() + ". No token, password, code or secret was printed.");
    assertThat(secrets).as("the demo handled secrets").isNotEmpty();
    for (String secret : secrets) {
      assertThat(output).as("a secret reached the output").doesNotContain(secret);
    }
    // A JWT's header always starts with eyJ ("{"" in base64url): no token, even one not recorded.
    assertThat(output).doesNotContain("eyJ");
  }
}
