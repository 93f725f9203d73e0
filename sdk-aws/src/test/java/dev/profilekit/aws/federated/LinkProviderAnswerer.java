package dev.profilekit.aws.federated;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminLinkProviderForUserRequest;

/**
 * cognito-local lacks {@code AdminLinkProviderForUser} (it answers HTTP 500 "Unsupported"). This
 * interceptor captures each such request and sends it to a loopback server that answers as Cognito
 * does (an empty JSON object, or a configured error); every other operation goes to the emulator.
 */
final class LinkProviderAnswerer implements ExecutionInterceptor, AutoCloseable {

  private final HttpServer server;
  private final List<AdminLinkProviderForUserRequest> captured = new CopyOnWriteArrayList<>();
  private final List<String> operations = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile String body = "{}";

  LinkProviderAnswerer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    });
    server.start();
  }

  /** The next answers are this Cognito error instead of success. */
  void answerError(int status, String errorType, String message) {
    this.status = status;
    this.body = "{\"__type\":\"" + errorType + "\",\"message\":\"" + message + "\"}";
  }

  List<AdminLinkProviderForUserRequest> captured() {
    return captured;
  }

  /** Every operation the client sent, in order. */
  List<String> operations() {
    return operations;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    operations.add(context.request().getClass().getSimpleName().replace("Request", ""));
    if (context.request() instanceof AdminLinkProviderForUserRequest link) {
      captured.add(link);
    }
  }

  @Override
  public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof AdminLinkProviderForUserRequest)) {
      return context.httpRequest();
    }
    return context.httpRequest().toBuilder()
        .protocol("http")
        .host(server.getAddress().getHostString())
        .port(server.getAddress().getPort())
        .build();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
