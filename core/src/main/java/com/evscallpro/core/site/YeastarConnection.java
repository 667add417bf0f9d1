package com.evscallpro.core.site;

/**
 * A Yeastar site's Open API settings (as {@code evs.telephony.yeastar.*}). {@code clientSecret} follows the same rule as
 * {@link AmiServerSettings#secret()}: write-only, null keeps the stored one, {@code clientSecretSet} tells it is set.
 *
 * @param dialMode {@code AGENT_FIRST} or {@code CUSTOMER_FIRST} (YeastarSettings.DialMode), null = the default
 */
public record YeastarConnection(String baseUrl, String clientId, String clientSecret, boolean clientSecretSet,
                                String dialMode, Boolean autoAnswer, String dialPermission) {

    YeastarConnection withSecret(String newSecret, boolean set) {
        return new YeastarConnection(baseUrl, clientId, newSecret, set, dialMode, autoAnswer, dialPermission);
    }

    @Override
    public String toString() {
        return "YeastarConnection[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=****, clientSecretSet="
                + clientSecretSet + ", dialMode=" + dialMode + "]";
    }
}
