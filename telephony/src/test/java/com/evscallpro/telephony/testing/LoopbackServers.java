package com.evscallpro.telephony.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/** The accept loop the fake PBX servers of the tests share. */
public final class LoopbackServers {

    private LoopbackServers() {
    }

    /**
     * Accepts connections on {@code server} in a daemon thread {@code acceptorName} until it is closed; each
     * connection is served by {@code session} in a daemon thread {@code sessionName}.
     */
    public static void acceptInBackground(ServerSocket server, String acceptorName, String sessionName,
                                          Consumer<Socket> session) {
        Thread acceptor = new Thread(() -> {
            try {
                while (!server.isClosed()) {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> session.accept(s), sessionName);
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException ignored) {
                // closed
            }
        }, acceptorName);
        acceptor.setDaemon(true);
        acceptor.start();
    }
}
