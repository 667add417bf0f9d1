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
    /** Other gateway methods refused while set (e.g. {@code CreateProcessInstance}, {@code CompleteJob}). */
    private volatile java.util.Set<String> refusedMethods = java.util.Set.of();
    private final AtomicInteger refused = new AtomicInteger();

    void refusePublishes(boolean on) {
        refusing = on;
    }

    /** Makes the gateway refuse these methods (by their gRPC name, e.g. {@code CompleteJob}); none: all served. */
    void refuseMethods(String... methods) {
        refusedMethods = java.util.Set.of(methods);
    }

    int refused() {
        return refused.get();
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        String name = method.getFullMethodName();
        boolean refuse = refusing && name.endsWith("/PublishMessage")
                || refusedMethods.stream().anyMatch(m -> name.endsWith("/" + m));
        if (!refuse) {
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
