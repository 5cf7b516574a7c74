package dev.warden.core.eval;

import dev.warden.core.policy.PrincipalMatch;
import dev.warden.core.policy.RequestView;
import dev.warden.core.policy.StatementIndex;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import dev.warden.spi.StatementRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * AWS's policy evaluation logic, decision for decision, as the IAM User Guide documents it ("Policy evaluation
 * logic", "Cross-account policy evaluation logic"):
 * <ol>
 *   <li>An explicit deny in any applicable policy (SCP, RCP, resource-based, identity-based, permissions
 *       boundary, session, VPC endpoint) decides: explicitly denied.</li>
 *   <li>Every level of the organization's SCPs must allow (SCPs bound the account's principals, not service
 *       principals or anonymous callers).</li>
 *   <li>Within an account, an allow in an identity-based policy, or a resource-based policy that names the
 *       caller (its ARN, or the role or user behind its session), grants; a resource-based policy that names only
 *       the account delegates to identity-based policies. A role's trust policy and a KMS key policy must trust
 *       the account before identity-based policies count. Across accounts, both sides must allow.</li>
 *   <li>A permissions boundary must allow, unless (same account) a resource-based policy grants to the caller
 *       itself.</li>
 *   <li>A session policy must allow, unless (same account) a resource-based policy names the session's own ARN.</li>
 *   <li>Otherwise: implicitly denied.</li>
 * </ol>
 * The decision cites the statements that decided it and says why in AWS's words. Stateless and thread-safe.
 */
public final class Evaluator {

    private static final Set<String> MANAGED_POLICY_CHANGES = Set.of("iam:createpolicy", "iam:createpolicyversion",
            "iam:deletepolicy", "iam:deletepolicyversion", "iam:setdefaultpolicyversion", "iam:tagpolicy",
            "iam:untagpolicy");
    private static final Set<String> RESERVED_ROLE_CHANGES = Set.of("iam:attachrolepolicy", "iam:createrole",
            "iam:createservicelinkedrole", "iam:deleterole", "iam:deleterolepermissionsboundary",
            "iam:deleterolepolicy", "iam:deleteservicelinkedrole", "iam:detachrolepolicy", "iam:passrole",
            "iam:putrolepermissionsboundary", "iam:putrolepolicy", "iam:tagrole", "iam:untagrole",
            "iam:updateassumerolepolicy", "iam:updaterole", "iam:updateroledescription");
    private static final Set<String> MANAGED_ALIAS_CHANGES = Set.of("kms:createalias", "kms:deletealias",
            "kms:updatealias");

    private Evaluator() {
    }

    /** Decides {@code request} under the policies of {@code input}. */
    public static Decision decide(AuthorizationRequest request, EvaluationInput input) {
        return evaluate(request, input).decision();
    }

    /** Decides {@code request} and keeps what each kind of policy said, for explanations. */
    public static Evaluation evaluate(AuthorizationRequest request, EvaluationInput input) {
        return new Run(new RequestView(request), input).run();
    }

    /** One evaluation: the scans of each policy group, then the decision. */
    private static final class Run {
        private final RequestView view;
        private final AuthorizationRequest request;
        private final Principal caller;
        private final EvaluationInput in;
        private final boolean sameAccount;
        private List<Scan> scp;
        private List<Scan> rcp;
        private Scan resource;
        private Scan identity;
        private Scan boundary;
        private Scan session;
        private Scan endpoint;

        Run(RequestView view, EvaluationInput in) {
            this.view = view;
            this.request = view.request();
            this.caller = request.principal();
            this.in = in;
            // AWS managed policies (arn:aws:iam::aws:policy/...) carry "aws" where the account goes: they belong to
            // no other account, every account reads and attaches them on its own identity-based policies.
            String owner = request.resourceAccount();
            this.sameAccount = caller.accountId() != null && (caller.accountId().equals(owner) || "aws".equals(owner));
        }

        Evaluation run() {
            Principal.Kind kind = caller.kind();
            boolean anonymous = kind == Principal.Kind.ANONYMOUS;
            boolean service = kind == Principal.Kind.SERVICE;
            boolean root = kind == Principal.Kind.ROOT;
            boolean iamPrincipal = !anonymous && !service;
            if (iamPrincipal && request.action().equalsIgnoreCase("sts:GetCallerIdentity")) {
                return done(Outcome.ALLOWED, List.of(), () -> "sts:GetCallerIdentity is allowed for every signed request");
            }
            boolean hasBoundary = in.permissionsBoundary() != null && iamPrincipal && !root;

            if (in.serviceControlLevels() != null && iamPrincipal) {
                scp = scanLevels(in.serviceControlLevels());
                Evaluation denied = firstDeny(scp, PolicyType.SERVICE_CONTROL);
                if (denied != null) {
                    return denied;
                }
            }
            if (in.resourceControlLevels() != null) {
                rcp = scanLevels(in.resourceControlLevels());
                Evaluation denied = firstDeny(rcp, PolicyType.RESOURCE_CONTROL);
                if (denied != null) {
                    return denied;
                }
            }
            if (in.resource() != null) {
                resource = Scan.ofResourcePolicy(in.resource(), view, hasBoundary);
                if (resource.denies()) {
                    return explicitDeny(resource, PolicyType.RESOURCE);
                }
            }
            if (iamPrincipal && !root) {
                identity = in.identity() == null ? new Scan() : Scan.of(in.identity(), view);
                if (identity.denies()) {
                    return explicitDeny(identity, PolicyType.IDENTITY);
                }
                if (hasBoundary) {
                    boundary = Scan.of(in.permissionsBoundary(), view);
                    if (boundary.denies()) {
                        return explicitDeny(boundary, PolicyType.PERMISSIONS_BOUNDARY);
                    }
                }
                if (in.session() != null) {
                    session = Scan.of(in.session(), view);
                    if (session.denies()) {
                        return explicitDeny(session, PolicyType.SESSION);
                    }
                }
            }
            if (in.vpcEndpoint() != null) {
                // An endpoint policy is resource-based: its statements apply only to the principals they name.
                endpoint = Scan.ofResourcePolicy(in.vpcEndpoint(), view, hasBoundary);
                if (endpoint.denies()) {
                    return explicitDeny(endpoint, PolicyType.VPC_ENDPOINT);
                }
            }
            return iamPrincipal ? grantToIamPrincipal(root) : grantToOthers();
        }

        /** Anonymous callers and service principals: only a resource-based policy that names them grants. */
        private Evaluation grantToOthers() {
            List<Scan.Hit> grants = resource == null ? List.of() : hits(resource, PrincipalMatch.DIRECT);
            if (grants.isEmpty()) {
                return implicitDeny(PolicyType.RESOURCE);
            }
            return finish(grants);
        }

        private Evaluation grantToIamPrincipal(boolean root) {
            if (scp != null) {
                for (Scan level : scp) {
                    if (!level.allows()) {
                        return implicitDeny(PolicyType.SERVICE_CONTROL);
                    }
                }
            }
            boolean identityAllows = root || identity.allows();
            List<Scan.Hit> grants = new ArrayList<>();
            if (sameAccount) {
                boolean trusted = !requiresExplicitTrust() || (resource != null && resource.allowsAs(PrincipalMatch.ACCOUNT));
                if (identityAllows && trusted && identity != null) {
                    grants.addAll(identity.allowHits());
                }
                if (resource != null) {
                    grants.addAll(hits(resource, PrincipalMatch.DIRECT, PrincipalMatch.SESSION_ROLE,
                            PrincipalMatch.SESSION_USER));
                }
                if (grants.isEmpty() && !(root && trusted)) {
                    return implicitDeny(identityAllows ? PolicyType.RESOURCE : PolicyType.IDENTITY);
                }
            } else {
                if (!identityAllows) {
                    return implicitDeny(PolicyType.IDENTITY);
                }
                if (resource == null || !resource.allows()) {
                    return implicitDeny(PolicyType.RESOURCE);
                }
                if (identity != null) {
                    grants.addAll(identity.allowHits());
                }
                grants.addAll(resource.allowHits());
            }
            if (boundary != null && !boundary.allows()) {
                List<Scan.Hit> bypass = sameAccount ? boundaryBypass() : List.of();
                if (bypass.isEmpty()) {
                    return implicitDeny(PolicyType.PERMISSIONS_BOUNDARY);
                }
                grants = bypass;
            }
            if (session != null && !session.allows()) {
                List<Scan.Hit> toSession = new ArrayList<>();
                if (sameAccount && resource != null) {
                    for (Scan.Hit hit : resource.allowHits()) {
                        if (grants.contains(hit) && hit.statement().namesPrincipalExactly(caller.arn())) {
                            toSession.add(hit);
                        }
                    }
                }
                if (toSession.isEmpty()) {
                    return implicitDeny(PolicyType.SESSION);
                }
                grants = toSession;
            }
            return finish(grants);
        }

        /**
         * Same-account resource-based grants that an implicit deny in a boundary does not cap: those naming the
         * user or session itself (a role's ARN names its sessions only through the boundary).
         */
        private List<Scan.Hit> boundaryBypass() {
            if (resource == null) {
                return List.of();
            }
            List<Scan.Hit> out = new ArrayList<>();
            for (Scan.Hit hit : resource.allowHits()) {
                if (hit.match() != PrincipalMatch.DIRECT) {
                    continue;
                }
                switch (caller.kind()) {
                    case USER, ASSUMED_ROLE, FEDERATED_USER -> out.add(hit);
                    case ROLE -> {
                        if (hit.statement().namesEveryone()) {
                            out.add(hit);
                        }
                    }
                    default -> {
                    }
                }
            }
            return out;
        }

        /** STS on a role with a trust policy, and KMS on a key, count identity-based policies only if trusted. */
        private boolean requiresExplicitTrust() {
            String action = request.action();
            if (action.regionMatches(true, 0, "sts:", 0, 4)) {
                return in.resource() != null;
            }
            if (action.regionMatches(true, 0, "kms:", 0, 4)) {
                String r = request.resource();
                int colons = 0;
                int i = 0;
                while (colons < 5 && (i = r.indexOf(':', i) + 1) > 0) {
                    colons++;
                }
                return colons == 5 && r.startsWith("key/", i);
            }
            return false;
        }

        /** Rules AWS applies to particular services after the policies allowed (STS: root cannot assume roles). */
        private Evaluation finish(List<Scan.Hit> grants) {
            if (endpoint != null && !endpoint.allows()) {
                return implicitDeny(PolicyType.VPC_ENDPOINT);
            }
            String action = request.action();
            if (caller.kind() == Principal.Kind.ROOT && action.regionMatches(true, 0, "sts:AssumeRole", 0, 14)) {
                return done(Outcome.IMPLICITLY_DENIED, List.of(),
                        () -> Messages.because(request, "roles may not be assumed by root accounts"));
            }
            if (action.regionMatches(true, 0, "iam:", 0, 4) || action.regionMatches(true, 0, "kms:", 0, 4)) {
                String why = serviceRuleDenial(action.toLowerCase(Locale.ROOT), request.resource().split(":", 6));
                if (why != null) {
                    return done(Outcome.IMPLICITLY_DENIED, List.of(), () -> Messages.because(request, why));
                }
            }
            List<StatementRef> refs = refs(grants);
            return done(Outcome.ALLOWED, refs, () -> Messages.allowed(request, refs));
        }

        /** Why IAM or KMS refuses a change to something AWS manages, or {@code null}. */
        private static String serviceRuleDenial(String action, String[] arn) {
            if (arn.length != 6) {
                return null;
            }
            String resource = arn[5].toLowerCase(Locale.ROOT);
            if (MANAGED_POLICY_CHANGES.contains(action) && "aws".equals(arn[4]) && resource.startsWith("policy/")) {
                return "AWS managed policies cannot be changed";
            }
            if (RESERVED_ROLE_CHANGES.contains(action) && resource.startsWith("role/aws-reserved/")) {
                return "roles under /aws-reserved/ are managed by the service";
            }
            if (MANAGED_ALIAS_CHANGES.contains(action) && resource.startsWith("alias/aws/")) {
                return "aliases under alias/aws/ are managed by the service";
            }
            return null;
        }

        private List<Scan> scanLevels(List<StatementIndex> levels) {
            List<Scan> scans = new ArrayList<>(levels.size());
            for (StatementIndex level : levels) {
                scans.add(Scan.of(level, view));
            }
            return scans;
        }

        private Evaluation firstDeny(List<Scan> levels, PolicyType type) {
            for (Scan level : levels) {
                if (level.denies()) {
                    return explicitDeny(level, type);
                }
            }
            return null;
        }

        private Evaluation explicitDeny(Scan scan, PolicyType type) {
            return done(Outcome.EXPLICITLY_DENIED, refs(scan.denyHits()), () -> Messages.explicitDeny(request, type));
        }

        private Evaluation implicitDeny(PolicyType type) {
            return done(Outcome.IMPLICITLY_DENIED, List.of(), () -> Messages.noAllow(request, type));
        }

        private Evaluation done(Outcome outcome, List<StatementRef> refs, Supplier<String> reason) {
            return new Evaluation(Decision.withLazyReason(outcome, refs, reason), sameAccount, identity, resource,
                    boundary, session, scp, rcp, endpoint);
        }

        private static List<Scan.Hit> hits(Scan scan, PrincipalMatch... matches) {
            List<Scan.Hit> out = new ArrayList<>();
            for (Scan.Hit hit : scan.allowHits()) {
                for (PrincipalMatch match : matches) {
                    if (hit.match() == match) {
                        out.add(hit);
                        break;
                    }
                }
            }
            return out;
        }

        private static List<StatementRef> refs(List<Scan.Hit> hits) {
            List<StatementRef> refs = new ArrayList<>(hits.size());
            for (Scan.Hit hit : hits) {
                refs.add(hit.statement().ref());
            }
            return refs;
        }
    }
}
