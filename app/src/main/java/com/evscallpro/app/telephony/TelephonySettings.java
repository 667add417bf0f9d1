package com.evscallpro.app.telephony;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.telephony.*}: which PBX adapter a site uses and how to reach it. The AMI secret is never logged.
 */
@ConfigurationProperties("evs.telephony")
public record TelephonySettings(Mode mode, Ami ami) {

    public enum Mode { ASTERISK_AMI, YEASTAR_API }

    public record Ami(String host, Integer port, String username, String secret, String customerDialTemplate,
                      String agentContext) {
        @Override
        public String toString() {
            return "Ami[host=" + host + ", port=" + port + ", username=" + username + ", secret=****]";
        }
    }
}
