package dev.warden.core.auth.sigv4;

/** Which credential-scope service names are S3's, which sign and answer differently from the Query services. */
final class ServiceNames {

    private ServiceNames() {
    }

    /**
     * {@code s3} and its relatives signed the same way ({@code s3-object-lambda}, {@code s3-outposts},
     * {@code s3express}).
     */
    static boolean isS3(String service) {
        return service != null && (service.equals("s3") || service.startsWith("s3-") || service.equals("s3express"));
    }
}
