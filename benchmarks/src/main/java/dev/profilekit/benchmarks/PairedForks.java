package dev.profilekit.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;

/**
 * Runs the benchmarks of a class whose targets compare two sides of one remote call (ProfileKit's
 * call, the raw SDK call) as single forks in alternating order, and merges each benchmark's forks
 * into one result.
 *
 * <p>JMH runs every fork of one benchmark before the next benchmark, so with 3 forks each a
 * target's sides ran as A A A B B B: a slow drift of the machine or the emulator over the minute
 * between the blocks went into the ratio whole. Here each fork is its own JMH run of one benchmark,
 * and the sides alternate with the order reversed every round (A B, B A, A B, ...): a drift that
 * is linear over two rounds falls on both sides equally. The merged result holds the forks' {@link
 * BenchmarkResult}s, so its primary result is JMH's own aggregate over all forks' iterations, as
 * for a run with {@code @Fork(n)}.
 */
final class PairedForks {

  private PairedForks() {}

  /**
   * Groups a class's selected benchmarks into the sides of its targets: each target with a
   * baseline in the same class is one group (benchmark, then baseline), in target order; a
   * benchmark already grouped is not grouped again; selected benchmarks of no target run alone.
   *
   * @param benchmarkClass the class
   * @param selected full names ({@code package.Class.method}) of the class's selected benchmarks
   * @param targets the targets, in report order
   * @return the groups, each a list of full names
   */
  static List<List<String>> groups(Class<?> benchmarkClass, Collection<String> selected, List<Target> targets) {
    String prefix = benchmarkClass.getSimpleName() + ".";
    Set<String> grouped = new LinkedHashSet<>();
    List<List<String>> groups = new ArrayList<>();
    for (Target target : targets) {
      List<String> group = new ArrayList<>();
      for (String name : target.baseline().isPresent() ? List.of(target.benchmark(), target.baseline().get()) : List.of(target.benchmark())) {
        String full = benchmarkClass.getPackageName() + "." + name;
        if (name.startsWith(prefix) && selected.contains(full) && grouped.add(full)) {
          group.add(full);
        }
      }
      if (!group.isEmpty()) {
        groups.add(group);
      }
    }
    for (String full : selected) {
      if (grouped.add(full)) {
        groups.add(List.of(full));
      }
    }
    return groups;
  }

  /**
   * Orders single forks: in each round every group once, its sides in order in even rounds and
   * reversed in odd ones, so a two-sided target runs A B, B A, A B, ...
   *
   * @param groups the groups
   * @param rounds the number of forks per benchmark
   * @return the benchmarks' full names, one per fork, in run order
   */
  static List<String> schedule(List<List<String>> groups, int rounds) {
    List<String> order = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (List<String> group : groups) {
        List<String> sides = new ArrayList<>(group);
        if (round % 2 == 1) {
          Collections.reverse(sides);
        }
        order.addAll(sides);
      }
    }
    return order;
  }

  /**
   * Runs the forks one JMH run each, in order, and merges each benchmark's forks.
   *
   * @param order the benchmarks' full names, one per fork
   * @param options the options of the run of one benchmark, given its include pattern
   * @return one result per benchmark
   * @throws RunnerException if a fork fails
   */
  static List<RunResult> run(List<String> order, Function<String, Options> options) throws RunnerException {
    Map<String, List<RunResult>> forks = new LinkedHashMap<>();
    for (String name : order) {
      Collection<RunResult> ran = new Runner(options.apply("^" + Pattern.quote(name) + "$")).run();
      if (ran.size() != 1) {
        throw new RunnerException("expected one result for " + name + ", got " + ran.size());
      }
      forks.computeIfAbsent(name, n -> new ArrayList<>()).addAll(ran);
    }
    List<RunResult> merged = new ArrayList<>();
    forks.values().forEach(results -> merged.add(merge(results)));
    return merged;
  }

  /**
   * Merges runs of one benchmark into one result holding all their forks, in order.
   *
   * @param runs the runs
   * @return the merged result
   */
  static RunResult merge(List<RunResult> runs) {
    List<BenchmarkResult> all = new ArrayList<>();
    runs.forEach(run -> all.addAll(run.getBenchmarkResults()));
    return new RunResult(runs.get(0).getParams(), all);
  }
}
