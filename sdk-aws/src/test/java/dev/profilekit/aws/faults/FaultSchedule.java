package dev.profilekit.aws.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which fault {@link FaultProxy} applies to each request: a function of the request's place in
 * the order the proxy received them, never of time or chance, so that a single-threaded test
 * meets the same faults on every run. The proxy asks once per request, in arrival order, under its
 * lock; schedules may therefore keep counters without synchronising.
 */
interface FaultSchedule {

  /**
   * Returns the fault for the next request.
   *
   * @param index the request's number among all the proxy received, from 0
   * @param operation the AWS operation ({@code X-Amz-Target} after the dot, for example {@code
   *     UpdateItem}), or empty when the request names none
   * @return the fault
   */
  Fault next(int index, String operation);

  /** Every request passes. */
  static FaultSchedule none() {
    return (index, operation) -> Fault.pass();
  }

  /** Every request meets {@code fault}. */
  static FaultSchedule always(Fault fault) {
    return (index, operation) -> fault;
  }

  /**
   * The requests of one operation meet the given faults in turn: its first request the first,
   * and so on; later ones, and every other operation, pass.
   */
  static FaultSchedule onOperation(String name, Fault... faults) {
    List<Fault> list = List.of(faults);
    int[] seen = {0};
    return (index, operation) -> {
      if (!operation.equals(name)) {
        return Fault.pass();
      }
      int n = seen[0]++;
      return n < list.size() ? list.get(n) : Fault.pass();
    };
  }

  /** Every request of one operation meets {@code fault}; every other operation passes. */
  static FaultSchedule alwaysOn(String name, Fault fault) {
    return (index, operation) -> operation.equals(name) ? fault : Fault.pass();
  }

  /**
   * The requests of each listed operation go round its faults: request n of an operation meets
   * fault n modulo the list's length; other operations pass. A mixed, repeating schedule for runs
   * of many requests.
   */
  static FaultSchedule cycles(Map<String, List<Fault>> byOperation) {
    Map<String, Integer> seen = new HashMap<>();
    return (index, operation) -> {
      List<Fault> faults = byOperation.get(operation);
      if (faults == null || faults.isEmpty()) {
        return Fault.pass();
      }
      int n = seen.merge(operation, 1, Integer::sum) - 1;
      return faults.get(n % faults.size());
    };
  }
}
