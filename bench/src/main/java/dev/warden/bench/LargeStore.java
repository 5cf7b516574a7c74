package dev.warden.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Writes a store folder in Warden's documented format (contract 2 of DESIGN.md) with many tenants: {@code accounts}
 * accounts, each with {@code usersPerAccount} users and {@code policiesPerAccount} customer-managed policies; every
 * user has an inline policy and two attached policies. Written as files directly (what a migration script or an
 * operator would do), because creating 100,000 users one IAM call at a time measures the calls, not the load.
 */
final class LargeStore {

    private LargeStore() {
    }

    static Path write(Path root, int accounts, int usersPerAccount, int policiesPerAccount) {
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve("warden-store.json"), "{\"format\": 1}\n");
            IntStream.range(0, accounts).parallel().forEach(a -> writeAccount(root, a, usersPerAccount, policiesPerAccount));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String accountId(int a) {
        return String.format("%012d", 100_000_000_000L + a);
    }

    private static void writeAccount(Path root, int a, int users, int policies) {
        String id = accountId(a);
        Path account = root.resolve("accounts").resolve(id);
        try {
            Files.createDirectories(account.resolve("users"));
            Files.createDirectories(account.resolve("policies"));
            write(account.resolve("account.json"), "{\n  \"accountId\": \"" + id + "\",\n  \"createDate\": \"2026-11-23T00:00:00Z\"\n}\n");
            for (int p = 0; p < policies; p++) {
                String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read" + p + "\",\"Effect\":\"Allow\","
                        + "\"Action\":[\"svc" + p + ":Get*\",\"svc" + p + ":List*\"],\"Resource\":\"arn:aws:svc" + p
                        + ":*:" + id + ":thing/*\",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}},"
                        + "{\"Effect\":\"Deny\",\"Action\":\"svc" + p + ":Delete*\",\"Resource\":\"*\"}]}";
                write(account.resolve("policies").resolve("Policy" + p + ".json"), "{\n  \"policyName\": \"Policy" + p
                        + "\",\n  \"policyId\": \"ANPA" + code(a, p) + "\",\n  \"path\": \"/\",\n  \"createDate\": "
                        + "\"2026-11-23T00:00:00Z\",\n  \"updateDate\": \"2026-11-23T00:00:00Z\",\n  \"defaultVersionId\": "
                        + "\"v1\",\n  \"versions\": [ {\n    \"versionId\": \"v1\",\n    \"createDate\": "
                        + "\"2026-11-23T00:00:00Z\",\n    \"document\": " + document + "\n  } ]\n}\n");
            }
            for (int u = 0; u < users; u++) {
                String arn1 = "arn:aws:iam::" + id + ":policy/Policy" + (u % policies);
                String arn2 = "arn:aws:iam::" + id + ":policy/Policy" + ((u * 7 + 3) % policies);
                write(account.resolve("users").resolve("user" + u + ".json"), "{\n  \"userName\": \"user" + u
                        + "\",\n  \"userId\": \"AIDA" + code(a, u) + "\",\n  \"path\": \"/staff/\",\n  \"createDate\": "
                        + "\"2026-11-23T00:00:00Z\",\n  \"attachedPolicies\": [ \"" + arn1 + "\", \"" + arn2 + "\" ],\n"
                        + "  \"inlinePolicies\": {\n    \"Home\": {\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":"
                        + "\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}}\n  },\n"
                        + "  \"tags\": [ { \"Key\": \"team\", \"Value\": \"t" + (u % 10) + "\" } ]\n}\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String code(int a, int n) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        long v = ((long) a << 32) | n;
        StringBuilder s = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            s.append(alphabet.charAt((int) (v & 31)));
            v >>>= 5;
        }
        return s.toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
