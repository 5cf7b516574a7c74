package dev.warden.core.iam;

import dev.warden.core.auth.password.PasswordPolicy;
import java.util.List;
import java.util.Optional;

/**
 * An account's sign-in and federation settings: its password policy, its virtual MFA devices (assigned or not), its
 * OpenID Connect identity providers and its root user's credentials. Copies go through the {@code with*} methods, so
 * a new setting is never dropped by code that changes another.
 *
 * @param passwordPolicy the password policy, or {@code null} when none is set (AWS's default rules apply)
 * @param mfaDevices the virtual MFA devices, in the order they were created
 * @param oidcProviders the OpenID Connect identity providers, in the order they were created
 * @param root the root user's email, password and access keys
 */
public record AccountSettings(PasswordPolicy passwordPolicy, List<MfaDevice> mfaDevices,
                              List<OidcProvider> oidcProviders, RootUser root) {

    /** No password policy, no devices, no identity providers, no root credentials. */
    public static final AccountSettings NONE = new AccountSettings(null, List.of(), List.of(), RootUser.NONE);

    public AccountSettings {
        mfaDevices = List.copyOf(mfaDevices);
        oidcProviders = List.copyOf(oidcProviders);
        root = root == null ? RootUser.NONE : root;
    }

    /** Settings whose root user has no credentials. */
    public AccountSettings(PasswordPolicy passwordPolicy, List<MfaDevice> mfaDevices,
                           List<OidcProvider> oidcProviders) {
        this(passwordPolicy, mfaDevices, oidcProviders, RootUser.NONE);
    }

    /** The device with {@code serialNumber}. */
    public Optional<MfaDevice> mfaDevice(String serialNumber) {
        return mfaDevices.stream().filter(d -> d.serialNumber().equals(serialNumber)).findFirst();
    }

    /** The OpenID Connect provider whose URL (without {@code https://}) is exactly {@code url}. */
    public Optional<OidcProvider> oidcProvider(String url) {
        return oidcProviders.stream().filter(p -> p.url().equals(url)).findFirst();
    }

    public AccountSettings withPasswordPolicy(PasswordPolicy policy) {
        return new AccountSettings(policy, mfaDevices, oidcProviders, root);
    }

    public AccountSettings withMfaDevices(List<MfaDevice> devices) {
        return new AccountSettings(passwordPolicy, devices, oidcProviders, root);
    }

    public AccountSettings withOidcProviders(List<OidcProvider> providers) {
        return new AccountSettings(passwordPolicy, mfaDevices, providers, root);
    }

    public AccountSettings withRoot(RootUser rootUser) {
        return new AccountSettings(passwordPolicy, mfaDevices, oidcProviders, rootUser);
    }
}
