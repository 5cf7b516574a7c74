package dev.warden.core.iam;

import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.Policy;
import dev.warden.core.policy.PolicyKind;
import dev.warden.core.policy.PolicyParser;
import dev.warden.spi.PolicyType;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A policy document as IAM keeps it: the text exactly as it was given (AWS returns it verbatim), its validated
 * form, and its compiled forms, made once per name and role and shared by every snapshot that holds it.
 */
public final class PolicyDocument {

    private record Use(String name, PolicyType type) {
    }

    private final String text;
    private final Policy policy;
    private final ConcurrentHashMap<Use, CompiledPolicy> compiled = new ConcurrentHashMap<>(2);

    private PolicyDocument(String text, Policy policy) {
        this.text = text;
        this.policy = policy;
    }

    /** Validates {@code text} as a policy of {@code kind}. */
    public static PolicyDocument parse(String text, PolicyKind kind) throws MalformedPolicyException {
        return new PolicyDocument(text, PolicyParser.parse(Objects.requireNonNull(text, "text"), kind));
    }

    /** The document exactly as it was given. */
    public String text() {
        return text;
    }

    /** The validated document. */
    public Policy policy() {
        return policy;
    }

    /** The document compiled under {@code name} (what decisions cite) for {@code type}; compiled once. */
    public CompiledPolicy compiled(String name, PolicyType type) {
        return compiled.computeIfAbsent(new Use(name, type), u -> CompiledPolicy.compile(policy, u.name, u.type));
    }

    /** The length AWS counts against quotas: characters that are not whitespace. */
    public int size() {
        return (int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyDocument d && d.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
