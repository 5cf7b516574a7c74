package dev.warden.core.admin;

import dev.warden.spi.AuthorizationRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The condition keys AWS's Service Authorization Reference documents for each IAM operation
 * ({@code src/test/resources/aws-reference/iam-condition-keys.tsv}), and the service-specific keys a request carries,
 * named as the reference names them ({@code aws:ResourceTag/${TagKey}}), all in lower case.
 */
final class ServiceReference {

    /** Warden's own operations, keyed as the AWS operation on the same resource. */
    private static final Map<String, String> WARDEN_OWN = Map.of(
            "UpdateOpenIDConnectProviderJwks", "UpdateOpenIDConnectProviderThumbprint");
    /** Keys named {@code PREFIX${TagKey}}. */
    private static final Set<String> TAGGED = Set.of("aws:requesttag/", "aws:resourcetag/", "iam:resourcetag/");
    private static final Map<String, Set<String>> IAM = load("/aws-reference/iam-condition-keys.tsv");

    private ServiceReference() {
    }

    /** The keys documented for IAM operation {@code operation}, in lower case. */
    static Set<String> documented(String operation) {
        Set<String> keys = IAM.get(WARDEN_OWN.getOrDefault(operation, operation));
        if (keys == null) {
            throw new IllegalArgumentException("the reference does not list " + operation);
        }
        return keys;
    }

    /**
     * The service-specific keys of {@code request} ({@code iam:*}, {@code sts:*}, request and resource tags, tag keys)
     * as the reference names them: a tag key becomes {@code ${tagkey}}.
     */
    static Set<String> serviceKeys(AuthorizationRequest request) {
        Set<String> out = new TreeSet<>();
        for (String key : request.context().keySet()) {
            String tagged = TAGGED.stream().filter(key::startsWith).findFirst().orElse(null);
            if (tagged != null) {
                out.add(tagged + "${tagkey}");
            } else if (key.startsWith("iam:") || key.startsWith("sts:") || key.equals("aws:tagkeys")) {
                out.add(key);
            }
        }
        return out;
    }

    private static Map<String, Set<String>> load(String resource) {
        Map<String, Set<String>> out = new TreeMap<>();
        try (var in = ServiceReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                out.put(columns[0], Arrays.stream(columns[1].split(",")).filter(k -> !k.isEmpty())
                        .map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
