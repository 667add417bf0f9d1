package com.evscallpro.telephony.asterisk;

import org.asteriskjava.manager.internal.ManagerConnectionImpl;

/**
 * asterisk-java's connection with one addition: {@link #dropSocket()} closes the socket under the reader, exactly as
 * a network failure would. The reader then ends with a {@code DisconnectEvent} and asterisk-java's own reconnect
 * path runs (pending action callbacks get {@code null}, login again, {@code ConnectEvent}, our resync). The keep-alive
 * uses it when a Ping is not answered: a half-open TCP connection never fails by itself.
 *
 * <p>{@code ManagerConnectionImpl} is what asterisk-java's {@code DefaultManagerConnection} wraps (it only delegates);
 * we extend it because closing the socket is protected there.
 */
final class AmiConnection extends ManagerConnectionImpl {

    AmiConnection(String host, int port, String username, String secret) {
        setHostname(host);
        setPort(port);
        setUsername(username);
        setPassword(secret);
    }

    /** Closes the TCP socket without Logoff; asterisk-java notices, reports the disconnection and reconnects. */
    void dropSocket() {
        disconnect();
    }
}
