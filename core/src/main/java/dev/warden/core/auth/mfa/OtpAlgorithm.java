package dev.warden.core.auth.mfa;

/** The HMAC of a one-time password (RFC 6238 allows SHA-1, SHA-256 and SHA-512; AWS's virtual MFA uses SHA-1). */
public enum OtpAlgorithm {
    /** HMAC-SHA-1: RFC 4226's and AWS virtual MFA devices'. */
    SHA1("HmacSHA1"),
    /** HMAC-SHA-256. */
    SHA256("HmacSHA256"),
    /** HMAC-SHA-512. */
    SHA512("HmacSHA512");

    private final String macName;

    OtpAlgorithm(String macName) {
        this.macName = macName;
    }

    /** The JCA name of the MAC. */
    String macName() {
        return macName;
    }
}
