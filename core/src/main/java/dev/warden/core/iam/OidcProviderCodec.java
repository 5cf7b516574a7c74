package dev.warden.core.iam;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.core.policy.StrictJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An account's OpenID Connect providers in its {@code account.json}, under {@code "oidcProviders"}: each with its
 * URL, client ids, thumbprints, creation date, tags and, embedded as the JSON object it is, its JSON Web Key Set.
 * Reading checks what CreateOpenIDConnectProvider would and names the JSON pointer of the first problem.
 */
final class OidcProviderCodec {

    static final String FIELD = "oidcProviders";
    private static final Set<String> FIELDS = Set.of("url", "clientIds", "thumbprints", "createDate", "tags", "jwks");
    /** AWS's OpenIDConnectProviderUrlType is at most 255 characters with {@code https://}. */
    private static final int MAX_URL = 255 - "https://".length();
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-Fa-f]{40}");

    private OidcProviderCodec() {
    }

    static void encode(JsonGenerator g, List<OidcProvider> providers) throws IOException {
        if (providers.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(FIELD);
        for (OidcProvider p : providers) {
            g.writeStartObject();
            g.writeStringField("url", p.url());
            writeStrings(g, "clientIds", p.clientIds());
            writeStrings(g, "thumbprints", p.thumbprints());
            g.writeStringField("createDate", p.createDate().toString());
            DirectoryCodec.tags(g, p.tags());
            if (p.jwks() != null) {
                g.writeFieldName("jwks");
                g.writeTree(StrictJson.MAPPER.readTree(p.jwks()));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static List<OidcProvider> decode(String path, JsonFields account) throws StoreDocumentException {
        List<OidcProvider> out = new ArrayList<>();
        Set<String> urls = new HashSet<>();
        List<JsonNode> nodes = account.objects(FIELD);
        for (int i = 0; i < nodes.size(); i++) {
            String at = "/" + FIELD + "/" + i;
            JsonFields f = new JsonFields(path, nodes.get(i), at, FIELDS);
            String url = f.text("url");
            if (url.isEmpty() || url.length() > MAX_URL || url.startsWith("https://") || url.contains("?")
                    || url.contains("#") || url.chars().anyMatch(Character::isWhitespace)) {
                throw f.error(f.pointer("url"), "\"url\" must be the provider's https URL without \"https://\", "
                        + "without query or fragment, at most " + MAX_URL + " characters");
            }
            if (!urls.add(url)) {
                throw f.error(f.pointer("url"), "a provider with url " + url + " is already listed");
            }
            List<String> clientIds = f.strings("clientIds");
            if (clientIds.size() > OidcProvider.MAX_CLIENT_IDS) {
                throw f.error(f.pointer("clientIds"), "at most " + OidcProvider.MAX_CLIENT_IDS + " client ids");
            }
            for (int c = 0; c < clientIds.size(); c++) {
                if (clientIds.get(c).isEmpty() || clientIds.get(c).length() > 255) {
                    throw f.error(f.pointer("clientIds") + "/" + c, "a client id has 1 to 255 characters");
                }
            }
            List<String> thumbprints = f.strings("thumbprints");
            if (thumbprints.size() > OidcProvider.MAX_THUMBPRINTS) {
                throw f.error(f.pointer("thumbprints"), "at most " + OidcProvider.MAX_THUMBPRINTS + " thumbprints");
            }
            for (int t = 0; t < thumbprints.size(); t++) {
                if (!THUMBPRINT.matcher(thumbprints.get(t)).matches()) {
                    throw f.error(f.pointer("thumbprints") + "/" + t, "a thumbprint is 40 hexadecimal digits");
                }
            }
            String jwks = null;
            JsonNode keys = f.node("jwks");
            if (keys != null && !keys.isNull()) {
                if (!keys.isObject()) {
                    throw f.error(f.pointer("jwks"), "\"jwks\" must be a JSON Web Key Set object {\"keys\": [...]}");
                }
                try {
                    jwks = OidcProvider.checkedJwks(keys.toString());
                } catch (IllegalArgumentException e) {
                    throw f.error(f.pointer("jwks"), e.getMessage());
                }
            }
            out.add(new OidcProvider(url, clientIds, thumbprints, f.date("createDate"), DirectoryCodec.tags(f), jwks));
        }
        return out;
    }
}
