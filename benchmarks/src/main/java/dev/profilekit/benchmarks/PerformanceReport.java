package dev.profilekit.benchmarks;

import dev.profilekit.benchmarks.profiles.ProfileServiceBenchmark;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmarks named by {@link Targets} and writes their medians, errors and ratios to a
 * Markdown file ({@code docs/performance.md} by default).
 *
 * <p>Usage: {@code PerformanceReport [--smoke] [--output FILE] [--include REGEX] [--rounds N]}.
 * {@code --smoke} runs one short iteration of each benchmark in this JVM, only to prove they run;
 * its numbers mean nothing and it writes no file unless {@code --output} is given.
 *
 * <p>The benchmarks of {@link Targets#pairedForkClasses()} run differently from the others: this
 * process starts one pair of emulators and warms it up, then runs {@link PairedForks} (one fork per
 * JMH run, the two sides of each target alternating, {@code --rounds} forks per benchmark, by
 * default the class's {@code @Fork}), every fork attached to that pair through {@link
 * SharedEmulators}' system properties. The other classes run in one JMH run with their own
 * {@code @Fork}.
 */
public final class PerformanceReport {

  private PerformanceReport() {}

  /**
   * Runs the benchmarks and writes the report, then exits: with status 1 if a benchmark failed or
   * the report could not be written (the error is printed), else 0.
   *
   * @param args {@code --smoke}, {@code --output FILE}, {@code --include REGEX}, {@code --rounds N}
   */
  public static void main(String[] args) {
    // The emulators a paired run started here keep non-daemon threads (cognito-local's trigger
    // server): exiting, also on failure, runs their shutdown hook, which stops them, as the other
    // harnesses do; without it a failed run would hang instead of failing the build.
    int status = 1;
    try {
      report(args);
      status = 0;
    } catch (Exception | Error e) {
      e.printStackTrace();
    } finally {
      System.exit(status);
    }
  }

  private static void report(String[] args) throws Exception {
    boolean smoke = false;
    Path output = null;
    String include = null;
    int rounds = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> smoke = true;
        case "--output" -> output = Path.of(args[++i]);
        case "--include" -> include = args[++i];
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException(
            "unknown argument " + args[i] + "; use --smoke, --output FILE, --include REGEX, --rounds N");
      }
    }
    if (output == null && !smoke) {
      output = Path.of("docs", "performance.md");
    }
    Collection<RunResult> results = run(smoke, include, rounds);
    String markdown = render(results, smoke);
    if (output != null) {
      Files.createDirectories(output.toAbsolutePath().getParent());
      Files.writeString(output, keepHandWrittenPart(output) + markdown);
      System.out.println("Wrote " + output.toAbsolutePath());
    } else {
      System.out.println(markdown);
    }
  }

  /**
   * Runs the benchmark classes named by the targets, the paired ones with their default rounds.
   *
   * @param smoke one short iteration in this JVM instead of a measured run
   * @param include a regular expression selecting benchmarks, or null for all
   * @return JMH's results
   * @throws RunnerException if a benchmark fails
   */
  public static Collection<RunResult> run(boolean smoke, String include) throws RunnerException {
    return run(smoke, include, 0);
  }

  /**
   * Runs the benchmark classes named by the targets.
   *
   * @param smoke one short iteration in this JVM instead of a measured run
   * @param include a regular expression selecting benchmarks (found in {@code package.Class.method},
   *     as JMH's include), or null for all
   * @param rounds forks per benchmark of the paired classes, or 0 for each class's {@code @Fork}
   * @return JMH's results, one per benchmark
   * @throws RunnerException if a benchmark fails or none matches
   */
  public static Collection<RunResult> run(boolean smoke, String include, int rounds) throws RunnerException {
    if (smoke) {
      // Smoke runs in this JVM (forks 0), so benchmarks' set-up can see this and skip long warm-ups.
      System.setProperty(SMOKE_PROPERTY, "true");
    }
    Pattern selection = include == null ? null : Pattern.compile(include);
    List<String> single = new ArrayList<>();
    Map<Class<?>, List<String>> paired = new LinkedHashMap<>();
    for (Class<?> benchmarkClass : Targets.benchmarkClasses()) {
      for (String name : benchmarkNames(benchmarkClass)) {
        if (selection == null || selection.matcher(name).find()) {
          if (Targets.pairedForkClasses().contains(benchmarkClass)) {
            paired.computeIfAbsent(benchmarkClass, c -> new ArrayList<>()).add(name);
          } else {
            single.add(name);
          }
        }
      }
    }
    if (single.isEmpty() && paired.isEmpty()) {
      throw new RunnerException("No benchmark of " + Targets.benchmarkClasses() + " matches " + include);
    }
    List<RunResult> results = new ArrayList<>();
    if (!single.isEmpty()) {
      ChainedOptionsBuilder options = options(smoke);
      single.forEach(name -> options.include("^" + Pattern.quote(name) + "$"));
      // A measured run takes forks, warm-up and measurement from each class's @Fork, @Warmup and
      // @Measurement.
      results.addAll(new Runner(options.build()).run());
    }
    if (!paired.isEmpty()) {
      List<String> forkArguments = List.of();
      if (!smoke) {
        // One emulator pair for every fork, started and warmed up here before the first fork.
        forkArguments = SharedEmulators.forkArguments();
        ProfileServiceBenchmark.warmUpSharedEmulators(PARENT_WARM_UP_MILLIS);
      }
      for (Map.Entry<Class<?>, List<String>> entry : paired.entrySet()) {
        int forks = rounds > 0 ? rounds : entry.getKey().getAnnotation(Fork.class).value();
        List<String> order = PairedForks.schedule(PairedForks.groups(entry.getKey(), entry.getValue(), Targets.all()),
            smoke ? 1 : forks);
        String[] jvmArgs = forkArguments.toArray(String[]::new);
        // Smoke: forks 0 as set by options(); measured: 1 fork per JMH run, warm-up and
        // measurement from the class.
        results.addAll(PairedForks.run(order, pattern -> {
          ChainedOptionsBuilder one = options(smoke).include(pattern);
          return smoke ? one.build() : one.forks(1).jvmArgsAppend(jvmArgs).build();
        }));
      }
    }
    return results;
  }

  private static ChainedOptionsBuilder options(boolean smoke) {
    ChainedOptionsBuilder options = new OptionsBuilder().shouldFailOnError(true);
    if (smoke) {
      options.verbosity(VerboseMode.SILENT).forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(50))
          .measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
    }
    return options;
  }

  /** The full names ({@code package.Class.method}) of a class's {@code @Benchmark} methods, sorted. */
  static List<String> benchmarkNames(Class<?> benchmarkClass) {
    List<String> names = new ArrayList<>();
    for (Method method : benchmarkClass.getMethods()) {
      if (method.isAnnotationPresent(Benchmark.class)) {
        names.add(benchmarkClass.getName() + "." + method.getName());
      }
    }
    names.sort(null);
    return names;
  }

  /** How long the report's own process warms up the emulators its paired forks attach to. */
  static final long PARENT_WARM_UP_MILLIS = 10_000;

  /**
   * Renders results as the Markdown report: one table per target group with median, error and the
   * ratio to the baseline measured in the same run.
   *
   * @param results JMH's results
   * @param smoke whether this was a smoke run
   * @return the Markdown text
   */
  public static String render(Collection<RunResult> results, boolean smoke) {
    Map<String, Result<?>> byName = new HashMap<>();
    for (RunResult result : results) {
      byName.put(shortName(result), result.getPrimaryResult());
    }
    StringBuilder out = new StringBuilder();
    out.append("## Results\n\n");
    out.append(environment(smoke)).append("\n\n");
    out.append("| target | benchmark | median | error (99.9%) | baseline | baseline median | ratio | target | met |\n");
    out.append("|---|---|---|---|---|---|---|---|---|\n");
    List<String> missing = new ArrayList<>();
    for (Target target : Targets.all()) {
      Result<?> result = byName.get(target.benchmark());
      Optional<Result<?>> baseline = target.baseline().map(byName::get);
      if (result == null || (target.baseline().isPresent() && baseline.isEmpty())) {
        missing.add(target.title());
        continue;
      }
      double median = median(result);
      out.append("| ").append(target.title()).append(" | `").append(target.benchmark()).append("` | ")
          .append(format(median)).append(' ').append(result.getScoreUnit()).append(" | ±")
          .append(format(result.getScoreError())).append(" | ");
      if (baseline.isPresent()) {
        double baselineMedian = median(baseline.get());
        double ratio = median / baselineMedian;
        out.append('`').append(target.baseline().get()).append("` | ").append(format(baselineMedian)).append(' ')
            .append(baseline.get().getScoreUnit()).append(" | ").append(String.format(Locale.ROOT, "%.3fx", ratio))
            .append(" | ≤ ").append(target.maxRatio()).append("x | ").append(ratio <= target.maxRatio() ? "yes" : "**no**");
      } else {
        out.append("— | — | — | ≤ ").append(format(target.maxScore())).append(' ').append(result.getScoreUnit()).append(" | ")
            .append(median <= target.maxScore() ? "yes" : "**no**");
      }
      out.append(" |\n");
    }
    if (!missing.isEmpty()) {
      out.append("\nNot run in this report: ").append(String.join(", ", missing)).append(".\n");
    }
    List<String> forkNotes = new ArrayList<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      boolean pairedForks = Targets.pairedForkClasses().stream().anyMatch(c -> benchmark.startsWith(c.getName() + "."));
      if (pairedForks && result.getBenchmarkResults().size() > 1) {
        List<String> scores = new ArrayList<>();
        result.getBenchmarkResults().forEach(fork -> scores.add(format(fork.getPrimaryResult().getScore())));
        forkNotes.add("`" + shortName(result) + "`: " + String.join(", ", scores) + ' ' + result.getPrimaryResult().getScoreUnit());
      }
    }
    if (!forkNotes.isEmpty()) {
      out.append("\nScore of each fork, in run order (median and error above are over all forks' iterations). ")
          .append("The forks of ").append(Targets.pairedForkClasses().stream().map(Class::getSimpleName).toList())
          .append(" ran one per JMH run, the two sides of each target alternating (A B, B A, A B, ...), ")
          .append("all against one pair of emulators started and warmed up by the report:\n\n");
      forkNotes.forEach(note -> out.append("- ").append(note).append('\n'));
    }
    return out.toString();
  }

  /**
   * Returns the line that says when and where numbers were produced.
   *
   * @param smoke whether this is a smoke run
   * @return the sentence
   */
  static String environment(boolean smoke) {
    return "Generated " + Instant.now() + (smoke ? " (SMOKE RUN: numbers are meaningless)" : "") + " on "
        + System.getProperty("os.name") + ' ' + System.getProperty("os.arch") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores, "
        + System.getProperty("java.vm.name") + ' ' + System.getProperty("java.version") + ".";
  }

  /**
   * Appends a section (a harness's table) to the report file written by {@link #main}.
   *
   * @param output the report file
   * @param markdown the section
   * @throws IOException if the file cannot be written
   */
  public static void appendSection(Path output, String markdown) throws IOException {
    if (!Files.exists(output)) {
      throw new IOException(output + " does not exist: run PerformanceReport first, it writes the file's results part");
    }
    Files.writeString(output, markdown, java.nio.file.StandardOpenOption.APPEND);
  }

  /** Text above this line in the report file is hand-written analysis and survives a new run. */
  static final String RESULTS_MARKER = "<!-- generated results below: mvn -B -Pbenchmarks -pl benchmarks -am -DskipTests package -->";

  private static String keepHandWrittenPart(Path output) throws IOException {
    if (!Files.exists(output)) {
      return "# Performance\n\n" + RESULTS_MARKER + "\n\n";
    }
    String existing = Files.readString(output);
    int marker = existing.indexOf(RESULTS_MARKER);
    return marker < 0 ? existing + "\n" + RESULTS_MARKER + "\n\n" : existing.substring(0, marker + RESULTS_MARKER.length()) + "\n\n";
  }

  private static String shortName(RunResult result) {
    String label = result.getParams().getBenchmark();
    return label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
  }

  private static double median(Result<?> result) {
    double median = result.getStatistics().getPercentile(50);
    return Double.isNaN(median) ? result.getScore() : median;
  }

  private static String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3f", value);
  }

  /** System property set to {@code true} during a smoke run. */
  public static final String SMOKE_PROPERTY = "profilekit.benchmarks.smoke";

  /** Time unit every benchmark reports in, so that ratios compare like with like. */
  static final TimeUnit UNIT = TimeUnit.NANOSECONDS;
}
