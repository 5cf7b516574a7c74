package dev.warden.core.sts;

import dev.warden.core.iam.IamException;
import dev.warden.spi.Principal;

/** Checks an MFA code a caller presents to STS (GetSessionToken, AssumeRole) against its device. */
@FunctionalInterface
public interface MfaCheck {

    /** AWS's answer to a code that does not check out. */
    String FAILED = "MultiFactorAuthentication failed with invalid MFA one time pass code.";

    /**
     * Accepts {@code tokenCode} from device {@code serialNumber} of {@code user}, once.
     *
     * @throws IamException {@code AccessDenied} with {@link #FAILED} for a wrong, reused or foreign code
     */
    void verify(Principal user, String serialNumber, String tokenCode) throws IamException;
}
