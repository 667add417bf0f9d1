package com.evscallpro.app.telephony;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code evs.telephony.*}: which PBX adapter a site uses and how to reach it. The AMI secret is never logged.
 */
@ConfigurationProperties("evs.telephony")
public record TelephonySettings(Mode mode, Ami ami, Yeastar yeastar) {

    public enum Mode { ASTERISK_AMI, YEASTAR_API }

    /** {@code evs.telephony.yeastar.*}: a Yeastar P-Series site (Open API), see docs/telephony.md. */
    public record Yeastar(String baseUrl, String clientId, String clientSecret, String dialMode, Boolean autoAnswer,
                          String dialPermission) {
        @Override
        public String toString() {
            return "Yeastar[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=****]";
        }
    }

    public record Ami(String host, Integer port, String username, String secret, String customerDialTemplate,
                      String agentContext) {
        @Override
        public String toString() {
            return "Ami[host=" + host + ", port=" + port + ", username=" + username + ", secret=****]";
        }
    }
}
