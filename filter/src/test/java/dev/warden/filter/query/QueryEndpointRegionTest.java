package dev.warden.filter.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The IAM and STS Query endpoints check the Region a request is signed for, as AWS's do: IAM is global and signed for
 * {@code us-east-1} (or {@code aws-global}, what the AWS SDK for Java v2 signs for with an endpoint override); STS
 * takes the endpoint's Region and {@code us-east-1}; anything else is {@code SignatureDoesNotMatch} "Credential should
 * be scoped to a valid region".
 */
class QueryEndpointRegionTest {

    @Test
    void iam_signed_for_another_region_than_us_east_1_is_refused() throws Exception {
        try (QueryEndpointServer server = new QueryEndpointServer("eu-west-1");
             IamClient wrong = server.iam(server.admin, Region.EU_WEST_1);
             IamClient global = server.iam(server.admin, Region.US_EAST_1)) {
            assertThatThrownBy(wrong::listUsers).isInstanceOfSatisfying(IamException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Credential should be scoped to a valid region, not 'eu-west-1'.");
            });
            assertThat(global.listUsers().users()).extracting(u -> u.userName()).contains("admin");
        }
    }

    @Test
    void sts_takes_its_endpoints_region_and_us_east_1_but_no_other() throws Exception {
        try (QueryEndpointServer server = new QueryEndpointServer("eu-west-1");
             StsClient regional = server.sts(server.admin, Region.EU_WEST_1);
             StsClient global = server.sts(server.admin, Region.US_EAST_1);
             StsClient other = server.sts(server.admin, Region.AP_SOUTH_1)) {
            assertThat(regional.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111122223333:user/admin");
            assertThat(global.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111122223333:user/admin");
            assertThatThrownBy(other::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
                    e -> assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Credential should be scoped to a valid region, not 'ap-south-1'."));
        }
    }

    @Test
    void by_default_the_endpoint_is_us_east_1s() throws Exception {
        try (QueryEndpointServer server = new QueryEndpointServer();
             StsClient other = server.sts(server.admin, Region.EU_WEST_1)) {
            assertThatThrownBy(other::getCallerIdentity).isInstanceOf(StsException.class);
        }
    }
}
