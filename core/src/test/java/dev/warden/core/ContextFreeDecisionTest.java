package dev.warden.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.ContextValue;
import dev.warden.spi.Decision;
import dev.warden.spi.DecisionListener;
import dev.warden.spi.Outcome;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Warden#authorize(Principal, String, String, Supplier)}: the condition keys are built only when the
 * principal's policies read them, decisions of policies that read none are remembered until the directory changes,
 * and every decision is still counted and told to the listeners that want it.
 */
class ContextFreeDecisionTest {

    private static final String ACCOUNT = "111122223333";
    private static final Principal ROOT = Principal.of("arn:aws:iam::111122223333:root");
    private static final Principal ALICE = Principal.of("arn:aws:iam::111122223333:user/alice");
    private static final String ORDER_7 = "arn:aws:orders:us-east-1:111122223333:order/7";
    private static final String READ_ORDERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"orders:GetOrder\",\"Resource\":\"arn:aws:orders:*:111122223333:order/*\"}]}";
    private static final String READ_ORDERS_FROM_THE_OFFICE = "{\"Version\":\"2012-10-17\",\"Statement\":[{"
            + "\"Effect\":\"Allow\",\"Action\":\"orders:GetOrder\",\"Resource\":\"arn:aws:orders:*:111122223333:order/*\","
            + "\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}}]}";
    private static final String OWN_ORDERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"orders:GetOrder\",\"Resource\":\"arn:aws:orders:*:111122223333:order/${aws:username}-*\"}]}";

    private final List<Decision> heard = new ArrayList<>();
    private final List<Map<String, ContextValue>> heardContexts = new ArrayList<>();
    private SimpleMeterRegistry meters;
    private Warden warden;

    @BeforeEach
    void start() throws Exception {
        meters = new SimpleMeterRegistry();
        warden = Warden.builder().meterRegistry(meters).audit(false, 0).serviceLoaderListeners(false)
                .listener(new DecisionListener() {
                    @Override
                    public void onDecision(AuthorizationRequest request, Decision decision, long nanos) {
                        heard.add(decision);
                        heardContexts.add(request.context());
                    }

                    @Override
                    public boolean needsContext() {
                        return false;
                    }

                    @Override
                    public boolean wants(Decision decision) {
                        return !decision.isAllowed();
                    }
                })
                .build();
        warden.iam().createAccount(ACCOUNT, null);
        warden.iam().call(ROOT, ACCOUNT, "CreateUser", Map.of("UserName", "alice"));
    }

    @AfterEach
    void stop() throws Exception {
        warden.close();
    }

    private void putPolicy(String document) throws Exception {
        warden.iam().call(ROOT, ACCOUNT, "PutUserPolicy",
                Map.of("UserName", "alice", "PolicyName", "orders", "PolicyDocument", document));
    }

    private static Supplier<Map<String, ContextValue>> counting(AtomicInteger calls, Map<String, ContextValue> keys) {
        return () -> {
            calls.incrementAndGet();
            return keys;
        };
    }

    @Test
    void policiesWithoutConditionsAreDecidedWithoutBuildingTheContext() throws Exception {
        putPolicy(READ_ORDERS);
        AtomicInteger built = new AtomicInteger();

        Decision first = warden.authorize(ALICE, "orders:GetOrder", ORDER_7, counting(built, Map.of()));
        Decision second = warden.authorize(ALICE, "orders:GetOrder", ORDER_7, counting(built, Map.of()));
        Decision other = warden.authorize(ALICE, "orders:DeleteOrder", ORDER_7, counting(built, Map.of()));

        assertThat(first.outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(second).isSameAs(first);
        assertThat(other.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(built).hasValue(0);
        assertThat(meters.get("warden.decisions").tag("outcome", "Allowed").counter().count()).isEqualTo(2);
    }

    @Test
    void aDirectoryChangeIsSeenByTheNextDecision() throws Exception {
        putPolicy(READ_ORDERS);
        assertThat(warden.authorize(ALICE, "orders:GetOrder", ORDER_7, Map::of).isAllowed()).isTrue();

        warden.iam().call(ROOT, ACCOUNT, "DeleteUserPolicy", Map.of("UserName", "alice", "PolicyName", "orders"));

        assertThat(warden.authorize(ALICE, "orders:GetOrder", ORDER_7, Map::of).isAllowed()).isFalse();
    }

    @Test
    void aConditionMakesTheContextBuiltForEveryDecision() throws Exception {
        putPolicy(READ_ORDERS_FROM_THE_OFFICE);
        AtomicInteger built = new AtomicInteger();
        Map<String, ContextValue> office = Map.of("aws:SourceIp", ContextValue.of("203.0.113.9"));
        Map<String, ContextValue> home = Map.of("aws:SourceIp", ContextValue.of("198.51.100.1"));

        assertThat(warden.authorize(ALICE, "orders:GetOrder", ORDER_7, counting(built, office)).isAllowed()).isTrue();
        assertThat(warden.authorize(ALICE, "orders:GetOrder", ORDER_7, counting(built, home)).isAllowed()).isFalse();
        assertThat(built).hasValue(2);
    }

    @Test
    void aPolicyVariableInAResourceMakesTheContextBuilt() throws Exception {
        putPolicy(OWN_ORDERS);
        AtomicInteger built = new AtomicInteger();
        Map<String, ContextValue> keys = Map.of("aws:username", ContextValue.of("alice"));

        assertThat(warden.authorize(ALICE, "orders:GetOrder", "arn:aws:orders:us-east-1:111122223333:order/alice-1",
                counting(built, keys)).isAllowed()).isTrue();
        assertThat(warden.authorize(ALICE, "orders:GetOrder", "arn:aws:orders:us-east-1:111122223333:order/bob-1",
                counting(built, keys)).isAllowed()).isFalse();
        assertThat(built).hasValue(2);
    }

    @Test
    void theSameAnswersAsTheFullRequestPath() throws Exception {
        putPolicy(READ_ORDERS);
        for (String action : List.of("orders:GetOrder", "orders:DeleteOrder")) {
            for (String resource : List.of(ORDER_7, "arn:aws:orders:us-east-1:444455556666:order/7", "*")) {
                Decision full = warden.authorize(AuthorizationRequest.builder(ALICE, action, resource).build());
                Decision fast = warden.authorize(ALICE, action, resource, Map::of);
                assertThat(fast.outcome()).as(action + " on " + resource).isEqualTo(full.outcome());
                assertThat(fast.reason()).isEqualTo(full.reason());
            }
        }
    }

    @Test
    void listenersHearOnlyTheDecisionsTheyWantAndNoContextTheyDoNotRead() throws Exception {
        putPolicy(READ_ORDERS);

        warden.authorize(ALICE, "orders:GetOrder", ORDER_7, Map::of);
        warden.authorize(ALICE, "orders:DeleteOrder", ORDER_7,
                () -> Map.of("aws:SourceIp", ContextValue.of("203.0.113.9")));

        assertThat(heard).extracting(Decision::outcome).containsExactly(Outcome.IMPLICITLY_DENIED);
        assertThat(heardContexts).containsExactly(Map.of());
    }

    @Test
    void anUnknownPrincipalIsDeniedThroughTheFullPath() {
        AtomicInteger built = new AtomicInteger();
        Decision decision = warden.authorize(Principal.of("arn:aws:iam::111122223333:user/mallory"),
                "orders:GetOrder", ORDER_7, counting(built, Map.of()));

        assertThat(decision.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decision.reason()).contains("does not exist");
    }
}
