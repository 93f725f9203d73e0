package dev.profilekit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * <p>Usage: {@code PerformanceReport [--smoke] [--output FILE] [--include REGEX]}. {@code --smoke}
 * runs one short iteration of each benchmark in this JVM, only to prove they run; its numbers mean
 * nothing and it writes no file unless {@code --output} is given.
 */
public final class PerformanceReport {

  private PerformanceReport() {}

  /**
   * Runs the benchmarks and writes the report.
   *
   * @param args {@code --smoke}, {@code --output FILE}, {@code --include REGEX}
   * @throws Exception if a benchmark fails or the report cannot be written
   */
  public static void main(String[] args) throws Exception {
    boolean smoke = false;
    Path output = null;
    String include = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> smoke = true;
        case "--output" -> output = Path.of(args[++i]);
        case "--include" -> include = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; use --smoke, --output FILE, --include REGEX");
      }
    }
    if (output == null && !smoke) {
      output = Path.of("docs", "performance.md");
    }
    Collection<RunResult> results = run(smoke, include);
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
   * Runs the benchmark classes named by the targets.
   *
   * @param smoke one short iteration in this JVM instead of a measured run
   * @param include a regular expression selecting benchmarks, or null for all
   * @return JMH's results
   * @throws RunnerException if a benchmark fails
   */
  public static Collection<RunResult> run(boolean smoke, String include) throws RunnerException {
    ChainedOptionsBuilder options = new OptionsBuilder().shouldFailOnError(true);
    if (include != null) {
      options.include(include);
    } else {
      for (Class<?> benchmarkClass : Targets.benchmarkClasses()) {
        options.include(benchmarkClass.getName() + "\\.");
      }
    }
    if (smoke) {
      // Smoke runs in this JVM (forks 0), so benchmarks' set-up can see this and skip long warm-ups.
      System.setProperty(SMOKE_PROPERTY, "true");
      options.verbosity(VerboseMode.SILENT).forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(50))
          .measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
    }
    // A measured run takes forks, warm-up and measurement from each class's @Fork, @Warmup and
    // @Measurement: 3 forks where the baseline lives in another process (dynalite), 1 elsewhere.
    return new Runner(options.build()).run();
  }

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
      String label = result.getParams().getBenchmark();
      String shortName = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
      byName.put(shortName, result.getPrimaryResult());
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
