package dev.warden.examples.objectstore.s3;

/**
 * The object an {@code x-amz-copy-source} header names: {@code /bucket/key} or {@code bucket/key}, URL-encoded,
 * optionally followed by {@code ?versionId=...} (only the unversioned {@code null} version exists here).
 *
 * @param bucket the source bucket
 * @param key the source key, decoded
 */
record CopySource(String bucket, String key) {

    static CopySource parse(String header) throws S3Exception {
        String raw = header.trim();
        int query = raw.indexOf('?');
        if (query >= 0) {
            String params = raw.substring(query + 1);
            raw = raw.substring(0, query);
            if (params.startsWith("versionId=") && !params.equals("versionId=null")) {
                throw S3Exception.invalidArgument("Invalid version id specified", "x-amz-copy-source", header);
            }
        }
        String path = PathDecoder.decode(raw.startsWith("/") ? raw.substring(1) : raw);
        int slash = path.indexOf('/');
        if (slash <= 0 || slash == path.length() - 1) {
            throw S3Exception.invalidArgument("Copy Source must mention the source bucket and key:"
                    + " sourcebucket/sourcekey", "x-amz-copy-source", header);
        }
        return new CopySource(path.substring(0, slash), path.substring(slash + 1));
    }
}
