package dev.warden.spi;

/**
 * The three answers AWS IAM can give to an authorization question.
 *
 * <p>{@link #awsName()} is the spelling AWS uses in the policy simulator and in Warden's batch output.
 */
public enum Outcome {
    /** Some policy allows the request and nothing denies or caps it. */
    ALLOWED("Allowed"),
    /** A {@code Deny} statement that applies, in any policy. */
    EXPLICITLY_DENIED("ExplicitlyDenied"),
    /** No explicit deny, but no allow either, or an allow capped by a boundary, session policy, SCP or RCP. */
    IMPLICITLY_DENIED("ImplicitlyDenied");

    private final String awsName;

    Outcome(String awsName) {
        this.awsName = awsName;
    }

    /** The name AWS gives this outcome, e.g. {@code "ExplicitlyDenied"}. */
    public String awsName() {
        return awsName;
    }

    /**
     * The outcome named {@code name} ({@code "Allowed"}, {@code "ExplicitlyDenied"} or {@code "ImplicitlyDenied"}).
     *
     * @throws IllegalArgumentException if the name is none of those
     */
    public static Outcome fromAwsName(String name) {
        for (Outcome outcome : values()) {
            if (outcome.awsName.equals(name)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("not an IAM decision: " + name);
    }
}
