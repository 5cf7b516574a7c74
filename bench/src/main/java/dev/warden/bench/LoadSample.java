package dev.warden.bench;

import java.util.Arrays;

/**
 * What the load test's connections measured for one mount and operation, summed over its time slices: each
 * request's latency in nanoseconds (kept whole and sorted for the percentiles: a few million longs at most), the
 * errors, and the time spent.
 */
final class LoadSample {

    private long[] nanos = new long[1 << 16];
    private int count;
    private long errors;
    private long elapsedNanos;

    void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    void error() {
        errors++;
    }

    /** Adds another connection's slice into this one (the slice's wall time is counted once, by the caller). */
    synchronized void merge(LoadSample other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
        errors += other.errors;
    }

    synchronized void elapsed(long nanos) {
        elapsedNanos += nanos;
    }

    /** The figures, computed once all slices are in. */
    Summary summary(long heapBytes) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, errors, count / (elapsedNanos / 1e9), percentile(sorted, 0.50),
                percentile(sorted, 0.99), heapBytes);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1_000.0;
    }

    /**
     * @param p50Micros the median latency, µs
     * @param p99Micros the 99th percentile, µs
     * @param heapBytes heap used after the mount's last slice and a {@code System.gc()} (server and clients: one JVM)
     */
    record Summary(long requests, long errors, double perSecond, double p50Micros, double p99Micros, long heapBytes) {
    }
}
