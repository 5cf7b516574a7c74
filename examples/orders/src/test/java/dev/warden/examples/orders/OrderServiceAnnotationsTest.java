package dev.warden.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.Authorize;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** The application's only Warden code: the annotations on {@link OrderService}, and the method left without one. */
class OrderServiceAnnotationsTest {

    private static Authorize on(String name, Class<?>... parameters) throws Exception {
        return OrderService.class.getMethod(name, parameters).getAnnotation(Authorize.class);
    }

    @Test
    void readsAndCreationAreAnnotated() throws Exception {
        assertThat(on("listOrders").action()).isEqualTo("orders:ListOrders");
        assertThat(on("getOrder", String.class).resource())
                .isEqualTo("arn:aws:orders:{region}:{account}:order/{id}");
        assertThat(on("createOrder", NewOrder.class).context()).containsExactly("orders:Item={request.item}");
    }

    @Test
    void deleteOrderIsLeftToThePointcut() throws Exception {
        assertThat(on("deleteOrder", String.class)).isNull();
    }

    @Test
    void parameterNamesAreCompiledIn() throws Exception {
        Method getOrder = OrderService.class.getMethod("getOrder", String.class);
        assertThat(getOrder.getParameters()[0].isNamePresent()).isTrue();
        assertThat(getOrder.getParameters()[0].getName()).isEqualTo("id");
    }
}
