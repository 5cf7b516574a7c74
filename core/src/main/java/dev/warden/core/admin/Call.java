package dev.warden.core.admin;

import dev.warden.core.auth.Caller;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.IamResource;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.Principal;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One call of an IAM operation: who calls, in which account, which operation, with which parameters. */
final class Call {

    private final IamService service;
    private final Caller caller;
    private final String accountId;
    private final String operation;
    private final Params params;
    private final Instant now;

    /** @param operation the operation called, as registered ({@code AttachUserPolicy}) */
    Call(IamService service, Caller caller, String accountId, String operation, Params params) {
        this.service = service;
        this.caller = caller;
        this.accountId = accountId;
        this.operation = operation;
        this.params = params;
        this.now = service.warden().clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    Principal caller() {
        return caller.principal();
    }

    /** Whether the caller signed with temporary credentials (a session), not a long-term key. */
    boolean temporaryCredentials() {
        return caller.temporary();
    }

    String accountId() {
        return accountId;
    }

    Params params() {
        return params;
    }

    Quotas quotas() {
        return service.quotas();
    }

    IamService service() {
        return service;
    }

    /** The time of the call, to the second (as IAM records dates). */
    Instant now() {
        return now;
    }

    Directory directory() {
        return service.warden().directory().current();
    }

    String partition() {
        return directory().partition();
    }

    /** The account of the call in {@code directory}. */
    Account account(Directory directory) throws IamException {
        Account account = directory.account(accountId);
        if (account == null) {
            throw new IamException(IamError.NO_SUCH_ENTITY, "The account " + accountId + " cannot be found.");
        }
        return account;
    }

    /** {@code arn:PARTITION:iam::ACCOUNT:TYPE} + path + name. */
    String arn(String type, String path, String name) {
        return "arn:" + partition() + ":iam::" + accountId + ":" + type + path + name;
    }

    /**
     * Lets the call go on only if the caller may perform {@code iam:ACTION} on {@code resource}, with the caller's
     * condition keys and the operation's own ({@link OperationConditionKeys}: {@code iam:PolicyARN},
     * {@code iam:PermissionsBoundary}, request and resource tags).
     *
     * @throws IamException {@code AccessDenied} with AWS's message
     */
    void authorize(String action, String resource) throws IamException {
        AuthorizationRequest.Builder request = AuthorizationRequest.builder(caller.principal(), action, resource);
        caller.contextAt(service.warden().clock().instant()).forEach(request::context);
        IamResource target = IamResource.find(directory(), resource);
        OperationConditionKeys.of(operation, params, target).forEach(request::context);
        Decision decision = service.warden().authorize(request.build(), null, caller.sessionPolicy());
        if (!decision.isAllowed()) {
            throw new IamException(IamError.ACCESS_DENIED, decision.reason());
        }
    }

    /** Applies a change computed from the current directory, atomically (retried on conflicts). */
    <T> T write(LiveDirectory.Mutation<T> mutation) throws IamException, IOException {
        return service.warden().directory().update(mutation);
    }
}
