package dev.warden.agent.internal.principal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.spi.Principal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a principal source found, turned into the principal Warden decides for. */
class CallerNamesTest {

    private final CallerNames names = new CallerNames("arn:aws:iam::111122223333:user/{name}");

    @Test
    void namesBecomeArnsThroughTheTemplate() throws Throwable {
        assertThat(names.principal("alice").arn()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(names.principal(Optional.of("bob")).kind()).isEqualTo(Principal.Kind.USER);
        assertThat(names.principal((java.security.Principal) () -> "carol").arn())
                .isEqualTo("arn:aws:iam::111122223333:user/carol");
    }

    @Test
    void arnsAreTakenAsTheyAre() throws Throwable {
        assertThat(names.principal("arn:aws:sts::111122223333:assumed-role/Reader/s1").kind())
                .isEqualTo(Principal.Kind.ASSUMED_ROLE);
        assertThat(names.principal(Principal.of("arn:aws:iam::111122223333:role/Reader")).arn())
                .isEqualTo("arn:aws:iam::111122223333:role/Reader");
    }

    @Test
    void nothingFoundIsNoPrincipal() throws Throwable {
        assertThat(names.principal(null)).isNull();
        assertThat(names.principal(Optional.empty())).isNull();
        assertThat(names.principal("")).isNull();
    }

    @Test
    void aNameCannotReachIntoAnotherPartOfTheArn() {
        assertThatThrownBy(() -> names.principal("../role/Admin")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an IAM name");
        assertThatThrownBy(() -> names.principal("alice:x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> names.principal("a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherTypesAreRefusedByName() {
        assertThatThrownBy(() -> names.principal(42)).hasMessageContaining("gave a java.lang.Integer");
    }

    @Test
    void withoutATemplateOnlyArnsAreAccepted() {
        assertThatThrownBy(() -> new CallerNames(null).principal("alice"))
                .hasMessageContaining("no \"arn\" template");
    }
}
