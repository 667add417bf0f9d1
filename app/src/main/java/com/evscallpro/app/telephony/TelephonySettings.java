package com.evscallpro.app.telephony;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code evs.telephony.*}: which PBX adapter a site uses and how to reach it. The AMI secret is never logged.
 */
@ConfigurationProperties("evs.telephony")
public record TelephonySettings(Mode mode, Ami ami, Yeastar yeastar) {

    public enum Mode { ASTERISK_AMI, YEASTAR_API }

    /** {@code evs.telephony.yeastar.*}: a Yeastar P-Series site (Open API), see docs/telephony-yeastar.md. */
    public record Yeastar(String baseUrl, String clientId, String clientSecret, String dialMode, Boolean autoAnswer,
                          String dialPermission) {
        @Override
        public String toString() {
            return "Yeastar[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=****]";
        }
    }

    /**
     * {@code evs.telephony.ami.*}: one Asterisk ({@code host}, {@code port}, ...) or, when {@code servers} is set,
     * several at once ({@code servers[0].id/host/port/...}; a field a server leaves out is taken from here).
     * {@code pingInterval}/{@code pingTimeout} (keep-alive) and {@code eventFilter} (the AMI {@code Filter} sent after
     * each login so Asterisk only sends the events we translate; on unless set to {@code false}) apply to every server.
     */
    public record Ami(String host, Integer port, String username, String secret, String customerDialTemplate,
                      String agentContext, String phoneDialTemplate, String phoneContext, Duration pingInterval,
                      Duration pingTimeout, Boolean eventFilter, List<Server> servers) {

        @ConstructorBinding
        public Ami {
            servers = servers == null ? List.of() : List.copyOf(servers);
        }

        /** The single-server form (as before the server list). */
        public Ami(String host, Integer port, String username, String secret, String customerDialTemplate,
                   String agentContext) {
            this(host, port, username, secret, customerDialTemplate, agentContext, null, null, null, null, null, null);
        }

        @Override
        public String toString() {
            return "Ami[host=" + host + ", port=" + port + ", username=" + username + ", secret=****"
                    + ", pingInterval=" + pingInterval + ", pingTimeout=" + pingTimeout + ", eventFilter=" + eventFilter
                    + ", servers=" + servers + "]";
        }
    }

    /** {@code evs.telephony.ami.servers[n].*}: one Asterisk among several, named by {@code id}. */
    public record Server(String id, String host, Integer port, String username, String secret,
                         String customerDialTemplate, String agentContext, String phoneDialTemplate,
                         String phoneContext) {
        @Override
        public String toString() {
            return "Server[id=" + id + ", host=" + host + ", port=" + port + ", username=" + username
                    + ", secret=****]";
        }
    }
}
