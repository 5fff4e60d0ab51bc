package dev.irsa.core.aws;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a test class against moto: one server per JVM (started on first use, stopped when the test
 * run ends), wiped before every test. Test methods and constructors receive the {@link MotoServer}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Moto.Extension.class)
@interface Moto {
  final class Extension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Moto.class);

    static MotoServer server(ExtensionContext context) {
      return context.getRoot().getStore(NS).getOrComputeIfAbsent("server", k -> MotoServer.start(), MotoServer.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      server(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
      return p.getParameter().getType() == MotoServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext context) {
      return server(context);
    }
  }
}
