package dev.warden.core.auth.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@code otpauth://totp/ISSUER:ACCOUNT?secret=SEED&issuer=ISSUER} URI of the Key URI format that authenticator
 * apps read from a QR code, as AWS's console puts it in its virtual MFA QR codes
 * ({@code otpauth://totp/Amazon%20Web%20Services:alice@111122223333?secret=...&issuer=Amazon%20Web%20Services}). The
 * issuer is the vendor's name (default {@value #DEFAULT_ISSUER}); the account is what the app shows under it,
 * typically {@code USER@ACCOUNT} (the account's alias or id). Parameters that AWS leaves at their defaults (SHA1,
 * 6 digits, 30 seconds) are left out, as AWS does, because some apps ignore or mishandle them.
 *
 * <p>The URI carries the seed: it is a secret, to hand to the user once and never log.
 */
public final class OtpAuthUri {

    /** The issuer when the vendor names none. */
    public static final String DEFAULT_ISSUER = "Warden";

    private OtpAuthUri() {
    }

    /**
     * The URI for {@code seed}.
     *
     * @throws IllegalArgumentException if {@code issuer} or {@code accountName} is blank or has a colon (the Key URI
     *     format separates them with one)
     */
    public static String totp(String issuer, String accountName, byte[] seed) {
        requireLabelPart(issuer, "issuer");
        requireLabelPart(accountName, "account name");
        Objects.requireNonNull(seed, "seed");
        String encodedIssuer = encode(issuer);
        // '@' is allowed in a URI path and AWS keeps it literal in USER@ACCOUNT
        String encodedAccount = encode(accountName).replace("%40", "@");
        return "otpauth://totp/" + encodedIssuer + ":" + encodedAccount + "?secret=" + Base32.encode(seed) + "&issuer="
                + encodedIssuer;
    }

    private static void requireLabelPart(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.indexOf(':') >= 0) {
            throw new IllegalArgumentException("otpauth " + what + " must be non-blank and without ':', got '" + value
                    + "'");
        }
    }

    private static String encode(String value) {
        // URLEncoder writes form encoding; a URI wants %20 for a space
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
