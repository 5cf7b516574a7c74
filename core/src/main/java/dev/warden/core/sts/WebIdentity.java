package dev.warden.core.sts;

import java.util.List;
import java.util.Objects;

/**
 * What a verified OpenID Connect ID token says, as far as STS uses it: which provider vouches for whom, for which of
 * the provider's audiences.
 *
 * @param providerArn the IAM OIDC provider's ARN, {@code arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH}: the
 *     {@code Federated} principal a trust policy names, and AWS's {@code Provider} in the answer
 * @param providerUrl {@code HOST/PATH}: the prefix of the provider's condition keys ({@code HOST/PATH:sub})
 * @param subject the token's {@code sub}
 * @param audience the token's {@code aud} value that is one of the provider's client ids
 * @param amr the token's {@code amr} (authentication methods), empty when it has none
 * @param session the session tags and source identity the token asks for
 */
record WebIdentity(String providerArn, String providerUrl, String subject, String audience, List<String> amr,
                   WebIdentitySessionClaims session) {

    WebIdentity {
        Objects.requireNonNull(providerArn, "providerArn");
        Objects.requireNonNull(providerUrl, "providerUrl");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        amr = List.copyOf(amr);
        Objects.requireNonNull(session, "session");
    }
}
