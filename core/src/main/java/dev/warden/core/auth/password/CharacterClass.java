package dev.warden.core.auth.password;

/**
 * The four kinds of character IAM's password rules count, as AWS defines them: ISO basic Latin letters only (an
 * {@code é} is neither upper nor lower case here), the digits 0 to 9, and exactly the twenty symbols IAM lists.
 */
enum CharacterClass {
    UPPERCASE,
    LOWERCASE,
    NUMBER,
    SYMBOL;

    /** IAM's symbols: {@code ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '}. */
    static final String SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

    boolean contains(char c) {
        return switch (this) {
            case UPPERCASE -> c >= 'A' && c <= 'Z';
            case LOWERCASE -> c >= 'a' && c <= 'z';
            case NUMBER -> c >= '0' && c <= '9';
            case SYMBOL -> SYMBOLS.indexOf(c) >= 0;
        };
    }

    boolean anyIn(char[] password) {
        for (char c : password) {
            if (contains(c)) {
                return true;
            }
        }
        return false;
    }
}
