package dev.warden.agent.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's config file: what it accepts, and the precise refusal of everything else. */
class AgentConfigReaderTest {

    @TempDir
    Path folder;

    private AgentConfig read(String json) throws Exception {
        Path file = folder.resolve("warden-agent.json");
        Files.writeString(file, json);
        return AgentConfigReader.read(file, null);
    }

    private void refused(String json, String... fragments) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(folder.resolve("warden-agent.json").toString())
                .hasMessageContainingAll(fragments);
    }

    @Test
    void aFullConfigIsReadWithTheStoreBesideTheFile() throws Exception {
        AgentConfig config = read("""
                {"store": "warden-data", "region": "eu-west-1", "partition": "aws",
                 "principal": {"source": "http-server", "arn": "arn:aws:iam::111122223333:user/{name}"},
                 "denial": "org.springframework.security.access.AccessDeniedException",
                 "verbose": true,
                 "pointcuts": [{"class": "com.example.OrderService", "method": "deleteOrder",
                                "parameters": ["java.lang.String", "int[]"], "action": "orders:DeleteOrder",
                                "resource": "arn:aws:orders:{region}:{account}:order/{id}",
                                "context": {"orders:Reason": "{reason}"}}]}
                """);

        assertThat(config.store()).isEqualTo(folder.resolve("warden-data"));
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.principal()).isEqualTo(new PrincipalConfig(PrincipalSource.HTTP_SERVER, null,
                "arn:aws:iam::111122223333:user/{name}"));
        assertThat(config.denial()).isEqualTo("org.springframework.security.access.AccessDeniedException");
        assertThat(config.verbose()).isTrue();
        PointcutConfig pointcut = config.pointcuts().get(0);
        assertThat(pointcut.location()).endsWith("warden-agent.json /pointcuts/0");
        assertThat(pointcut.parameters()).containsExactly("java.lang.String", "int[]");
        assertThat(pointcut.context()).isEqualTo(Map.of("orders:Reason", "{reason}"));
    }

    @Test
    void aMinimalConfigNeedsOnlyTheStore() throws Exception {
        AgentConfig config = read("{\"store\": \"/var/lib/warden\"}");

        assertThat(config.store()).isEqualTo(Path.of("/var/lib/warden"));
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.partition()).isEqualTo("aws");
        assertThat(config.principal().source()).isEqualTo(PrincipalSource.REQUEST_CONTEXT);
        assertThat(config.pointcuts()).isEmpty();
    }

    @Test
    void aStoreOverrideReplacesTheFilesStore() throws Exception {
        Path file = folder.resolve("c.json");
        Files.writeString(file, "{\"store\": \"warden-data\"}");

        assertThat(AgentConfigReader.read(file, Path.of("/elsewhere")).store()).isEqualTo(Path.of("/elsewhere"));
    }

    @Test
    void staticMethodAndThreadLocalSourcesNameTheirMember() throws Exception {
        AgentConfig method = read("{\"store\": \"s\", \"principal\": {\"source\": \"static-method\", "
                + "\"method\": \"com.example.Auth.currentUser\", \"arn\": \"arn:aws:iam::111122223333:user/{name}\"}}");
        AgentConfig field = read("{\"store\": \"s\", \"principal\": {\"source\": \"thread-local\", "
                + "\"field\": \"com.example.Auth.CURRENT\", \"arn\": \"arn:aws:iam::111122223333:user/{name}\"}}");

        assertThat(method.principal().memberClass()).isEqualTo("com.example.Auth");
        assertThat(method.principal().memberName()).isEqualTo("currentUser");
        assertThat(field.principal().member()).isEqualTo("com.example.Auth.CURRENT");
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        refused("{\n  \"store\": \"s\",\n  \"region\" \"us-east-1\"\n}", "line 3, column ", "not valid JSON");
    }

    @Test
    void duplicateFieldsAreRefused() {
        refused("{\"store\": \"a\", \"store\": \"b\"}", "Duplicate field 'store'");
    }

    @Test
    void unknownFieldsAreRefusedWithTheirPointer() {
        refused("{\"store\": \"s\", \"pointcuts\": [{\"class\": \"a.B\", \"method\": \"m\", \"action\": \"a:B\", "
                + "\"resource\": \"*\", \"methd\": \"x\"}]}", "/pointcuts/0/methd: unknown field");
        refused("{\"store\": \"s\", \"stroe\": \"x\"}", "/stroe: unknown field");
    }

    @Test
    void missingAndMistypedValuesAreRefusedWithTheirPointer() {
        refused("{}", "/store: missing");
        refused("{\"store\": 7}", "/store: must be a non-empty string");
        refused("{\"store\": \"s\", \"pointcuts\": {}}", "/pointcuts: must be an array");
        refused("{\"store\": \"s\", \"pointcuts\": [{\"class\": \"a.B\", \"method\": \"m\", \"resource\": \"*\"}]}",
                "/pointcuts/0/action: missing");
        refused("{\"store\": \"s\", \"pointcuts\": [{\"class\": \"a.B\", \"method\": \"m\", \"action\": \"DeleteOrder\","
                + " \"resource\": \"*\"}]}", "/pointcuts/0/action: an action is 'service:Action'");
        refused("{\"store\": \"s\", \"pointcuts\": [{\"class\": \"a.B\", \"method\": \"m()\", \"action\": \"a:B\","
                + " \"resource\": \"*\"}]}", "/pointcuts/0/method: not a method name");
        refused("{\"store\": \"s\", \"pointcuts\": [{\"class\": \"a.B\", \"method\": \"m\", \"parameters\": [\"int x\"],"
                + " \"action\": \"a:B\", \"resource\": \"*\"}]}", "/pointcuts/0/parameters/0");
        refused("{\"store\": \"s\", \"verbose\": \"yes\"}", "/verbose: must be true or false");
        refused("{\"store\": \"s\", \"region\": \"US East\"}", "/region");
    }

    @Test
    void principalSourcesAreCheckedForWhatTheyNeed() {
        refused("{\"store\": \"s\", \"principal\": {\"source\": \"ldap\"}}", "/principal/source: unknown principal "
                + "source 'ldap'", "\"http-server\"");
        refused("{\"store\": \"s\", \"principal\": {\"source\": \"http-server\"}}", "needs \"arn\"");
        refused("{\"store\": \"s\", \"principal\": {\"source\": \"servlet\", \"arn\": \"alice\"}}",
                "/principal/arn: must be an ARN template with {name}");
        refused("{\"store\": \"s\", \"principal\": {\"source\": \"static-method\", \"arn\": "
                + "\"arn:aws:iam::1:user/{name}\"}}", "/principal/method: missing");
        refused("{\"store\": \"s\", \"principal\": {\"source\": \"static-method\", \"method\": \"currentUser\", "
                + "\"arn\": \"arn:aws:iam::1:user/{name}\"}}", "must be fully.qualified.Class.methodName");
        refused("{\"store\": \"s\", \"principal\": {\"source\": \"servlet\", \"field\": \"a.B.C\", "
                + "\"arn\": \"arn:aws:iam::1:user/{name}\"}}", "/principal/field: not used by source \"servlet\"");
    }

    @Test
    void anUnreadableFileIsNamed() {
        assertThatThrownBy(() -> AgentConfigReader.read(folder.resolve("absent.json"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("absent.json")
                .hasMessageContaining("cannot read the agent config");
    }

    @Test
    void classPatternsMatchOnePackageLevelPerStarAndAnyDepthWithTwo() {
        PointcutConfig one = new PointcutConfig("x", "com.example.*Service", "m", null, "a:B", "*", Map.of());
        PointcutConfig any = new PointcutConfig("x", "com.example.**Service", "m", null, "a:B", "*", Map.of());
        PointcutConfig exact = new PointcutConfig("x", "com.example.Orders$Inner", "m", List.of(), "a:B", "*",
                Map.of());

        assertThat(one.matchesClass("com.example.OrderService")).isTrue();
        assertThat(one.matchesClass("com.example.billing.InvoiceService")).isFalse();
        assertThat(one.matchesClass("com.example.OrderServiceImpl")).isFalse();
        assertThat(any.matchesClass("com.example.billing.InvoiceService")).isTrue();
        assertThat(exact.matchesClass("com.example.Orders$Inner")).isTrue();
        assertThat(exact.matchesClass("com.example.Orders")).isFalse();
    }
}
