package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.auth.Caller;
import dev.warden.core.auth.SecretSealer;
import dev.warden.core.auth.mfa.TotpVerifier;
import dev.warden.core.auth.password.PasswordHasher;
import dev.warden.core.auth.password.PasswordValidator;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.StoreDocumentException;
import dev.warden.core.report.CredentialReports;
import dev.warden.spi.Principal;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * IAM's administrative API over a Warden directory: one operation model for every caller (the CLI now, the IAM
 * Query endpoint for the AWS CLI and SDKs next). An operation is named by its IAM action ({@code CreateUser}) and
 * takes AWS's Query parameters ({@code UserName=alice}); it answers in AWS's response shape or fails with AWS's
 * error code and message. Every call is itself authorized: the caller must be allowed {@code iam:ACTION} on the
 * entity's ARN, as in AWS; nothing changes when a call fails. Thread-safe.
 */
public final class IamService {

    private final Warden warden;
    private final SecretSealer sealer;
    private final Quotas quotas;
    private final Map<String, Operation> operations = new TreeMap<>();
    private final PasswordHasher passwords = new PasswordHasher();
    private final PasswordValidator passwordValidator = new PasswordValidator(passwords);
    private final TotpVerifier totp;
    private final CredentialReports credentialReports = new CredentialReports();

    /**
     * @param sealer seals secret access keys; {@code null} when no master key is configured (access key creation then
     *     fails with {@code ServiceFailure})
     */
    public IamService(Warden warden, SecretSealer sealer, Quotas quotas) {
        this.warden = Objects.requireNonNull(warden, "warden");
        this.sealer = sealer;
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.totp = new TotpVerifier(warden.clock());
        UserOperations.register(this);
        GroupOperations.register(this);
        RoleOperations.register(this);
        InlinePolicyOperations.register(this);
        ManagedPolicyOperations.register(this);
        AttachmentOperations.register(this);
        AccessKeyOperations.register(this);
        AccountOperations.register(this);
        AccountSummaryOperations.register(this);
        SimulationOperations.register(this);
        LoginProfileOperations.register(this);
        PasswordPolicyOperations.register(this);
        MfaDeviceOperations.register(this);
        OidcProviderOperations.register(this);
        CredentialReportOperations.register(this);
    }

    /**
     * Creates account (tenant) {@code accountId}, as the application vendor does: not an IAM operation, so not
     * authorized by IAM policies.
     *
     * @throws IamException {@code EntityAlreadyExists}, or {@code ValidationError} for an id that is not 12 digits
     */
    public void createAccount(String accountId, String alias) throws IamException, IOException {
        createAccount(accountId, alias, null, null);
    }

    /**
     * Creates account {@code accountId} as {@link #createAccount(String, String)} does, with its root user's email
     * and console password (either may be {@code null}) in the same change: nothing is created when one is refused.
     *
     * @throws IamException also as {@link #setRootEmail} and {@link #setRootPassword}
     */
    public void createAccount(String accountId, String alias, String rootEmail, char[] rootPassword)
            throws IamException, IOException {
        if (accountId == null || !accountId.matches("[0-9]{12}")) {
            throw new IamException(IamError.VALIDATION_ERROR, "an account id is 12 digits, got '" + accountId + "'");
        }
        if (alias != null) {
            dev.warden.core.iam.Constraint.ACCOUNT_ALIAS.check(alias);
        }
        warden.directory().update(d -> {
            if (d.account(accountId) != null) {
                throw new IamException(IamError.ENTITY_ALREADY_EXISTS, "The account " + accountId + " already exists.");
            }
            for (var other : d.accounts().values()) {
                if (alias != null && alias.equals(other.alias())) {
                    throw new IamException(IamError.ENTITY_ALREADY_EXISTS, "The account alias " + alias + " already exists.");
                }
            }
            var account = dev.warden.core.iam.Account.create(accountId, alias,
                    warden.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            account = RootCredentials.with(this, d, account, rootEmail, rootPassword);
            return new dev.warden.core.iam.LiveDirectory.Result<>(null, new dev.warden.core.iam.Changes().put(account));
        });
    }

    /**
     * Sets the email address the root user of account {@code accountId} signs in with, as the application vendor
     * does (AWS: the address given at sign-up): not an IAM operation, so not authorized by IAM policies.
     *
     * @throws IamException {@code ValidationError} for a malformed address, {@code EntityAlreadyExists} when another
     *     account's root user has it, {@code NoSuchEntity} for an unknown account
     */
    public void setRootEmail(String accountId, String email) throws IamException, IOException {
        RootCredentials.setEmail(this, accountId, email);
    }

    /**
     * Sets the console password of the root user of account {@code accountId}, as the application vendor does (AWS:
     * chosen at sign-up or by the "forgot password" mail; there is no IAM API for it): not an IAM operation, so not
     * authorized by IAM policies. The account's password policy does not apply to the root user; AWS's rules for the
     * root password do (8 to 128 characters, three of upper case, lower case, digits and symbols, not the account's
     * name or email). The root user changes it afterwards with {@code ChangePassword}.
     *
     * @throws IamException {@code PasswordPolicyViolation}, or {@code NoSuchEntity} for an unknown account
     */
    public void setRootPassword(String accountId, char[] password) throws IamException, IOException {
        RootCredentials.setPassword(this, accountId, password);
    }

    void register(String action, Operation operation) {
        if (operations.put(action, operation) != null) {
            throw new IllegalStateException("operation registered twice: " + action);
        }
    }

    /** The operations this service answers, by IAM action name. */
    public Set<String> actions() {
        return operations.keySet();
    }

    /**
     * Runs IAM operation {@code action} for {@code caller} in account {@code accountId}.
     *
     * @param params AWS's Query parameters, e.g. {@code UserName}, {@code Tags.member.1.Key}
     * @return the response, shaped as AWS's ({@code {"User": {...}}}); policy documents as their verbatim text
     * @throws IamException AWS's error: {@code AccessDenied}, {@code NoSuchEntity}, {@code EntityAlreadyExists},
     *     {@code LimitExceeded}, {@code MalformedPolicyDocument}, {@code DeleteConflict}, {@code ValidationError}, ...
     */
    public ObjectNode call(Principal caller, String accountId, String action, Map<String, String> params)
            throws IamException, IOException {
        return call(Caller.of(caller), accountId, action, params);
    }

    /**
     * Runs IAM operation {@code action} for an authenticated {@code caller}, whose credentials' condition keys
     * ({@code aws:MultiFactorAuthPresent}, {@code aws:PrincipalTag/*}, ...) and session policy apply to the
     * authorization of the call.
     */
    public ObjectNode call(Caller caller, String accountId, String action, Map<String, String> params)
            throws IamException, IOException {
        if (caller.via() == Caller.Via.SESSION_TOKEN && caller.mfaAuthenticated() == null) {
            // AWS: credentials from GetSessionToken reach IAM only when MFA was part of getting them
            throw new IamException(IamError.ACCESS_DENIED, "User: " + caller.principal().arn()
                    + " is not authorized to perform: iam:" + action
                    + " with credentials from GetSessionToken that were issued without MFA");
        }
        if (caller.via() == Caller.Via.FEDERATED_USER) {
            // AWS: GetFederationToken credentials "cannot call any IAM operations using the CLI or the AWS API"
            throw new IamException(IamError.ACCESS_DENIED, "User: " + caller.principal().arn()
                    + " is not authorized to perform: iam:" + action + " with credentials from GetFederationToken");
        }
        Operation operation = operations.get(action);
        if (operation == null) {
            throw new IamException(IamError.INVALID_ACTION, "Could not find operation " + action + " for version 2010-05-08");
        }
        try {
            return operation.run(new Call(this, caller, accountId, action, new Params(params)));
        } catch (IamException e) {
            StoreDocumentException unreadable = e.error() == IamError.NO_SUCH_ENTITY
                    ? unreadableEntity(accountId, params) : null;
            if (unreadable == null) {
                throw e;
            }
            throw new IamException(IamError.NO_SUCH_ENTITY, e.getMessage() + " Its store document " + unreadable.path()
                    + " cannot be read ("
                    + unreadable.problem() + "); repair the file or delete it.");
        }
    }

    /**
     * The unreadable store document of an entity the call names ({@code UserName}, {@code GroupName},
     * {@code RoleName}, {@code PolicyArn}, {@code PermissionsBoundary}), or of the account: why it "cannot be found".
     */
    private StoreDocumentException unreadableEntity(String accountId, Map<String, String> params) {
        Directory directory = warden.directory().current();
        String[][] names = {{"UserName", "user"}, {"GroupName", "group"}, {"RoleName", "role"}};
        for (String[] name : names) {
            String value = params.get(name[0]);
            StoreDocumentException unreadable = value == null ? null
                    : directory.unreadableDocumentOf(accountId, name[1], value);
            if (unreadable != null) {
                return unreadable;
            }
        }
        for (String param : new String[] {"PolicyArn", "PermissionsBoundary"}) {
            String[] arn = params.getOrDefault(param, "").split(":", 6);
            if (arn.length == 6 && arn[5].startsWith("policy/")) {
                StoreDocumentException unreadable = directory.unreadableDocumentOf(arn[4], "policy",
                        arn[5].substring(arn[5].lastIndexOf('/') + 1));
                if (unreadable != null) {
                    return unreadable;
                }
            }
        }
        return directory.unreadableDocumentOf(accountId, "user", ""); // the account's own document
    }

    Warden warden() {
        return warden;
    }

    /** Hashes and verifies console passwords. */
    PasswordHasher passwords() {
        return passwords;
    }

    TotpVerifier totp() {
        return totp;
    }

    /**
     * Accepts MFA code {@code code} from device {@code serialNumber} of IAM user or root user {@code user}, once (its
     * time step is recorded, so the same code is refused afterwards): what STS and sign-in check MFA with.
     *
     * @throws IamException {@code AccessDenied} for a wrong, reused or foreign code
     */
    public void verifyMfa(Principal user, String serialNumber, String code) throws IamException {
        if (user.kind() != Principal.Kind.USER && user.kind() != Principal.Kind.ROOT) {
            throw new IamException(IamError.ACCESS_DENIED, "MultiFactorAuthentication failed with invalid MFA one time pass code.");
        }
        String holder = user.kind() == Principal.Kind.ROOT ? dev.warden.core.iam.MfaDevice.ROOT_USER : user.name();
        try {
            MfaDeviceOperations.verifyCode(this, user.accountId(), holder, serialNumber, code);
        } catch (IOException e) {
            throw new IamException(IamError.SERVICE_FAILURE, "the MFA device could not be updated: " + e.getMessage());
        }
    }

    /** The accounts' latest credential reports (in memory, per Warden). */
    CredentialReports credentialReports() {
        return credentialReports;
    }

    PasswordValidator passwordValidator() {
        return passwordValidator;
    }

    Quotas quotas() {
        return quotas;
    }

    SecretSealer sealer() throws IamException {
        if (sealer == null) {
            throw new IamException(IamError.SERVICE_FAILURE, "no master key is configured, so secrets cannot be stored");
        }
        return sealer;
    }
}
