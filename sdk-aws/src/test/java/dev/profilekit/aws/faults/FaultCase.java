package dev.profilekit.aws.faults;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * One row of the fault table: a fault and where in a call it strikes, and what a read and a
 * versioned write must then end in. {@code writeApplied} is whether the emulator applies the
 * write: the stored version then says the write was applied once, and its value says whose.
 *
 * @param name what the row injects, as the docs table names it
 * @param schedule the schedule for an operation name
 * @param read the outcome of a read of a stored profile
 * @param write the outcome of an update expecting the stored version
 * @param writeApplied whether the write is applied (exactly once)
 */
record FaultCase(String name, Function<String, FaultSchedule> schedule, Outcome.Kind read, Outcome.Kind write,
    boolean writeApplied) {

  private static final Outcome.Kind OK = Outcome.Kind.SUCCESS;
  private static final Outcome.Kind CONFLICT = Outcome.Kind.VERSION_CONFLICT;
  private static final Outcome.Kind DOWN = Outcome.Kind.SERVICE_UNAVAILABLE;
  private static final Outcome.Kind THROTTLED = Outcome.Kind.THROTTLED;

  /** Whether the row holds a connection in a stall. */
  boolean stalls() {
    return name.startsWith("stall");
  }

  /** The rows for a DynamoDB operation. */
  static List<FaultCase> dynamoDb() {
    return List.of(
        once("reset before forwarding, first attempt", Fault.resetBeforeForwarding(), OK, OK, true),
        once("reset after applied (lost response), first attempt", Fault.resetAfterApplied(), OK, CONFLICT, true),
        once("answer cut by a reset after applied, first attempt", Fault.truncatedAfterApplied(), OK, CONFLICT, true),
        once("stall before forwarding, first attempt", Fault.stallBeforeForwarding(), OK, OK, true),
        once("stall after applied, first attempt", Fault.stallAfterApplied(), OK, CONFLICT, true),
        always("latency 300 ms, every attempt", Fault.latency(Duration.ofMillis(300)), OK, OK, true),
        once("500 InternalServerError, first attempt", Fault.answer(AwsError.DYNAMODB_INTERNAL_SERVER_ERROR), OK, OK, true),
        once("500 after applied, first attempt", Fault.answerAfterApplied(AwsError.DYNAMODB_INTERNAL_SERVER_ERROR), OK, CONFLICT, true),
        always("503 ServiceUnavailable, every attempt", Fault.answer(AwsError.DYNAMODB_SERVICE_UNAVAILABLE), DOWN, DOWN, false),
        always("400 ThrottlingException, every attempt", Fault.answer(AwsError.DYNAMODB_THROTTLING), THROTTLED, THROTTLED, false),
        always("reset before forwarding, every attempt", Fault.resetBeforeForwarding(), DOWN, DOWN, false),
        always("reset after applied, every attempt", Fault.resetAfterApplied(), DOWN, DOWN, true),
        always("stall before forwarding, every attempt", Fault.stallBeforeForwarding(), DOWN, DOWN, false));
  }

  private static FaultCase once(String name, Fault fault, Outcome.Kind read, Outcome.Kind write, boolean applied) {
    return new FaultCase(name, operation -> FaultSchedule.onOperation(operation, fault), read, write, applied);
  }

  private static FaultCase always(String name, Fault fault, Outcome.Kind read, Outcome.Kind write, boolean applied) {
    return new FaultCase(name, operation -> FaultSchedule.alwaysOn(operation, fault), read, write, applied);
  }

  @Override
  public String toString() {
    return name;
  }
}
