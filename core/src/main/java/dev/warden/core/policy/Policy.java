package dev.warden.core.policy;

import java.util.List;

/**
 * A validated policy document.
 *
 * @param kind what the document is used as (decides its validation rules and size quota)
 * @param version {@code 2012-10-17}, {@code 2008-10-17}, or {@code null} when the document has none (which AWS
 *     reads as 2008-10-17)
 * @param id the {@code Id} element, or {@code null}
 * @param statements the statements, in document order
 * @param text the document as it was given, kept verbatim
 */
public record Policy(PolicyKind kind, String version, String id, List<Statement> statements, String text) {

    /** The current policy language, in which {@code ${...}} are policy variables. */
    public static final String VERSION_2012 = "2012-10-17";
    /** The original policy language, in which {@code ${...}} is literal text. */
    public static final String VERSION_2008 = "2008-10-17";

    public Policy {
        statements = List.copyOf(statements);
    }

    /** Whether {@code ${...}} in this document are policy variables (only in version 2012-10-17). */
    public boolean hasPolicyVariables() {
        return VERSION_2012.equals(version);
    }
}
