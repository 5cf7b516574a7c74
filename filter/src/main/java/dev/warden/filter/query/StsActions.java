package dev.warden.filter.query;

import java.util.Set;

/** STS's operation names: how an error is addressed before the signature says which service was meant. */
final class StsActions {

    private static final Set<String> NAMES = Set.of("AssumeRole", "AssumeRoleWithWebIdentity", "AssumeRoleWithSAML",
            "GetSessionToken", "GetCallerIdentity", "GetAccessKeyInfo", "DecodeAuthorizationMessage",
            "GetFederationToken", "AssumeRoot", "GetDelegatedAccessToken", "GetWebIdentityToken");

    private StsActions() {
    }

    static boolean contains(String action) {
        return NAMES.contains(action);
    }
}
