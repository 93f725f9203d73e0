/**
 * JMH benchmarks of ProfileKit, each run beside the baseline it is judged against, in the same JVM
 * run, and reported as ratios by {@link dev.profilekit.benchmarks.PerformanceReport}. Not deployed.
 */
package dev.profilekit.benchmarks;
