package dev.warden.bench;

import dev.warden.core.Warden;
import dev.warden.core.iam.IamException;
import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The benchmarks' material, written once and rendered three ways: as AWS IAM JSON for Warden, as jCasbin policy
 * lines, and as Cedar policies. Every rule is a statement (effect, actions, resources, conditions) in IAM's
 * vocabulary; the renderers translate it as a user of each library would.
 *
 * <p>The check every decision benchmark makes: alice ({@link #ALICE}, team {@code blue}) does {@code s3:GetObject}
 * on {@code arn:aws:s3:::downloads/report.pdf} from {@code 10.1.2.3} at {@code 2026-11-23T15:00:00Z}; the answer is
 * Allowed (by two statements), after four Deny statements that cover the action were looked at and did not apply.
 */
public final class Policies {

    static final String ACCOUNT = "111122223333";
    static final String ALICE = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    static final String ACTION = "s3:GetObject";
    static final String RESOURCE = "arn:aws:s3:::downloads/report.pdf";
    static final String SOURCE_IP = "10.1.2.3";
    static final String TEAM = "blue";
    static final String CURRENT_TIME = "2026-11-23T15:00:00Z";

    private Policies() {
    }

    /** One condition: operator, key, values (ORed), as in an IAM {@code Condition} block. */
    record Cond(String operator, String key, List<String> values) {
    }

    /** One statement. */
    record Rule(String sid, boolean deny, List<String> actions, List<String> resources, List<Cond> conditions) {
    }

    /** One policy document and the name decisions cite. */
    record Doc(String name, List<Rule> rules) {
    }

    // ---------------------------------------------------------------------------------------------------------
    // The request

    /** The request of the decision benchmarks, for Warden. */
    /**
     * Makes account {@link #ACCOUNT} in {@code warden} with alice, tagged {@code team=}{@link #TEAM}, and her ten
     * managed policies attached as customer-managed policies of the account.
     *
     * @return the account's root, for further calls
     */
    public static Principal enrollAlice(Warden warden) throws IOException, IamException {
        Principal root = Principal.of("arn:aws:iam::" + ACCOUNT + ":root");
        warden.iam().createAccount(ACCOUNT, "bench");
        warden.iam().call(root, ACCOUNT, "CreateUser", Map.of("UserName", "alice"));
        warden.iam().call(root, ACCOUNT, "TagUser", Map.of("UserName", "alice",
                "Tags.member.1.Key", "team", "Tags.member.1.Value", TEAM));
        for (Doc doc : aliceDocuments()) {
            String name = doc.name().substring(doc.name().lastIndexOf('/') + 1);
            warden.iam().call(root, ACCOUNT, "CreatePolicy", Map.of("PolicyName", name,
                    "PolicyDocument", iamJson(doc)));
            warden.iam().call(root, ACCOUNT, "AttachUserPolicy", Map.of("UserName", "alice", "PolicyArn", doc.name()));
        }
        return root;
    }

    static AuthorizationRequest request() {
        return AuthorizationRequest.builder(Principal.of(ALICE), ACTION, RESOURCE)
                .context("aws:SourceIp", SOURCE_IP)
                .context("aws:PrincipalTag/team", TEAM)
                .context("aws:CurrentTime", CURRENT_TIME)
                .build();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Alice's ten identity policies, ten statements each

    private static Cond ip(String... cidrs) {
        return new Cond("IpAddress", "aws:SourceIp", List.of(cidrs));
    }

    private static Cond team(String... teams) {
        return new Cond("StringEquals", "aws:PrincipalTag/team", List.of(teams));
    }

    private static Cond before(String date) {
        return new Cond("DateLessThan", "aws:CurrentTime", List.of(date));
    }

    private static Cond after(String date) {
        return new Cond("DateGreaterThan", "aws:CurrentTime", List.of(date));
    }

    private static Rule allow(String sid, List<String> actions, List<String> resources, Cond... conditions) {
        return new Rule(sid, false, actions, resources, List.of(conditions));
    }

    private static Rule deny(String sid, List<String> actions, List<String> resources, Cond... conditions) {
        return new Rule(sid, true, actions, resources, List.of(conditions));
    }

    private static String policyArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":policy/" + name;
    }

    private static String arn(String service, String resource) {
        return "arn:aws:" + service + ":us-east-1:" + ACCOUNT + ":" + resource;
    }

    private static final String OFFICE = "10.0.0.0/8";
    private static final String VPN = "172.16.0.0/12";
    private static final String BLOCKED_1 = "192.0.2.0/24";
    private static final String BLOCKED_2 = "198.51.100.0/24";
    private static final String UNTIL = "2099-01-01T00:00:00Z";

    /**
     * Alice's ten attached policies (100 statements). Date conditions appear only on Allow statements and hold until
     * 2099 (see {@link #casbinLines}); IP and team conditions appear on both effects.
     */
    static List<Doc> aliceDocuments() {
        List<Doc> docs = new ArrayList<>();
        docs.add(new Doc(policyArn("S3Downloads"), List.of(
                allow("ReadDownloadsFromOffice", List.of("s3:Get*", "s3:List*"),
                        List.of("arn:aws:s3:::downloads", "arn:aws:s3:::downloads/*"), ip(OFFICE, VPN)),
                allow("TeamLogObjects", List.of("s3:*Object"), List.of("arn:aws:s3:::logs-????/*"), team(TEAM)),
                deny("NoDeletes", List.of("s3:DeleteObject", "s3:DeleteObjectVersion"),
                        List.of("arn:aws:s3:::downloads/*")),
                deny("BlockedNetworks", List.of("s3:*"), List.of("*"), ip(BLOCKED_1, BLOCKED_2)),
                allow("TeamUploads", List.of("s3:PutObject"), List.of("arn:aws:s3:::downloads/uploads/*"),
                        team(TEAM), before(UNTIL)),
                allow("ListBuckets", List.of("s3:ListAllMyBuckets", "s3:GetBucketLocation"), List.of("*")),
                deny("NoBucketPolicyChanges", List.of("s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketAcl"),
                        List.of("*")),
                deny("PrivateStaysPrivate", List.of("s3:GetObject"), List.of("arn:aws:s3:::downloads/private/*")),
                allow("PublicAssets", List.of("s3:GetObject", "s3:GetObjectVersion"),
                        List.of("arn:aws:s3:::public-assets/*")),
                allow("TagDownloads", List.of("s3:PutObjectTagging", "s3:DeleteObjectTagging"),
                        List.of("arn:aws:s3:::downloads/*"), team(TEAM)))));
        docs.add(new Doc(policyArn("DynamoDbOrders"), List.of(
                allow("ReadOrders", List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"),
                        List.of(arn("dynamodb", "table/orders"), arn("dynamodb", "table/orders/index/*")), ip(OFFICE)),
                allow("WriteOrders", List.of("dynamodb:PutItem", "dynamodb:UpdateItem"),
                        List.of(arn("dynamodb", "table/orders")), team(TEAM), before(UNTIL)),
                deny("NoTableDrops", List.of("dynamodb:DeleteTable", "dynamodb:DeleteBackup"), List.of("*")),
                allow("DescribeTables", List.of("dynamodb:Describe*", "dynamodb:List*"), List.of("*")),
                allow("Streams", List.of("dynamodb:GetRecords", "dynamodb:GetShardIterator"),
                        List.of(arn("dynamodb", "table/orders/stream/*"))),
                deny("NoScansFromOutside", List.of("dynamodb:Scan"), List.of("*"), ip(BLOCKED_1)),
                allow("Customers", List.of("dynamodb:GetItem", "dynamodb:Query"),
                        List.of(arn("dynamodb", "table/customers")), team(TEAM, "green")),
                allow("Exports", List.of("dynamodb:ExportTableToPointInTime"), List.of(arn("dynamodb", "table/*")),
                        after("2020-01-01T00:00:00Z")),
                deny("NoGlobalTables", List.of("dynamodb:CreateGlobalTable", "dynamodb:UpdateGlobalTable"),
                        List.of("*")),
                allow("TtlSettings", List.of("dynamodb:UpdateTimeToLive"), List.of(arn("dynamodb", "table/sessions")),
                        team(TEAM)))));
        docs.add(new Doc(policyArn("Ec2Operators"), List.of(
                allow("Describe", List.of("ec2:Describe*"), List.of("*")),
                allow("StartStop", List.of("ec2:StartInstances", "ec2:StopInstances", "ec2:RebootInstances"),
                        List.of(arn("ec2", "instance/*")), team(TEAM), ip(OFFICE, VPN)),
                deny("NoTerminate", List.of("ec2:TerminateInstances"), List.of("*")),
                allow("Volumes", List.of("ec2:AttachVolume", "ec2:DetachVolume"),
                        List.of(arn("ec2", "volume/*"), arn("ec2", "instance/*"))),
                allow("Snapshots", List.of("ec2:CreateSnapshot", "ec2:CopySnapshot"),
                        List.of(arn("ec2", "volume/*"), "arn:aws:ec2:*::snapshot/*"), before(UNTIL)),
                deny("NoSecurityGroupChanges", List.of("ec2:*SecurityGroup*"), List.of("*"), team("blue", "green")),
                allow("KeyPairs", List.of("ec2:CreateKeyPair", "ec2:ImportKeyPair"), List.of(arn("ec2", "key-pair/*"))),
                allow("Tags", List.of("ec2:CreateTags", "ec2:DeleteTags"), List.of(arn("ec2", "*/*")), team(TEAM)),
                deny("NoVpcChanges", List.of("ec2:*Vpc*", "ec2:*Subnet*"), List.of("*")),
                allow("ConsoleOutput", List.of("ec2:GetConsoleOutput", "ec2:GetConsoleScreenshot"),
                        List.of(arn("ec2", "instance/*")), ip(OFFICE)))));
        docs.add(new Doc(policyArn("OrdersService"), List.of(
                allow("ReadOrders", List.of("orders:GetOrder", "orders:List*"), List.of(arn("orders", "order/*"))),
                allow("CancelOwnTeam", List.of("orders:CancelOrder"), List.of(arn("orders", "order/*")), team(TEAM)),
                deny("NoDeletes", List.of("orders:DeleteOrder"), List.of("*")),
                allow("Refunds", List.of("orders:CreateRefund"), List.of(arn("orders", "order/*")),
                        ip(OFFICE), before(UNTIL)),
                deny("NoRefundsFromOutside", List.of("orders:CreateRefund"), List.of("*"), ip(BLOCKED_1, BLOCKED_2)),
                allow("Invoices", List.of("orders:GetInvoice", "orders:DownloadInvoice"),
                        List.of(arn("orders", "invoice/*"))),
                allow("Customers", List.of("orders:GetCustomer", "orders:UpdateCustomer"),
                        List.of(arn("orders", "customer/*")), team(TEAM)),
                deny("NoBulkExport", List.of("orders:Export*"), List.of("*")),
                allow("Reports", List.of("orders:GetReport", "orders:ListReports"), List.of(arn("orders", "report/2026-*"))),
                allow("Webhooks", List.of("orders:*Webhook"), List.of(arn("orders", "webhook/*")), team(TEAM)))));
        docs.add(new Doc(policyArn("LogsAndMetrics"), List.of(
                allow("WriteLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                        List.of(arn("logs", "log-group:/app/*"))),
                allow("ReadLogs", List.of("logs:Get*", "logs:FilterLogEvents", "logs:Describe*"), List.of("*"), ip(OFFICE)),
                deny("NoLogDeletion", List.of("logs:DeleteLogGroup", "logs:DeleteLogStream"), List.of("*")),
                allow("Metrics", List.of("cloudwatch:PutMetricData", "cloudwatch:GetMetric*", "cloudwatch:ListMetrics"),
                        List.of("*")),
                allow("Dashboards", List.of("cloudwatch:*Dashboard*"), List.of("arn:aws:cloudwatch::" + ACCOUNT + ":dashboard/*"),
                        team(TEAM)),
                deny("NoAlarmDeletion", List.of("cloudwatch:DeleteAlarms"), List.of("*")),
                allow("Alarms", List.of("cloudwatch:PutMetricAlarm", "cloudwatch:DescribeAlarms"),
                        List.of(arn("cloudwatch", "alarm:app-*"))),
                allow("Insights", List.of("logs:StartQuery", "logs:StopQuery", "logs:GetQueryResults"), List.of("*"),
                        before(UNTIL)),
                deny("NoRetentionChanges", List.of("logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy"), List.of("*")),
                allow("Xray", List.of("xray:PutTraceSegments", "xray:GetTrace*"), List.of("*")))));
        docs.add(new Doc(policyArn("QueuesAndTopics"), List.of(
                allow("Consume", List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"),
                        List.of(arn("sqs", "orders-*"))),
                allow("Produce", List.of("sqs:SendMessage"), List.of(arn("sqs", "orders-*"), arn("sqs", "audit")),
                        ip(OFFICE, VPN)),
                deny("NoQueueDeletion", List.of("sqs:DeleteQueue", "sqs:PurgeQueue"), List.of("*")),
                allow("QueueAttributes", List.of("sqs:GetQueue*", "sqs:ListQueues"), List.of("*")),
                allow("Publish", List.of("sns:Publish"), List.of(arn("sns", "order-events"), arn("sns", "alerts-????"))),
                deny("NoTopicDeletion", List.of("sns:DeleteTopic"), List.of("*")),
                allow("Subscribe", List.of("sns:Subscribe", "sns:Unsubscribe"), List.of(arn("sns", "*")), team(TEAM)),
                allow("TopicAttributes", List.of("sns:Get*", "sns:List*"), List.of("*"), before(UNTIL)),
                deny("NoPolicyChanges", List.of("sqs:SetQueueAttributes", "sns:SetTopicAttributes"), List.of("*"),
                        team("blue")),
                allow("DeadLetters", List.of("sqs:StartMessageMoveTask", "sqs:ListDeadLetterSourceQueues"),
                        List.of(arn("sqs", "*-dlq"))))));
        docs.add(new Doc(policyArn("KmsUse"), List.of(
                allow("Decrypt", List.of("kms:Decrypt", "kms:GenerateDataKey*"), List.of(arn("kms", "key/*")), ip(OFFICE)),
                allow("Encrypt", List.of("kms:Encrypt", "kms:ReEncrypt*"), List.of(arn("kms", "key/*")), team(TEAM)),
                deny("NoKeyDeletion", List.of("kms:ScheduleKeyDeletion", "kms:DisableKey"), List.of("*")),
                allow("Describe", List.of("kms:DescribeKey", "kms:List*"), List.of("*")),
                deny("NoGrantsFromOutside", List.of("kms:CreateGrant"), List.of("*"), ip(BLOCKED_1, BLOCKED_2)),
                allow("Grants", List.of("kms:CreateGrant", "kms:ListGrants"), List.of(arn("kms", "key/*")), team(TEAM)),
                allow("Sign", List.of("kms:Sign", "kms:Verify"), List.of(arn("kms", "key/signing-*")), before(UNTIL)),
                deny("NoImport", List.of("kms:ImportKeyMaterial", "kms:DeleteImportedKeyMaterial"), List.of("*")),
                allow("Aliases", List.of("kms:CreateAlias", "kms:UpdateAlias"), List.of(arn("kms", "alias/app-*"))),
                allow("Mac", List.of("kms:GenerateMac", "kms:VerifyMac"), List.of(arn("kms", "key/*"))))));
        String self = "arn:aws:iam::" + ACCOUNT + ":user/alice";
        docs.add(new Doc(policyArn("SelfServiceIam"), List.of(
                allow("ViewSelf", List.of("iam:GetUser", "iam:ListGroupsForUser", "iam:ListAttachedUserPolicies"),
                        List.of(self)),
                allow("OwnPassword", List.of("iam:ChangePassword"), List.of(self)),
                allow("OwnAccessKeys", List.of("iam:*AccessKey*"), List.of(self), ip(OFFICE)),
                allow("OwnMfa", List.of("iam:*MFADevice"), List.of("arn:aws:iam::" + ACCOUNT + ":mfa/alice", self)),
                deny("NoPolicyChanges", List.of("iam:*Policy*"), List.of("*")),
                deny("NoUserChanges", List.of("iam:CreateUser", "iam:DeleteUser", "iam:UpdateUser"), List.of("*")),
                allow("ListUsers", List.of("iam:ListUsers", "iam:GetAccountSummary"), List.of("*"), team(TEAM)),
                allow("SshKeys", List.of("iam:*SSHPublicKey*"), List.of(self), before(UNTIL)),
                deny("NoRoleChanges", List.of("iam:*Role", "iam:PassRole"), List.of("*")),
                allow("ServiceCredentials", List.of("iam:*ServiceSpecificCredential*"), List.of(self)))));
        docs.add(new Doc(policyArn("Guardrails"), List.of(
                deny("BlockedNetworksEverything", List.of("*"), List.of("*"), ip(BLOCKED_1, BLOCKED_2, "203.0.113.0/24")),
                allow("PlatformTeamAdmin", List.of("*"), List.of("*"), team("platform")),
                deny("NoSecretsBuckets", List.of("s3:*"), List.of("arn:aws:s3:::secrets*", "arn:aws:s3:::secrets*/*")),
                allow("SharedBuckets", List.of("s3:Get*"), List.of("arn:aws:s3:::shared-*/*"), ip(OFFICE)),
                deny("NoOrganizations", List.of("organizations:*", "account:*"), List.of("*")),
                deny("NoBilling", List.of("aws-portal:*", "billing:*"), List.of("*")),
                allow("Support", List.of("support:*"), List.of("*"), team(TEAM)),
                deny("NoCloudTrailChanges", List.of("cloudtrail:Stop*", "cloudtrail:Delete*", "cloudtrail:Update*"),
                        List.of("*")),
                allow("HealthAndTrustedAdvisor", List.of("health:Describe*", "trustedadvisor:Describe*"), List.of("*")),
                deny("NoRegionsOutsideEu", List.of("ec2:RunInstances"), List.of("arn:aws:ec2:ap-*:*:*")))));
        docs.add(new Doc(policyArn("DataLake"), List.of(
                allow("LakeObjects", List.of("s3:*Object"), List.of("arn:aws:s3:::datalake-*/*"), team(TEAM)),
                allow("DownloadsForAnalytics", List.of("s3:GetObject"), List.of("arn:aws:s3:::downloads/*"),
                        after("2020-01-01T00:00:00Z"), before(UNTIL)),
                allow("Athena", List.of("athena:StartQueryExecution", "athena:GetQuery*"),
                        List.of(arn("athena", "workgroup/analytics"))),
                allow("GlueCatalog", List.of("glue:Get*", "glue:SearchTables"), List.of("*")),
                deny("NoCatalogDeletes", List.of("glue:Delete*"), List.of("*")),
                allow("QueryResults", List.of("s3:PutObject", "s3:GetBucketLocation"),
                        List.of("arn:aws:s3:::athena-results-*", "arn:aws:s3:::athena-results-*/*")),
                deny("NoLakeDeletes", List.of("s3:DeleteObject*"), List.of("arn:aws:s3:::datalake-*/*"), team("blue", "green")),
                allow("LakeFormation", List.of("lakeformation:GetDataAccess"), List.of("*"), ip(OFFICE, VPN)),
                allow("Crawlers", List.of("glue:StartCrawler", "glue:GetCrawler*"), List.of(arn("glue", "crawler/lake-*"))),
                deny("NoRawZoneWrites", List.of("s3:Put*"), List.of("arn:aws:s3:::datalake-raw/*")))));
        return docs;
    }

    /**
     * {@code count} other policies of ten statements each, none of which can cover {@code s3:GetObject}: nine in ten
     * are for generated services {@code svc0..svc999} (their own actions and ARNs, some with conditions), one in ten
     * is an S3 policy on another bucket whose actions are S3 actions other than {@code GetObject} (they share
     * alice's service prefix, so only the per-action index tells them apart).
     */
    static List<Doc> directoryDocuments(int count) {
        List<Doc> docs = new ArrayList<>(count);
        String[] s3Actions = {"s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "s3:GetBucketTagging",
                "s3:PutBucketTagging", "s3:GetBucketVersioning", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts",
                "s3:PutObjectAcl", "s3:RestoreObject", "s3:GetBucketPolicy", "s3:PutLifecycleConfiguration"};
        for (int i = 0; i < count; i++) {
            List<Rule> rules = new ArrayList<>(10);
            if (i % 10 == 0) {
                String bucket = "arn:aws:s3:::tenant-" + i;
                for (int j = 0; j < 10; j++) {
                    List<String> actions = List.of(s3Actions[j], s3Actions[(j + 3) % s3Actions.length]);
                    List<String> resources = List.of(bucket, bucket + "/*");
                    rules.add(j % 4 == 3 ? deny("S" + j, actions, resources)
                            : allow("S" + j, actions, resources, j % 3 == 0 ? ip(OFFICE) : team("t" + i)));
                }
            } else {
                String service = "svc" + (i % 1000);
                for (int j = 0; j < 10; j++) {
                    List<String> actions = switch (j % 4) {
                        case 0 -> List.of(service + ":Get" + (i * 10 + j), service + ":List*");
                        case 1 -> List.of(service + ":Describe*");
                        case 2 -> List.of(service + ":Put" + j, service + ":Update" + j, service + ":*Thing" + j);
                        default -> List.of(service + ":Delete" + j);
                    };
                    List<String> resources = List.of(arn(service, "thing/" + i + "/*"));
                    rules.add(j % 4 == 3 ? deny("S" + j, actions, resources)
                            : allow("S" + j, actions, resources, j % 2 == 0 ? ip(OFFICE, VPN) : team("t" + (i % 50))));
                }
            }
            docs.add(new Doc(policyArn("Directory" + i), rules));
        }
        return docs;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Warden: AWS IAM JSON

    static String iamJson(Doc doc) {
        StringBuilder b = new StringBuilder("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [");
        for (int i = 0; i < doc.rules().size(); i++) {
            Rule r = doc.rules().get(i);
            b.append(i == 0 ? "\n" : ",\n").append("    {\"Sid\": ").append(quote(r.sid()))
                    .append(", \"Effect\": ").append(r.deny() ? "\"Deny\"" : "\"Allow\"")
                    .append(",\n     \"Action\": ").append(jsonList(r.actions()))
                    .append(",\n     \"Resource\": ").append(jsonList(r.resources()));
            if (!r.conditions().isEmpty()) {
                b.append(",\n     \"Condition\": {");
                // one operator may carry several keys; here each condition has its own operator block
                List<String> operators = new ArrayList<>(new LinkedHashSet<>(r.conditions().stream().map(Cond::operator).toList()));
                for (int o = 0; o < operators.size(); o++) {
                    String op = operators.get(o);
                    b.append(o == 0 ? "" : ", ").append(quote(op)).append(": {");
                    boolean first = true;
                    for (Cond c : r.conditions()) {
                        if (c.operator().equals(op)) {
                            b.append(first ? "" : ", ").append(quote(c.key())).append(": ").append(jsonList(c.values()));
                            first = false;
                        }
                    }
                    b.append("}");
                }
                b.append("}");
            }
            b.append("}");
        }
        return b.append("\n  ]\n}\n").toString();
    }

    static List<CompiledPolicy> compile(List<Doc> docs) {
        List<CompiledPolicy> out = new ArrayList<>(docs.size());
        for (Doc doc : docs) {
            try {
                out.add(CompiledPolicy.parse(iamJson(doc), PolicyKind.MANAGED, doc.name(), PolicyType.IDENTITY));
            } catch (MalformedPolicyException e) {
                throw new IllegalStateException(doc.name() + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static String jsonList(List<String> values) {
        if (values.size() == 1) {
            return quote(values.get(0));
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        return b.append(']').toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /**
     * A managed policy just under AWS's quota of 6,144 characters without whitespace: statements with several
     * actions, resources and conditions (IpAddress, StringEquals, StringLike, DateLessThan, Bool, NumericLessThan),
     * added until the next one would pass the quota.
     */
    static String largePolicy() {
        List<String> statements = new ArrayList<>();
        int budget = 6_144 - 64;
        int used = nonWhitespace("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        for (int i = 0; ; i++) {
            String svc = new String[] {"s3", "dynamodb", "orders", "sqs", "kms", "ec2"}[i % 6];
            String s = "    {\n      \"Sid\": \"Statement" + i + "\",\n      \"Effect\": \"" + (i % 5 == 4 ? "Deny" : "Allow")
                    + "\",\n      \"Action\": [\"" + svc + ":Get*\", \"" + svc + ":List*\", \"" + svc + ":Describe" + i
                    + "\", \"" + svc + ":*Object\"],\n"
                    + "      \"Resource\": [\"arn:aws:" + svc + ":us-east-1:" + ACCOUNT + ":thing/" + i + "/*\", "
                    + "\"arn:aws:" + svc + ":*:" + ACCOUNT + ":other-????/" + i + "\"],\n"
                    + "      \"Condition\": {\n"
                    + "        \"IpAddress\": {\"aws:SourceIp\": [\"10.0.0.0/8\", \"172.16.0.0/12\", \"2001:db8::/32\"]},\n"
                    + "        \"StringEquals\": {\"aws:PrincipalTag/team\": [\"blue\", \"green\"], \"aws:RequestedRegion\": \"us-east-1\"},\n"
                    + "        \"StringLike\": {\"s3:prefix\": [\"home/${aws:username}/*\", \"shared/*\"]},\n"
                    + "        \"DateLessThan\": {\"aws:CurrentTime\": \"2099-01-01T00:00:00Z\"},\n"
                    + "        \"Bool\": {\"aws:SecureTransport\": \"true\"},\n"
                    + "        \"NumericLessThanEquals\": {\"s3:max-keys\": \"" + (100 + i) + "\"}\n"
                    + "      }\n    }";
            int cost = nonWhitespace(s) + (statements.isEmpty() ? 0 : 1);
            if (used + cost > budget) {
                break;
            }
            used += cost;
            statements.add(s);
        }
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n" + String.join(",\n", statements) + "\n  ]\n}\n";
    }

    static int nonWhitespace(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    // ---------------------------------------------------------------------------------------------------------
    // jCasbin

    /** The jCasbin model: request (sub, obj, act, ip), deny-override. */
    static final String CASBIN_MODEL = """
            [request_definition]
            r = sub, obj, act, ip

            [policy_definition]
            p = sub, obj, act, ip, eft

            [role_definition]
            g = _, _

            [policy_effect]
            e = some(where (p.eft == allow)) && !some(where (p.eft == deny))

            [matchers]
            m = g(r.sub, p.sub) && regexMatch(r.act, p.act) && globMatch(r.obj, p.obj) && ipMatch(r.ip, p.ip)
            """;

    /** jCasbin's subject for alice, and the role standing for her {@code team} tag. */
    static final String CASBIN_ALICE = "alice";

    static String casbinTeamRole(String team) {
        return "team:" + team;
    }

    /**
     * A statement as jCasbin policy lines {@code (sub, obj, act, ip, eft)}, written as a jCasbin user would: one line
     * per statement where the matcher functions allow it. The actions become one anchored regular expression
     * ({@code regexMatch}: {@code ^(?:s3:Get.*|s3:List.*)$}), the resources one glob ({@code globMatch}:
     * {@code {arn:aws:s3:::downloads,arn:aws:s3:::downloads/**}}; IAM's {@code *} becomes {@code **}, which crosses
     * {@code /} as IAM's does). {@code ipMatch} takes one CIDR and {@code g} one role, so a statement with several
     * CIDRs or teams becomes one line per CIDR and team: the CIDR ({@code 0.0.0.0/0} without an IP condition), and a
     * team condition as the role {@code team:NAME} that alice holds through {@code g}. The model's request has no
     * time, so date conditions are left out; they appear only on Allow statements and hold for the benchmark's
     * request, which leaves jCasbin the same answer with less to check.
     */
    static List<List<String>> casbinLines(Rule rule) {
        List<String> subjects = new ArrayList<>();
        List<String> cidrs = new ArrayList<>();
        for (Cond c : rule.conditions()) {
            switch (c.key()) {
                case "aws:PrincipalTag/team" -> c.values().forEach(t -> subjects.add(casbinTeamRole(t)));
                case "aws:SourceIp" -> cidrs.addAll(c.values());
                case "aws:CurrentTime" -> {
                    if (rule.deny()) {
                        throw new IllegalStateException("a Deny with a date condition has no jCasbin translation");
                    }
                }
                default -> throw new IllegalStateException("no jCasbin translation for " + c);
            }
        }
        if (subjects.isEmpty()) {
            subjects.add(CASBIN_ALICE);
        }
        if (cidrs.isEmpty()) {
            cidrs.add("0.0.0.0/0");
        }
        List<String> actions = rule.actions().stream().map(Policies::actionRegex).toList();
        String act = actions.size() == 1 ? "^" + actions.get(0) + "$" : "^(?:" + String.join("|", actions) + ")$";
        List<String> resources = rule.resources().stream().map(r -> r.replace("*", "**")).toList();
        String obj = resources.size() == 1 ? resources.get(0) : "{" + String.join(",", resources) + "}";
        List<List<String>> lines = new ArrayList<>();
        for (String sub : subjects) {
            for (String cidr : cidrs) {
                lines.add(List.of(sub, obj, act, cidr, rule.deny() ? "deny" : "allow"));
            }
        }
        return lines;
    }

    static List<List<String>> casbinLines(List<Doc> docs) {
        List<List<String>> lines = new ArrayList<>();
        for (Doc doc : docs) {
            for (Rule rule : doc.rules()) {
                lines.addAll(casbinLines(rule));
            }
        }
        return lines;
    }

    /** An IAM action pattern as a regular expression (unanchored): {@code s3:Get*} is {@code s3:Get.*}. */
    private static String actionRegex(String action) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < action.length(); i++) {
            char c = action.charAt(i);
            if (c == '*') {
                b.append(".*");
            } else if (c == '?') {
                b.append('.');
            } else {
                if ("\\.[]{}()<>+-=!^$|".indexOf(c) >= 0) {
                    b.append('\\');
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Cedar

    /**
     * The statements as Cedar policies, one per statement: {@code permit} or {@code forbid} scoped to
     * {@code principal == User::"alice"} (they are her identity policies), {@code action in [...]} where an IAM
     * wildcard action is an action group ({@code Action::"s3:Get*"}, of which the request's action entity is a
     * member, as Cedar models action hierarchies), the resource as {@code resource.arn like "..."} (Cedar's
     * {@code like} has only {@code *}; IAM's {@code ?} becomes {@code *}), IP conditions as
     * {@code context.sourceIp.isInRange(ip(...))}, the team tag as {@code principal.team}, dates as
     * {@code context.currentTime < datetime(...)}.
     */
    static String cedarPolicies(List<Doc> docs) {
        StringBuilder b = new StringBuilder();
        for (Doc doc : docs) {
            for (Rule rule : doc.rules()) {
                b.append("@id(\"").append(doc.name().substring(doc.name().lastIndexOf('/') + 1)).append('.')
                        .append(rule.sid()).append("\")\n");
                b.append(rule.deny() ? "forbid" : "permit").append(" (\n  principal == User::\"alice\",\n  ");
                if (rule.actions().contains("*")) {
                    b.append("action");
                } else {
                    b.append("action in [");
                    for (int i = 0; i < rule.actions().size(); i++) {
                        b.append(i == 0 ? "" : ", ").append("Action::\"").append(rule.actions().get(i)).append('"');
                    }
                    b.append(']');
                }
                b.append(",\n  resource\n)");
                List<String> when = new ArrayList<>();
                if (!rule.resources().contains("*")) {
                    when.add(or(rule.resources().stream()
                            .map(r -> "resource.arn like \"" + r.replace('?', '*').replaceAll("\\*+", "*") + '"').toList()));
                }
                for (Cond c : rule.conditions()) {
                    switch (c.operator() + " " + c.key()) {
                        case "IpAddress aws:SourceIp" -> when.add(or(c.values().stream()
                                .map(v -> "context.sourceIp.isInRange(ip(\"" + v + "\"))").toList()));
                        case "StringEquals aws:PrincipalTag/team" -> when.add(or(c.values().stream()
                                .map(v -> "principal.team == \"" + v + '"').toList()));
                        case "DateLessThan aws:CurrentTime" ->
                                when.add("context.currentTime < datetime(\"" + c.values().get(0) + "\")");
                        case "DateGreaterThan aws:CurrentTime" ->
                                when.add("context.currentTime > datetime(\"" + c.values().get(0) + "\")");
                        default -> throw new IllegalStateException("no Cedar translation for " + c);
                    }
                }
                if (!when.isEmpty()) {
                    b.append(" when {\n  ").append(String.join(" &&\n  ", when)).append("\n}");
                }
                b.append(";\n\n");
            }
        }
        return b.toString();
    }

    /** The id cedar-java gives the policy translated from the statement {@code sid}: {@code policyN}, in order. */
    static String cedarPolicyId(List<Doc> docs, String sid) {
        int n = 0;
        for (Doc doc : docs) {
            for (Rule rule : doc.rules()) {
                if (rule.sid().equals(sid)) {
                    return "policy" + n;
                }
                n++;
            }
        }
        throw new IllegalArgumentException(sid);
    }

    private static String or(List<String> terms) {
        return terms.size() == 1 ? terms.get(0) : "(" + String.join(" || ", terms) + ")";
    }

    /** The wildcard actions of {@code docs} that cover {@code action}: the action groups its Cedar entity is in. */
    static Set<String> cedarActionGroups(List<Doc> docs, String action) {
        Set<String> groups = new LinkedHashSet<>();
        for (Doc doc : docs) {
            for (Rule rule : doc.rules()) {
                for (String a : rule.actions()) {
                    if (!a.equals(action) && !a.equals("*") && (a.contains("*") || a.contains("?"))
                            && Pattern.compile(actionRegex(a), Pattern.CASE_INSENSITIVE).matcher(action).matches()) {
                        groups.add(a);
                    }
                }
            }
        }
        return groups;
    }
}
