package dev.warden.agent.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.bytebuddy.description.method.MethodDescription;
import org.junit.jupiter.api.Test;

/** Templates compiled against the methods they guard, and rendered for calls. */
class TemplateCompilerTest {

    /** Methods to guard (this test class is compiled with -parameters). */
    @SuppressWarnings("unused")
    static final class Orders {
        public void getOrder(String id) {
        }

        public void ship(Order order, int priority) {
        }

        public void audit(Object anything) {
        }

        public void byAccount(String account) {
        }
    }

    record Customer(String id) {
    }

    record Order(String id, Customer customer) {
        public boolean isUrgent() {
            return true;
        }
    }

    private final TemplateCompiler compiler = new TemplateCompiler("eu-west-1", "aws");

    private static MethodDescription method(String name) {
        for (java.lang.reflect.Method m : Orders.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return new MethodDescription.ForLoadedMethod(m);
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void parametersByNameAndPositionAndTheCallersAccount() throws Exception {
        Template byName = compiler.compile("arn:aws:orders:{region}:{account}:order/{id}", method("getOrder"));
        Template byIndex = compiler.compile("arn:{partition}:orders:{region}:{account}:order/{0}", method("getOrder"));

        assertThat(byName.render(new Object[] {"7"}, "111122223333"))
                .isEqualTo("arn:aws:orders:eu-west-1:111122223333:order/7");
        assertThat(byIndex.render(new Object[] {"8"}, "444455556666"))
                .isEqualTo("arn:aws:orders:eu-west-1:444455556666:order/8");
        assertThat(byName.readsAccount()).isTrue();
    }

    @Test
    void propertiesAreReadThroughAccessorsGettersAndFields() throws Exception {
        Template nested = compiler.compile("order/{order.customer.id}/{order.id}/{order.urgent}/{priority}",
                method("ship"));
        Order order = new Order("o-1", new Customer("c-9"));

        assertThat(nested.render(new Object[] {order, 3}, null)).isEqualTo("order/c-9/o-1/true/3");
    }

    @Test
    void aParameterWinsOverTheBuiltInOfTheSameName() throws Exception {
        assertThat(compiler.compile("a/{account}", method("byAccount")).render(new Object[] {"given"}, "caller"))
                .isEqualTo("a/given");
    }

    @Test
    void aMissingParameterIsReportedWithTheMethod() {
        assertThatThrownBy(() -> compiler.compile("order/{idd}", method("getOrder")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("'order/{idd}': {idd} names no parameter of Orders.getOrder(String id)");
        assertThatThrownBy(() -> compiler.compile("order/{1}", method("getOrder")))
                .hasMessageContaining("{1} names no parameter");
    }

    @Test
    void aMissingPropertyIsReportedFromTheClassFiles() {
        assertThatThrownBy(() -> compiler.compile("order/{order.total}", method("ship")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("has no property 'total' (no getTotal(), isTotal(), total() or field total)");
        assertThatThrownBy(() -> compiler.compile("p/{priority.value}", method("ship")))
                .hasMessageContaining("int has no property 'value'");
    }

    @Test
    void aPropertyOfAnOpenTypeIsLookedUpAtTheCall() throws Exception {
        Template template = compiler.compile("x/{anything.id}", method("audit"));

        assertThat(template.render(new Object[] {new Customer("c-1")}, null)).isEqualTo("x/c-1");
        assertThatThrownBy(() -> template.render(new Object[] {"plain string"}, null))
                .isInstanceOf(RenderException.class).hasMessageContaining("has no property 'id'");
    }

    @Test
    void readingThroughNullFailsTheCallNotTheTemplate() throws Exception {
        Template template = compiler.compile("order/{order.customer.id}", method("ship"));

        assertThatThrownBy(() -> template.render(new Object[] {new Order("o", null), 1}, null))
                .isInstanceOf(RenderException.class).hasMessageContaining("cannot read 'id' of null");
    }

    @Test
    void malformedPlaceholdersAreRefused() {
        assertThatThrownBy(() -> compiler.compile("order/{id", method("getOrder"))).hasMessageContaining("never closed");
        assertThatThrownBy(() -> compiler.compile("order/id}", method("getOrder"))).hasMessageContaining("closes nothing");
        assertThatThrownBy(() -> compiler.compile("order/{}", method("getOrder"))).hasMessageContaining("empty");
        assertThatThrownBy(() -> compiler.compile("order/{id.}", method("getOrder")))
                .hasMessageContaining("empty property name");
    }

    @Test
    void aTemplateWithoutPlaceholdersRendersItself() throws Exception {
        assertThat(compiler.compile("*", method("getOrder")).render(new Object[] {"7"}, "1")).isEqualTo("*");
    }
}
