package dev.warden.core.policy;

/**
 * One entry of a {@code Resource} or {@code NotResource} element: {@code *}, or an ARN pattern.
 *
 * <p>As AWS specifies, each of the ARN's first five parts is matched on its own ({@code *} and {@code ?} stay
 * within the part), and the resource part as a whole, where {@code *} may span {@code /} and {@code :}. The
 * service part is literal: IAM refuses a wildcard there ("Resource vendor must be fully qualified and cannot contain
 * regexes"). An ARN may stop early, after its service, region or account, when its last part ends in {@code *}: that
 * {@code *} then also stands for the parts left out (IAM User Guide, "IAM JSON policy elements: Resource": "If the
 * {@code *} wildcard is the last character of a resource ARN segment, it can expand to match beyond the colon
 * boundaries"), so {@code arn:aws:dynamodb:us-east-1:*} covers every DynamoDB resource of that Region and
 * {@code arn:aws:rds:*} every RDS resource. Partition, service, region and account compare without regard to case;
 * the resource part is case-sensitive. A request for the resource {@code "*"} (an action that takes no resource) is
 * matched only by the pattern {@code "*"}. A pattern holding a policy variable the request has no value for matches
 * no resource (in {@code Resource} and {@code NotResource} alike, as AWS documents).
 */
final class ResourcePattern {

    private final String text;
    private final boolean all;
    private final Template partition;
    private final String service;
    private final Template region;
    private final Template account;
    private final Template resource;

    private ResourcePattern(String text, boolean all, Template partition, String service, Template region,
                            Template account, Template resource) {
        this.text = text;
        this.all = all;
        this.partition = partition;
        this.service = service;
        this.region = region;
        this.account = account;
        this.resource = resource;
    }

    /**
     * Compiles a resource pattern.
     *
     * @param variables whether {@code ${...}} is a policy variable (version 2012-10-17)
     * @throws IllegalArgumentException if it is neither {@code *} nor an ARN, if an ARN that stops before its
     *     resource part does not end in {@code *}, if the service part holds a wildcard, if a variable is malformed,
     *     or if a variable stands before the fifth colon (IAM User Guide, "IAM policy elements: Variables and tags":
     *     "You can't use a variable to replace parts of the ARN before the fifth colon, such as the service or
     *     account")
     */
    static ResourcePattern compile(String text, boolean variables) {
        if (ActionPattern.isAllStars(text)) {
            return new ResourcePattern(text, true, null, null, null, null, null);
        }
        String[] parts = Template.splitArn(text, variables);
        if (parts.length < 3 || !parts[0].equals("arn") || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new IllegalArgumentException("must be \"*\" or an ARN: arn:partition:service:region:account:resource");
        }
        if (parts[2].indexOf('*') >= 0 || parts[2].indexOf('?') >= 0) {
            throw new IllegalArgumentException("the service part of an ARN cannot hold a wildcard; name the service, "
                    + "as in arn:aws:s3:::* (IAM: \"Resource vendor must be fully qualified and cannot contain "
                    + "regexes\")");
        }
        if (parts.length < 6) {
            parts = expandShortArn(parts);
        }
        Template partition = Template.compile(parts[1], true, variables, true);
        Template region = Template.compile(parts[3], true, variables, true);
        Template account = Template.compile(parts[4], true, variables, true);
        Template resource = Template.compile(parts[5], true, variables, false);
        if (partition.hasVariables() || region.hasVariables() || account.hasVariables()
                || Template.compile(parts[2], true, variables, false).hasVariables()) {
            throw new IllegalArgumentException("a policy variable can only be used in the resource part of an ARN, "
                    + "after the fifth colon");
        }
        return new ResourcePattern(text, false, partition, parts[2], region, account, resource);
    }

    /**
     * The six parts an ARN that stops early stands for: its last part must end in {@code *}, which reaches across
     * the colons of the parts left out, so they match anything.
     */
    private static String[] expandShortArn(String[] parts) {
        String last = parts[parts.length - 1];
        if (!last.endsWith("*")) {
            throw new IllegalArgumentException("must be \"*\" or an ARN: "
                    + "arn:partition:service:region:account:resource; an ARN may stop before its resource part only "
                    + "when its last part ends in \"*\", as in arn:aws:dynamodb:us-east-1:*");
        }
        String[] six = {"arn", "*", "*", "*", "*", "*"};
        System.arraycopy(parts, 0, six, 0, parts.length);
        return six;
    }

    /** Whether matching reads the request's condition keys (a policy variable in the resource part). */
    boolean readsContext() {
        return !all && resource.hasVariables();
    }

    boolean matches(RequestView request) {
        if (all) {
            return true;
        }
        if (!request.resourceIsArn()) {
            return false;
        }
        String r = request.resource();
        int c2 = request.colon(2);
        int c3 = request.colon(3);
        boolean serviceMatches = service.length() == c3 - c2 - 1
                && (r.startsWith(service, c2 + 1) || r.regionMatches(true, c2 + 1, service, 0, service.length()));
        return serviceMatches
                && resource.matches(r, request.colon(5) + 1, r.length(), request)
                && account.matches(r, request.colon(4) + 1, request.colon(5), request)
                && region.matches(r, c3 + 1, request.colon(4), request)
                && partition.matches(r, request.colon(1) + 1, c2, request);
    }

    @Override
    public String toString() {
        return text;
    }
}
