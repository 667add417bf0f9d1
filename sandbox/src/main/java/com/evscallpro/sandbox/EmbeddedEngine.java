package com.evscallpro.sandbox;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * The in-memory Zeebe engine (zeebe-process-test), serving gRPC on a loopback port. Development and tests only:
 * its licence does not cover production, and it forgets every instance on restart.
 */
public final class EmbeddedEngine implements AutoCloseable {

    private final ZeebeTestEngine engine;
    private final int port;

    private EmbeddedEngine(ZeebeTestEngine engine, int port) {
        this.engine = engine;
        this.port = port;
    }

    public static EmbeddedEngine start() {
        int port = freePort();
        ZeebeTestEngine engine = EngineFactory.create(port);
        engine.start();
        return new EmbeddedEngine(engine, port);
    }

    public String grpcAddress() {
        return "http://127.0.0.1:" + port;
    }

    public ZeebeTestEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
