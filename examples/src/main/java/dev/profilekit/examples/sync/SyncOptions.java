package dev.profilekit.examples.sync;

import dev.profilekit.InvalidRequestException;
import dev.profilekit.aws.backfill.BackfillFilter;
import dev.profilekit.aws.backfill.ProfileBackfill;
import java.util.Optional;

/** The parsed command line of {@code sync-profiles}; every check happens before any AWS call. */
final class SyncOptions {

  private boolean help;
  private boolean dryRun;
  private boolean resume;
  private boolean quiet;
  private BackfillFilter filter = BackfillFilter.all();
  private double rate = ProfileBackfill.DEFAULT_REQUESTS_PER_SECOND;
  private int concurrency = ProfileBackfill.DEFAULT_WRITE_CONCURRENCY;
  private String jobName = ProfileBackfill.DEFAULT_JOB_NAME;
  private String checkpointFile;

  private int segmentIndex;
  private int segmentCount = 1;

  private SyncOptions() {}

  static SyncOptions parse(String[] args) {
    SyncOptions options = new SyncOptions();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--help", "-h" -> options.help = true;
        case "--dry-run" -> options.dryRun = true;
        case "--resume" -> options.resume = true;
        case "--quiet" -> options.quiet = true;
        case "--filter" -> options.filter = options.filter.and(BackfillFilter.parse(value(args, ++i, arg)));
        case "--rate" -> options.rate = number(value(args, ++i, arg), arg);
        case "--concurrency" -> options.concurrency = (int) whole(value(args, ++i, arg), arg);
        case "--job" -> options.jobName = value(args, ++i, arg);
        case "--segment" -> options.segment(value(args, ++i, arg));
        case "--checkpoint-file" -> options.checkpointFile = value(args, ++i, arg);
        default -> throw new InvalidRequestException("arguments", "unknown-option", "no option " + arg);
      }
    }
    if (options.dryRun && options.resume) {
      throw new InvalidRequestException("--resume", "not-with-dry-run", "a dry run keeps no checkpoint, so it cannot resume");
    }
    return options;
  }

  // "--segment I/N": this process copies segment I (from 0) of N of the pool's sub space.
  private void segment(String text) {
    int slash = text.indexOf('/');
    if (slash < 1) {
      throw new InvalidRequestException("--segment", "syntax", "--segment takes I/N, for example 3/4");
    }
    segmentIndex = (int) whole(text.substring(0, slash), "--segment");
    segmentCount = (int) whole(text.substring(slash + 1), "--segment");
    if (segmentCount < 1 || segmentCount > 16 || segmentIndex < 0 || segmentIndex >= segmentCount) {
      throw new InvalidRequestException("--segment", "range", "--segment I/N needs 1 <= N <= 16 and 0 <= I < N");
    }
  }

  int segmentIndex() {
    return segmentIndex;
  }

  int segmentCount() {
    return segmentCount;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new InvalidRequestException(option, "value-required", option + " needs a value");
    }
    return args[index];
  }

  private static double number(String text, String option) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(option, "number", option + " takes a number");
    }
  }

  private static long whole(String text, String option) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(option, "whole-number", option + " takes a whole number");
    }
  }

  boolean help() {
    return help;
  }

  boolean dryRun() {
    return dryRun;
  }

  boolean resume() {
    return resume;
  }

  boolean quiet() {
    return quiet;
  }

  BackfillFilter filter() {
    return filter;
  }

  double rate() {
    return rate;
  }

  int concurrency() {
    return concurrency;
  }

  String jobName() {
    return jobName;
  }

  Optional<String> checkpointFile() {
    return Optional.ofNullable(checkpointFile);
  }
}
