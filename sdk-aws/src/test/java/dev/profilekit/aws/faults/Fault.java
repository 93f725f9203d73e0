package dev.profilekit.aws.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link FaultProxy} does to one HTTP request on its way to the emulator and to the answer on
 * its way back. The faults come in two halves: those that strike before the request is forwarded
 * (the emulator never sees it, so nothing is applied) and those that strike after the emulator
 * answered (the request was applied; only the answer is lost, withheld or replaced), which is
 * where a retried write could be applied twice.
 *
 * @param kind what happens
 * @param latency the added delay of {@link Kind#LATENCY}, else zero
 * @param status the HTTP status of {@link Kind#ANSWER} and {@link Kind#ANSWER_AFTER_APPLIED}, else 0
 * @param body the JSON error body of those answers, else empty
 */
record Fault(Kind kind, Duration latency, int status, String body) {

  /** The kinds of fault. */
  enum Kind {
    /** Forwarded and answered unchanged. */
    PASS,
    /** Forwarded after a delay, answered unchanged. */
    LATENCY,
    /** The connection is reset (TCP RST) before the request is forwarded. */
    RESET_BEFORE_FORWARDING,
    /** Forwarded and applied; the connection is reset instead of answering: a lost response. */
    RESET_AFTER_APPLIED,
    /** Forwarded and applied; half of the answer is sent, then the connection is reset. */
    TRUNCATED_AFTER_APPLIED,
    /** Held before forwarding until the proxy releases its stalls: longer than any timeout. */
    STALL_BEFORE_FORWARDING,
    /** Forwarded and applied; the answer is held back until the proxy releases its stalls. */
    STALL_AFTER_APPLIED,
    /** Answered by the proxy with an AWS-shaped error, never forwarded. */
    ANSWER,
    /** Forwarded and applied, but answered with an AWS-shaped error instead of the real answer. */
    ANSWER_AFTER_APPLIED;

    /** Whether the request reaches the emulator under this fault. */
    boolean forwards() {
      return this != RESET_BEFORE_FORWARDING && this != STALL_BEFORE_FORWARDING && this != ANSWER;
    }
  }

  Fault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(body, "body");
  }

  static Fault pass() {
    return new Fault(Kind.PASS, Duration.ZERO, 0, "");
  }

  static Fault latency(Duration delay) {
    return new Fault(Kind.LATENCY, delay, 0, "");
  }

  static Fault resetBeforeForwarding() {
    return new Fault(Kind.RESET_BEFORE_FORWARDING, Duration.ZERO, 0, "");
  }

  static Fault resetAfterApplied() {
    return new Fault(Kind.RESET_AFTER_APPLIED, Duration.ZERO, 0, "");
  }

  static Fault truncatedAfterApplied() {
    return new Fault(Kind.TRUNCATED_AFTER_APPLIED, Duration.ZERO, 0, "");
  }

  static Fault stallBeforeForwarding() {
    return new Fault(Kind.STALL_BEFORE_FORWARDING, Duration.ZERO, 0, "");
  }

  static Fault stallAfterApplied() {
    return new Fault(Kind.STALL_AFTER_APPLIED, Duration.ZERO, 0, "");
  }

  static Fault answer(AwsError error) {
    return new Fault(Kind.ANSWER, Duration.ZERO, error.status(), error.body());
  }

  static Fault answerAfterApplied(AwsError error) {
    return new Fault(Kind.ANSWER_AFTER_APPLIED, Duration.ZERO, error.status(), error.body());
  }

  @Override
  public String toString() {
    return switch (kind) {
      case LATENCY -> "latency " + latency.toMillis() + " ms";
      case ANSWER, ANSWER_AFTER_APPLIED -> kind + " " + status;
      default -> kind.toString();
    };
  }
}
