package com.evscallpro.sandbox;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the engine's gateway refuse message publishes (gRPC UNAVAILABLE, as a gateway that is away or overloaded
 * answers) while switched on: a real failure of the real client call, below our code, for the message-loss tests.
 * Registered in the test stack as a gRPC client interceptor (the Camunda starter applies every such bean).
 */
final class PublishFaults implements ClientInterceptor {

    private volatile boolean refusing;
    private final AtomicInteger refused = new AtomicInteger();

    void refusePublishes(boolean on) {
        refusing = on;
    }

    int refused() {
        return refused.get();
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        if (!refusing || !method.getFullMethodName().endsWith("/PublishMessage")) {
            return next.newCall(method, options);
        }
        refused.incrementAndGet();
        return new ClientCall<>() {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                listener.onClose(Status.UNAVAILABLE.withDescription("test: the engine refuses publishes"),
                        new Metadata());
            }

            @Override
            public void request(int numMessages) {
            }

            @Override
            public void cancel(String message, Throwable cause) {
            }

            @Override
            public void halfClose() {
            }

            @Override
            public void sendMessage(Q message) {
            }
        };
    }
}
