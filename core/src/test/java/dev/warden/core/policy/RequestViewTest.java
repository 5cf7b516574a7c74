package dev.warden.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A request prepared for matching: the action's colon, the resource's ARN parts, context keys and variables. */
class RequestViewTest {

    @Test
    void actionColonSeparatesServiceAndName() {
        assertThat(PolicyJson.request("execute-api:Invoke", "*").actionColon()).isEqualTo(11);
    }

    @Test
    void sixPartResourceIsAnArnWithItsColons() {
        RequestView r = PolicyJson.request("s3:GetObject", "arn:aws:s3:::b/k:with:colons");

        assertThat(r.resourceIsArn()).isTrue();
        assertThat(List.of(r.colon(1), r.colon(2), r.colon(3), r.colon(4), r.colon(5))).containsExactly(3, 7, 10, 11, 12);
        assertThat(r.resourceIsAll()).isFalse();
    }

    @Test
    void resourceWithFewerPartsOrAnotherPrefixIsNoArn() {
        assertThat(PolicyJson.request("s3:GetObject", "arn:aws:s3::").resourceIsArn()).isFalse();
        assertThat(PolicyJson.request("s3:GetObject", "urn:aws:s3:::b").resourceIsArn()).isFalse();
        assertThat(PolicyJson.request("s3:GetObject", "*").resourceIsArn()).isFalse();
        assertThat(PolicyJson.request("s3:GetObject", "*").resourceIsAll()).isTrue();
    }

    @Test
    void variableIsTheSingleValueOfItsKeyOrNothing() {
        RequestView r = new RequestView(PolicyJson.builder("*").context("aws:username", "alice")
                .contextSet("aws:TagKeys", List.of("a")).build());

        assertThat(r.variable("aws:username")).isEqualTo("alice");
        assertThat(r.variable("aws:tagkeys")).isNull();
        assertThat(r.variable("aws:userid")).isNull();
        assertThat(r.context("aws:tagkeys").values()).containsExactly("a");
    }
}
