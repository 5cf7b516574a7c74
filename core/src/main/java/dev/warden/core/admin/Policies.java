package dev.warden.core.admin;

import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.ManagedPolicy;
import dev.warden.core.iam.PolicyDocument;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;

/** Policy documents and managed policies as operations take them: validated, or AWS's error. */
final class Policies {

    private Policies() {
    }

    /**
     * {@code text} validated as a policy of {@code kind}: {@code MalformedPolicyDocument} or {@code LimitExceeded}
     * (with AWS's message for a managed policy, {@code Cannot exceed quota for PolicySize: 6144}, and a trust policy,
     * {@code Cannot exceed quota for ACLSizePerRole: 2048}).
     */
    static PolicyDocument document(String text, PolicyKind kind) throws IamException {
        try {
            return PolicyDocument.parse(text, kind);
        } catch (MalformedPolicyException e) {
            if (e.errorCode().equals(MalformedPolicyException.LIMIT_EXCEEDED)) {
                switch (kind) {
                    case MANAGED -> throw IamException.limitExceeded("PolicySize", kind.maxCharacters());
                    case TRUST -> throw IamException.limitExceeded("ACLSizePerRole", kind.maxCharacters());
                    default -> throw new IamException(IamError.LIMIT_EXCEEDED, e.reason());
                }
            }
            String where = e.pointer().isEmpty() ? "" : " (at " + e.pointer() + ")";
            throw new IamException(IamError.MALFORMED_POLICY_DOCUMENT, e.reason() + where);
        }
    }

    /** The managed policy {@code arn}, which must exist (to attach it, or use it as a boundary). */
    static ManagedPolicy existing(Directory directory, String arn) throws IamException {
        ManagedPolicy policy = directory.managedPolicy(arn);
        if (policy == null) {
            throw new IamException(IamError.NO_SUCH_ENTITY, "Policy " + arn + " does not exist or is not attachable.");
        }
        return policy;
    }

    /** The managed policy {@code arn}, or {@code NoSuchEntity} as GetPolicy says it. */
    static ManagedPolicy found(Directory directory, String arn) throws IamException {
        ManagedPolicy policy = directory.managedPolicy(arn);
        if (policy == null) {
            throw new IamException(IamError.NO_SUCH_ENTITY, "Policy " + arn + " was not found.");
        }
        return policy;
    }
}
