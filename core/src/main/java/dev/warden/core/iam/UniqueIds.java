package dev.warden.core.iam;

import java.security.SecureRandom;

/**
 * Unique ids as AWS forms them: a four-letter prefix naming the kind ({@code AIDA} user, {@code AGPA} group,
 * {@code AROA} role, {@code ANPA} managed policy, {@code AKIA} long-term access key) and 16 characters of
 * AWS's alphabet (upper-case letters and the digits 2-7).
 */
final class UniqueIds {

    static final String USER = "AIDA";
    static final String GROUP = "AGPA";
    static final String ROLE = "AROA";
    static final String POLICY = "ANPA";
    static final String ACCESS_KEY = "AKIA";

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private UniqueIds() {
    }

    /** A fresh id with {@code prefix}. */
    static String next(String prefix) {
        char[] id = new char[prefix.length() + 16];
        prefix.getChars(0, prefix.length(), id, 0);
        for (int i = prefix.length(); i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
