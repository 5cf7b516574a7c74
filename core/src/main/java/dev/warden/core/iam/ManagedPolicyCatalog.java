package dev.warden.core.iam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The managed policies the application vendor ships, as AWS ships its own: {@code arn:aws:iam::aws:policy/NAME},
 * attachable in every account, never changed by tenants. Warden ships AWS's AdministratorAccess, PowerUserAccess,
 * IAMFullAccess, IAMReadOnlyAccess, IAMUserChangePassword, AmazonS3FullAccess and AmazonS3ReadOnlyAccess; any jar on
 * the class path adds its own by listing names in {@code META-INF/warden/managed-policies.list} and putting
 * {@code META-INF/warden/managed-policies/NAME.json} (name, path, description, version, dates, document) beside it.
 */
public final class ManagedPolicyCatalog {

    static final String LIST = "META-INF/warden/managed-policies.list";
    static final String FOLDER = "META-INF/warden/managed-policies/";

    private ManagedPolicyCatalog() {
    }

    /**
     * The shipped policies found through {@code loader}, by lower-case name.
     *
     * @throws IllegalStateException if a listed policy is missing or invalid (a packaging error: fail at startup)
     */
    public static Map<String, ManagedPolicy> load(ClassLoader loader) {
        Map<String, ManagedPolicy> policies = new LinkedHashMap<>();
        try {
            for (URL list : Collections.list(loader.getResources(LIST))) {
                try (BufferedReader names = reader(list.openStream())) {
                    String name;
                    while ((name = names.readLine()) != null) {
                        name = name.strip();
                        if (!name.isEmpty() && !name.startsWith("#")) {
                            ManagedPolicy policy = read(loader, name);
                            policies.put(Account.key(policy.name()), policy);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LIST, e);
        }
        return Collections.unmodifiableMap(policies);
    }

    private static ManagedPolicy read(ClassLoader loader, String name) throws IOException {
        String resource = FOLDER + name + ".json";
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " lists " + name + " but " + resource + " is missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            ManagedPolicy policy = DirectoryCodec.decodePolicy(resource, text, name, null);
            return new ManagedPolicy(policy.name(), policy.path(), shippedId(policy.name()), policy.createDate(),
                    policy.updateDate(), policy.description(), policy.defaultVersionId(), policy.versions(), policy.tags());
        } catch (StoreDocumentException e) {
            throw new IllegalStateException("shipped managed policy is invalid: " + e.getMessage(), e);
        }
    }

    /** A stable id for a shipped policy (the same on every node): {@code ANPA} and 16 characters from its name. */
    private static String shippedId(String name) {
        char[] alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        StringBuilder id = new StringBuilder(UniqueIds.POLICY);
        for (int i = 0; i < 16; i++) {
            id.append(alphabet[(int) (h & 31)]);
            h = Long.rotateRight(h, 5) * 0x9E3779B97F4A7C15L;
        }
        return id.toString();
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
