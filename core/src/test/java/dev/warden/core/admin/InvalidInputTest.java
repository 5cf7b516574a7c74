package dev.warden.core.admin;

import static dev.warden.core.admin.IamFixture.READ_OBJECTS;
import static dev.warden.core.admin.IamFixture.TRUST_EC2;
import static dev.warden.core.admin.IamFixture.expect;

import dev.warden.core.iam.IamError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** InvalidInput: duplicate tag keys (which compare without regard to case) and inputs that make no sense. */
class InvalidInputTest {

    private static final String DUPLICATE = "Duplicate tag keys found. Please note that Tag keys are case insensitive.";
    private static final String[] TWICE = {"Tags.member.1.Key", "Team", "Tags.member.1.Value", "a",
            "Tags.member.2.Key", "team", "Tags.member.2.Value", "b"};

    private IamFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new IamFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void duplicateTagKeysWhenCreating() throws Exception {
        expect(f.rootFails("CreateUser", IamFixture.with(TWICE, "UserName", "alice")), IamError.INVALID_INPUT, DUPLICATE);
        expect(f.rootFails("CreateRole", IamFixture.with(TWICE, "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2)),
                IamError.INVALID_INPUT, DUPLICATE);
        expect(f.rootFails("CreatePolicy", IamFixture.with(TWICE, "PolicyName", "p", "PolicyDocument", READ_OBJECTS)),
                IamError.INVALID_INPUT, DUPLICATE);
    }

    @Test
    void duplicateTagKeysWhenTagging() throws Exception {
        f.root("CreateUser", "UserName", "alice");
        f.root("CreateRole", "RoleName", "app", "AssumeRolePolicyDocument", TRUST_EC2);
        String arn = f.createPolicy("p", READ_OBJECTS);
        expect(f.rootFails("TagUser", IamFixture.with(TWICE, "UserName", "alice")), IamError.INVALID_INPUT, DUPLICATE);
        expect(f.rootFails("TagRole", IamFixture.with(TWICE, "RoleName", "app")), IamError.INVALID_INPUT, DUPLICATE);
        expect(f.rootFails("TagPolicy", IamFixture.with(TWICE, "PolicyArn", arn)), IamError.INVALID_INPUT, DUPLICATE);
    }

    @Test
    void simulatingAPrincipalThatIsNoUserGroupOrRole() throws Exception {
        String arn = f.createPolicy("p", READ_OBJECTS);
        expect(f.rootFails("SimulatePrincipalPolicy", "PolicySourceArn", arn, "ActionNames.member.1", "s3:GetObject"),
                IamError.INVALID_INPUT, "PolicySourceArn must be the ARN of a user, group or role: " + arn);
    }

    @Test
    void aSingleValuedContextKeyWithSeveralValues() throws Exception {
        expect(f.rootFails("SimulateCustomPolicy", "PolicyInputList.member.1", READ_OBJECTS, "ActionNames.member.1",
                "s3:GetObject", "ContextEntries.member.1.ContextKeyName", "aws:SourceIp",
                "ContextEntries.member.1.ContextKeyType", "ip", "ContextEntries.member.1.ContextKeyValues.member.1", "1.2.3.4",
                "ContextEntries.member.1.ContextKeyValues.member.2", "5.6.7.8"), IamError.INVALID_INPUT,
                "Context key aws:SourceIp of type ip takes exactly one value, got 2");
    }
}
