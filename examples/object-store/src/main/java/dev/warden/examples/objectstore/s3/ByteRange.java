package dev.warden.examples.objectstore.s3;

/**
 * One satisfiable byte range of an object, inclusive at both ends.
 *
 * @param first the first byte
 * @param last the last byte
 */
record ByteRange(long first, long last) {

    long length() {
        return last - first + 1;
    }

    /** {@code Content-Range: bytes first-last/size}. */
    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * The range a {@code Range} header asks of an object of {@code size} bytes: {@code null} (send it all) when there
     * is no header, it is not a single {@code bytes=} range (S3 ignores multiple ranges and malformed ones);
     * {@code InvalidRange} when it cannot be satisfied.
     */
    static ByteRange parse(String header, long size) throws S3Exception {
        if (header == null) {
            return null;
        }
        String spec = header.trim();
        if (!spec.startsWith("bytes=") || spec.indexOf(',') >= 0) {
            return null;
        }
        spec = spec.substring("bytes=".length()).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String from = spec.substring(0, dash).trim();
        String to = spec.substring(dash + 1).trim();
        try {
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0 || size == 0) {
                    throw unsatisfiable(header, size);
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? size - 1 : Long.parseLong(to);
            if (first < 0 || last < first) {
                return null;
            }
            if (first >= size) {
                throw unsatisfiable(header, size);
            }
            return new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static S3Exception unsatisfiable(String requested, long size) {
        return new S3Exception(416, "InvalidRange", "The requested range is not satisfiable")
                .with("RangeRequested", requested).with("ActualObjectSize", Long.toString(size));
    }
}
