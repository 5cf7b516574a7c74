package dev.warden.core.iam;

import java.security.SecureRandom;

/**
 * Unique ids as AWS forms them: a four-letter prefix naming the kind ({@code AIDA} user, {@code AGPA} group,
 * {@code AROA} role, {@code ANPA} managed policy, {@code AKIA} long-term access key, {@code ASIA} temporary credentials) and 16 characters of
 * AWS's alphabet (upper-case letters and the digits 2-7).
 */
public final class UniqueIds {

    public static final String USER = "AIDA";
    public static final String GROUP = "AGPA";
    public static final String ROLE = "AROA";
    public static final String POLICY = "ANPA";
    public static final String ACCESS_KEY = "AKIA";
    public static final String TEMPORARY_ACCESS_KEY = "ASIA";

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private UniqueIds() {
    }

    /** A fresh id with {@code prefix}. */
    public static String next(String prefix) {
        char[] id = new char[prefix.length() + 16];
        prefix.getChars(0, prefix.length(), id, 0);
        for (int i = prefix.length(); i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
