package dev.warden.examples.objectstore.s3;

/**
 * Whether a policy's {@code Resource} can name a bucket or what is in it, wildcards included: S3 takes a bucket policy
 * whose resources cover the bucket ({@code arn:aws:s3:::*}, {@code arn:aws:s3:::*}{@code /*},
 * {@code arn:aws:s3:::logs-*}) and refuses one naming nothing of it ("Policy has invalid resource").
 */
final class BucketResources {

    private BucketResources() {
    }

    /**
     * Whether {@code pattern} ({@code *} any run of characters, {@code ?} one) matches {@code bucketArn} itself or
     * {@code bucketArn/} followed by some key.
     */
    static boolean coverBucket(String pattern, String bucketArn) {
        // reached[p][t]: pattern[0..p) can match bucketArn[0..t)
        boolean[][] reached = new boolean[pattern.length() + 1][bucketArn.length() + 1];
        reached[0][0] = true;
        for (int p = 0; p < pattern.length(); p++) {
            char c = pattern.charAt(p);
            for (int t = 0; t <= bucketArn.length(); t++) {
                if (!reached[p][t]) {
                    continue;
                }
                if (c == '*') {
                    for (int u = t; u <= bucketArn.length(); u++) {
                        reached[p + 1][u] = true;
                    }
                } else if (t < bucketArn.length() && (c == '?' || c == bucketArn.charAt(t))) {
                    reached[p + 1][t + 1] = true;
                }
            }
        }
        for (int p = 0; p <= pattern.length(); p++) {
            if (reached[p][bucketArn.length()] && restMatchesNothingOrAKey(pattern.substring(p))) {
                return true;
            }
            if (p < pattern.length() && pattern.charAt(p) == '*' && reachedAny(reached[p])) {
                return true;   // the * can run on past the bucket's name into "/key" and the rest match the key
            }
        }
        return false;
    }

    private static boolean reachedAny(boolean[] row) {
        for (boolean reached : row) {
            if (reached) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code rest} matches the empty string or some {@code /key}. */
    private static boolean restMatchesNothingOrAKey(String rest) {
        if (rest.isEmpty()) {
            return true;
        }
        char first = rest.charAt(0);
        return first == '*' || first == '?' || first == '/';
    }
}
