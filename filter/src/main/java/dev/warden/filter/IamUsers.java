package dev.warden.filter;

import dev.warden.core.Warden;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.User;
import dev.warden.spi.Principal;

/** Finds an IAM user by name for the resolvers of applications' own sign-in: the ARN with its path. */
final class IamUsers {

    private IamUsers() {
    }

    /** The user {@code name} of {@code accountId}; a name the directory does not hold is refused. */
    static Principal byName(Warden warden, String accountId, String name) {
        Directory directory = warden.directory().current();
        Account account = directory.account(accountId);
        User user = account == null ? null : account.user(name);
        if (user == null) {
            throw new SecurityException("The signed-in user is not an IAM user of account " + accountId + ".");
        }
        return Principal.of(user.arn(directory.partition(), accountId));
    }
}
