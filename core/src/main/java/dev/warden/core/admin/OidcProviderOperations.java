package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.OidcProvider;
import dev.warden.core.iam.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * OpenID Connect identity providers, as IAM manages them: Create/Get/List/DeleteOpenIDConnectProvider,
 * Add/RemoveClientIDTo/FromOpenIDConnectProvider, UpdateOpenIDConnectProviderThumbprint and the provider tag
 * operations, with AWS's quotas (100 providers per account, 100 client ids, 5 thumbprints) and messages.
 *
 * <p>One operation is Warden's own: {@code UpdateOpenIDConnectProviderJwks} ({@code OpenIDConnectProviderArn},
 * {@code Jwks}) sets the provider's signing keys, which AWS would fetch from the provider but Warden, offline, keeps
 * with it; {@code CreateOpenIDConnectProvider} takes the same {@code Jwks} parameter. Absent or empty, the keys are
 * removed and no token of the provider verifies.
 */
final class OidcProviderOperations {

    /** AWS: an account has at most 100 OpenID Connect providers. */
    static final int PROVIDERS_PER_ACCOUNT = 100;
    private static final String SCHEME = "https://";
    /** AWS's OpenIDConnectProviderUrlType. */
    private static final Constraint URL = new Constraint("url", 1, 255, (Pattern) null);
    /** AWS's clientIDType. */
    private static final Constraint CLIENT_ID = new Constraint("clientID", 1, 255, (Pattern) null);
    /** AWS's thumbprintType: the hex SHA-1 of a certificate. */
    private static final Constraint THUMBPRINT = new Constraint("thumbprint", 40, 40, (Pattern) null);

    private OidcProviderOperations() {
    }

    static void register(IamService s) {
        s.register("CreateOpenIDConnectProvider", OidcProviderOperations::create);
        s.register("GetOpenIDConnectProvider", OidcProviderOperations::get);
        s.register("ListOpenIDConnectProviders", OidcProviderOperations::list);
        s.register("DeleteOpenIDConnectProvider", OidcProviderOperations::delete);
        s.register("AddClientIDToOpenIDConnectProvider", OidcProviderOperations::addClientId);
        s.register("RemoveClientIDFromOpenIDConnectProvider", OidcProviderOperations::removeClientId);
        s.register("UpdateOpenIDConnectProviderThumbprint", OidcProviderOperations::updateThumbprint);
        s.register("TagOpenIDConnectProvider", OidcProviderOperations::tag);
        s.register("UntagOpenIDConnectProvider", OidcProviderOperations::untag);
        s.register("ListOpenIDConnectProviderTags", OidcProviderOperations::listTags);
        s.register("UpdateOpenIDConnectProviderJwks", OidcProviderOperations::updateJwks);
    }

    private static ObjectNode create(Call call) throws IamException, IOException {
        String url = call.params().required("Url", URL);
        if (!url.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw IamException.invalidInput("Invalid Url " + url + ": an OpenID Connect provider's URL must begin with "
                    + SCHEME);
        }
        String hostAndPath = url.substring(SCHEME.length());
        if (hostAndPath.isEmpty() || hostAndPath.startsWith("/") || hostAndPath.contains("?") || hostAndPath.contains("#")
                || hostAndPath.contains("@") || hostAndPath.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw IamException.invalidInput("Invalid Url " + url + ": give the issuer as https://HOST or "
                    + "https://HOST/PATH, without query, fragment or user information");
        }
        List<String> clientIds = clientIds(call, call.params().list("ClientIDList"));
        List<String> thumbprints = thumbprints(call.params().list("ThumbprintList"));
        List<Tag> tags = Tagging.checked(call, call.params().tags("Tags"));
        String jwks = jwks(call.params().optional("Jwks"));
        String arn = call.arn("oidc-provider/", "", hostAndPath);
        call.authorize("iam:CreateOpenIDConnectProvider", arn);
        if (!tags.isEmpty()) {
            call.authorize("iam:TagOpenIDConnectProvider", arn);
        }
        return call.write(d -> {
            Account account = call.account(d);
            List<OidcProvider> providers = account.settings().oidcProviders();
            if (account.settings().oidcProvider(hostAndPath).isPresent()) {
                throw IamException.alreadyExists("Provider with url " + url + " already exists.");
            }
            if (providers.size() >= PROVIDERS_PER_ACCOUNT) {
                throw IamException.limitExceeded("OpenIdConnectProvidersPerAccount", PROVIDERS_PER_ACCOUNT);
            }
            List<OidcProvider> changed = new ArrayList<>(providers);
            changed.add(new OidcProvider(hostAndPath, clientIds, thumbprints, call.now(), tags, jwks));
            ObjectNode out = Shapes.object().put("OpenIDConnectProviderArn", arn);
            Shapes.tags(out, "Tags", tags, false);
            return new LiveDirectory.Result<>(out, new Changes().put(
                    account.withSettings(account.settings().withOidcProviders(changed))));
        });
    }

    private static ObjectNode get(Call call) throws IamException {
        String arn = call.params().required("OpenIDConnectProviderArn", Constraint.ARN);
        call.authorize("iam:GetOpenIDConnectProvider", arn);
        OidcProvider p = find(call, call.directory(), arn);
        ObjectNode out = Shapes.object().put("Url", p.url());
        p.clientIds().forEach(out.putArray("ClientIDList")::add);
        p.thumbprints().forEach(out.putArray("ThumbprintList")::add);
        out.put("CreateDate", p.createDate().toString());
        Shapes.tags(out, "Tags", p.tags(), false);
        return out;
    }

    private static ObjectNode list(Call call) throws IamException {
        call.authorize("iam:ListOpenIDConnectProviders", "*");
        Directory d = call.directory();
        ObjectNode out = Shapes.object();
        ArrayNode list = out.putArray("OpenIDConnectProviderList");
        for (OidcProvider p : call.account(d).settings().oidcProviders()) {
            list.addObject().put("Arn", p.arn(d.partition(), call.accountId()));
        }
        return out;
    }

    /** AWS: deleting a provider that does not exist succeeds ("This operation is idempotent"). */
    private static ObjectNode delete(Call call) throws IamException, IOException {
        String arn = call.params().required("OpenIDConnectProviderArn", Constraint.ARN);
        call.authorize("iam:DeleteOpenIDConnectProvider", arn);
        return call.write(d -> {
            Account account = call.account(d);
            String url = urlOf(call, d, arn);
            List<OidcProvider> changed = new ArrayList<>(account.settings().oidcProviders());
            if (url == null || !changed.removeIf(p -> p.url().equals(url))) {
                return new LiveDirectory.Result<>(Shapes.object(), new Changes());
            }
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(
                    account.withSettings(account.settings().withOidcProviders(changed))));
        });
    }

    /** AWS: adding a client id the provider has already succeeds without a change. */
    private static ObjectNode addClientId(Call call) throws IamException, IOException {
        String arn = call.params().required("OpenIDConnectProviderArn", Constraint.ARN);
        String clientId = call.params().required("ClientID", CLIENT_ID);
        call.authorize("iam:AddClientIDToOpenIDConnectProvider", arn);
        return change(call, arn, p -> {
            if (p.clientIds().contains(clientId)) {
                return p;
            }
            List<String> ids = new ArrayList<>(p.clientIds());
            ids.add(clientId);
            return p.withClientIds(ids);
        });
    }

    /** AWS: removing a client id the provider does not have succeeds without a change. */
    private static ObjectNode removeClientId(Call call) throws IamException, IOException {
        String arn = call.params().required("OpenIDConnectProviderArn", Constraint.ARN);
        String clientId = call.params().required("ClientID", CLIENT_ID);
        call.authorize("iam:RemoveClientIDFromOpenIDConnectProvider", arn);
        return change(call, arn, p -> p.withClientIds(p.clientIds().stream().filter(id -> !id.equals(clientId)).toList()));
    }

    private static ObjectNode updateThumbprint(Call call) throws IamException, IOException {
        String arn = call.params().required("OpenIDConnectProviderArn", Constraint.ARN);
        List<String> thumbprints = thumbprints(call.params().list("ThumbprintList"));
        call.authorize("iam:UpdateOpenIDConnectProviderThumbprint", arn);
        return change(call, arn, p -> p.withThumbprints(thumbprints));
    }

    private static ObjectNode updateJwks(Call call) throws IamException, IOException {
        String arn = call.params().required("OpenIDConnectProviderArn", Constraint.ARN);
        String jwks = jwks(call.params().optional("Jwks"));
        call.authorize("iam:UpdateOpenIDConnectProviderJwks", arn);
        return change(call, arn, p -> p.withJwks(jwks));
    }

    private static ObjectNode tag(Call call) throws IamException, IOException {
        String arn = call.params().required("OpenIDConnectProviderArn", Constraint.ARN);
        List<Tag> tags = call.params().tags("Tags");
        Tagging.checked(call, tags);
        call.authorize("iam:TagOpenIDConnectProvider", arn);
        return change(call, arn, p -> p.withTags(Tagging.merge(call, p.tags(), tags)));
    }

    private static ObjectNode untag(Call call) throws IamException, IOException {
        String arn = call.params().required("OpenIDConnectProviderArn", Constraint.ARN);
        List<String> keys = call.params().list("TagKeys");
        call.authorize("iam:UntagOpenIDConnectProvider", arn);
        return change(call, arn, p -> p.withTags(Tagging.without(p.tags(), keys)));
    }

    private static ObjectNode listTags(Call call) throws IamException {
        String arn = call.params().required("OpenIDConnectProviderArn", Constraint.ARN);
        call.authorize("iam:ListOpenIDConnectProviderTags", arn);
        ObjectNode out = Shapes.object();
        Shapes.tags(out, "Tags", Tagging.byKey(find(call, call.directory(), arn).tags()), true);
        out.put("IsTruncated", false);
        return out;
    }

    /** A change to one provider. */
    @FunctionalInterface
    private interface ProviderChange {
        OidcProvider apply(OidcProvider provider) throws IamException;
    }

    /** Replaces provider {@code arn} by {@code change} of it, atomically; no write when nothing changes. */
    private static ObjectNode change(Call call, String arn, ProviderChange change)
            throws IamException, IOException {
        return call.write(d -> {
            Account account = call.account(d);
            OidcProvider before = find(call, d, arn);
            OidcProvider after = change.apply(before);
            if (after.clientIds().size() > OidcProvider.MAX_CLIENT_IDS) {
                throw IamException.limitExceeded("ClientIdsPerOpenIdConnectProvider", OidcProvider.MAX_CLIENT_IDS);
            }
            if (after.equals(before)) {
                return new LiveDirectory.Result<>(Shapes.object(), new Changes());
            }
            List<OidcProvider> changed = new ArrayList<>(account.settings().oidcProviders());
            changed.replaceAll(p -> p == before ? after : p);
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(
                    account.withSettings(account.settings().withOidcProviders(changed))));
        });
    }

    /**
     * The provider {@code arn} names in the call's account.
     *
     * @throws IamException {@code NoSuchEntity} with AWS's message
     */
    static OidcProvider find(Call call, Directory d, String arn) throws IamException {
        String url = urlOf(call, d, arn);
        OidcProvider provider = url == null ? null : call.account(d).settings().oidcProvider(url).orElse(null);
        if (provider == null) {
            throw IamException.noSuchEntity("OpenIDConnect Provider not found for arn " + arn);
        }
        return provider;
    }

    /** The URL part of {@code arn} when it names a provider of the call's account, else {@code null}. */
    private static String urlOf(Call call, Directory d, String arn) {
        String prefix = "arn:" + d.partition() + ":iam::" + call.accountId() + ":oidc-provider/";
        return arn.startsWith(prefix) && arn.length() > prefix.length() ? arn.substring(prefix.length()) : null;
    }

    /** Client ids checked against AWS's type, duplicates dropped, at most 100. */
    private static List<String> clientIds(Call call, List<String> given) throws IamException {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            ids.add(new Constraint("clientIDList.member." + (i + 1), CLIENT_ID.min(), CLIENT_ID.max(), (Pattern) null)
                    .check(given.get(i)));
        }
        if (ids.size() > OidcProvider.MAX_CLIENT_IDS) {
            throw IamException.limitExceeded("ClientIdsPerOpenIdConnectProvider", OidcProvider.MAX_CLIENT_IDS);
        }
        return List.copyOf(ids);
    }

    /** Thumbprints: 40 hexadecimal digits each (AWS's thumbprintType), at most 5 (the list's modelled maximum). */
    private static List<String> thumbprints(List<String> given) throws IamException {
        if (given.size() > OidcProvider.MAX_THUMBPRINTS) {
            throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value '" + given
                    + "' at 'thumbprintList' failed to satisfy constraint: Member must have length less than or equal to "
                    + OidcProvider.MAX_THUMBPRINTS);
        }
        for (int i = 0; i < given.size(); i++) {
            new Constraint("thumbprintList.member." + (i + 1), THUMBPRINT.min(), THUMBPRINT.max(), (Pattern) null)
                    .check(given.get(i));
            if (!given.get(i).matches("[0-9A-Fa-f]{40}")) {
                throw IamException.invalidInput("Thumbprint " + given.get(i) + " is not the hexadecimal SHA-1 "
                        + "fingerprint of a certificate.");
            }
        }
        return List.copyOf(new LinkedHashSet<>(given));
    }

    /** The {@code Jwks} parameter checked and normalized, or {@code null} when absent or empty. */
    private static String jwks(String given) throws IamException {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            return OidcProvider.checkedJwks(given);
        } catch (IllegalArgumentException e) {
            throw IamException.invalidInput("Invalid Jwks: " + e.getMessage());
        }
    }
}
