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

    /** {@code text} validated as a policy of {@code kind}: {@code MalformedPolicyDocument} or {@code LimitExceeded}. */
    static PolicyDocument document(String text, PolicyKind kind) throws IamException {
        try {
            return PolicyDocument.parse(text, kind);
        } catch (MalformedPolicyException e) {
            IamError error = e.errorCode().equals(MalformedPolicyException.LIMIT_EXCEEDED)
                    ? IamError.LIMIT_EXCEEDED : IamError.MALFORMED_POLICY_DOCUMENT;
            String where = e.pointer().isEmpty() ? "" : " (at " + e.pointer() + ")";
            throw new IamException(error, e.reason() + where);
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
