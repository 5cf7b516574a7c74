package dev.warden.core.auth.sigv4;

import java.util.Objects;

/**
 * Which Region a signature's credential scope must name for each service, as AWS's endpoints decide it: an endpoint
 * serves one Region, and a request signed for another is refused before its signature is checked (S3:
 * {@code AuthorizationHeaderMalformed} "the region 'eu-west-1' is wrong; expecting 'us-east-1'"; IAM and STS:
 * {@code SignatureDoesNotMatch} "Credential should be scoped to a valid region").
 *
 * <p>IAM is global: its requests are signed for {@code us-east-1} wherever the endpoint is. STS answers on its global
 * endpoint (signed for {@code us-east-1}) and on regional ones, so it takes both the endpoint's Region and
 * {@code us-east-1}. Every other service, S3 included, takes the endpoint's Region only. Unlike AWS, IAM and STS also
 * take {@code aws-global}: that is what the AWS SDK for Java v2 signs for when its global clients are pointed at
 * another endpoint ({@code Region.AWS_GLOBAL} with {@code endpointOverride}). Immutable.
 */
public final class SigningRegions {

    /** Where IAM and the global STS endpoint are signed for. */
    public static final String GLOBAL_SIGNING_REGION = "us-east-1";
    private static final String SDK_GLOBAL_PSEUDO_REGION = "aws-global";
    private static final SigningRegions ANY = new SigningRegions(null);

    private final String region;

    private SigningRegions(String region) {
        this.region = region;
    }

    /** An endpoint serving {@code region} (for example {@code us-east-1}). */
    public static SigningRegions serving(String region) {
        Objects.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new IllegalArgumentException("a Region is required, such as us-east-1");
        }
        return new SigningRegions(region);
    }

    /** Accepts a scope of any Region: for verifying requests that were signed elsewhere (AWS's test suite). */
    public static SigningRegions any() {
        return ANY;
    }

    /** The Region this endpoint serves, or {@code null} when any is accepted. */
    public String region() {
        return region;
    }

    /** Whether a signature for {@code service} may be scoped to {@code scopeRegion}. */
    public boolean accepts(String service, String scopeRegion) {
        if (region == null) {
            return true;
        }
        return switch (service) {
            case "iam" -> scopeRegion.equals(GLOBAL_SIGNING_REGION) || scopeRegion.equals(SDK_GLOBAL_PSEUDO_REGION);
            case "sts" -> scopeRegion.equals(region) || scopeRegion.equals(GLOBAL_SIGNING_REGION)
                    || scopeRegion.equals(SDK_GLOBAL_PSEUDO_REGION);
            default -> scopeRegion.equals(region);
        };
    }

    /** The Region a signature for {@code service} should name, for the error that says so. */
    public String expected(String service) {
        return service.equals("iam") ? GLOBAL_SIGNING_REGION : region;
    }

    @Override
    public String toString() {
        return region == null ? "SigningRegions[any]" : "SigningRegions[" + region + "]";
    }
}
