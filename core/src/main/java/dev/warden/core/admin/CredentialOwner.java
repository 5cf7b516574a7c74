package dev.warden.core.admin;

import dev.warden.core.iam.AccessKey;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.MfaDevice;
import dev.warden.core.iam.User;
import dev.warden.spi.Principal;
import java.util.List;

/**
 * Whose credentials an access-key or MFA operation manages: the IAM user its {@code UserName} names or, when the
 * parameter is omitted, the caller itself. As in AWS, that is how the root user manages its own access keys and MFA
 * devices ("this operation works for access keys under the AWS account ... you can use this operation to manage AWS
 * account root user credentials"); nobody else can name the root user, and, as AWS documents, temporary credentials
 * must name the user.
 *
 * @param userName the IAM user's name, or {@code null} for the root user of the call's account
 */
record CredentialOwner(String userName) {

    /** AWS: the root user has at most two access keys, whatever the users' quota. */
    static final int ROOT_ACCESS_KEYS = 2;

    private static final CredentialOwner ROOT = new CredentialOwner(null);

    /** The owner a call addresses: {@code UserName}, else the calling user or root user (long-term credentials). */
    static CredentialOwner of(Call call) throws IamException {
        Principal caller = call.caller();
        if (call.params().optional("UserName") == null && caller.kind() == Principal.Kind.ROOT
                && call.accountId().equals(caller.accountId()) && !call.temporaryCredentials()) {
            return ROOT;
        }
        return new CredentialOwner(UserOperations.userName(call));
    }

    boolean root() {
        return userName == null;
    }

    /** The ARN the call is authorized on: the user's, or {@code arn:aws:iam::ACCOUNT:root}. */
    String arn(Call call) {
        return root() ? call.arn("root", "", "") : UserOperations.arn(call, userName);
    }

    /** The owner's user in {@code directory}; {@code NoSuchEntity} when it does not exist. Not for the root user. */
    User user(Call call, Directory directory) throws IamException {
        return UserOperations.find(call, directory, userName);
    }

    /** The owner's access keys in {@code directory}. */
    List<AccessKey> accessKeys(Call call, Directory directory) throws IamException {
        return root() ? call.account(directory).root().accessKeys() : user(call, directory).accessKeys();
    }

    /** The most access keys the owner may have. */
    int accessKeyQuota(Call call) {
        return root() ? ROOT_ACCESS_KEYS : call.quotas().accessKeysPerUser();
    }

    /** The change that gives the owner {@code keys} in {@code directory}. */
    Changes withAccessKeys(Call call, Directory directory, List<AccessKey> keys) throws IamException {
        if (root()) {
            Account account = call.account(directory);
            return new Changes().put(account.withRoot(account.root().withAccessKeys(keys)));
        }
        return new Changes().put(call.accountId(), user(call, directory).withAccessKeys(keys));
    }

    /** The {@link MfaDevice#userName()} of a device enabled for the owner. */
    String deviceUser(Call call, Directory directory) throws IamException {
        return root() ? MfaDevice.ROOT_USER : user(call, directory).name();
    }

    /** The user's name as the directory spells it, for answers; {@code null} for the root user, as AWS omits it. */
    String name(Call call, Directory directory) throws IamException {
        return root() ? null : user(call, directory).name();
    }
}
