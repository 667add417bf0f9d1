package com.evscallpro.app.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.evscallpro.core.user.UserAccount.Role;
import com.evscallpro.ui.security.EvsUser;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** The inbound rules of {@code /ws}, frame by frame (the end-to-end check over a real WebSocket is in sandbox). */
class StompAccessInterceptorTest {

    /** Accepts the token "good-supervisor" only (the real decoder is checked end to end in sandbox). */
    private final StompAccessInterceptor interceptor = new StompAccessInterceptor(token -> {
        if (!token.equals("good-supervisor")) {
            throw new org.springframework.security.oauth2.jwt.BadJwtException("bad");
        }
        return org.springframework.security.oauth2.jwt.Jwt.withTokenValue(token).header("alg", "HS256")
                .subject("sup").claim("roles", java.util.List.of("SUPERVISOR")).build();
    });

    @Test
    void connect_needs_a_session_user_or_a_valid_bearer_token_mapped_to_its_role() {
        assertThatThrownBy(() -> interceptor.preSend(frame(StompCommand.CONNECT, null, null), null))
                .as("anonymous").isInstanceOf(MessageDeliveryException.class);
        assertThatThrownBy(() -> interceptor.preSend(bearer("forged"), null)).isInstanceOf(
                MessageDeliveryException.class);
        Message<?> connected = interceptor.preSend(bearer("good-supervisor"), null);
        assertThat(StompAccessInterceptor.roleOf(StompHeaderAccessor.wrap(connected).getUser()))
                .isEqualTo(Role.SUPERVISOR);
    }

    private static Message<byte[]> bearer(String token) {
        StompHeaderAccessor stomp = StompHeaderAccessor.create(StompCommand.CONNECT);
        stomp.addNativeHeader("Authorization", "Bearer " + token);
        stomp.setLeaveMutable(true);
        return MessageBuilder.createMessage(new byte[0], stomp.getMessageHeaders());
    }

    @Test
    void nobody_sends_to_a_topic_not_even_an_admin() {
        for (Role role : Role.values()) {
            assertThatThrownBy(() -> interceptor.preSend(frame(StompCommand.SEND, "/topic/agentStatusUpdate", role),
                    null)).as(role.name()).isInstanceOf(MessageDeliveryException.class);
        }
        assertThatThrownBy(() -> interceptor.preSend(frame(StompCommand.SEND, "/app/anything", Role.ADMIN), null))
                .isInstanceOf(MessageDeliveryException.class);
    }

    @Test
    void wallboard_topics_are_for_supervisors_and_admins_and_unknown_topics_for_nobody() {
        for (String topic : WallboardTopics.SUBSCRIBERS.keySet()) {
            assertThat(interceptor.preSend(frame(StompCommand.SUBSCRIBE, topic, Role.SUPERVISOR), null)).isNotNull();
            assertThat(interceptor.preSend(frame(StompCommand.SUBSCRIBE, topic, Role.ADMIN), null)).isNotNull();
            assertThatThrownBy(() -> interceptor.preSend(frame(StompCommand.SUBSCRIBE, topic, Role.AGENT), null))
                    .as(topic).isInstanceOf(MessageDeliveryException.class);
            assertThatThrownBy(() -> interceptor.preSend(frame(StompCommand.SUBSCRIBE, topic, null), null))
                    .as(topic + " anonymous").isInstanceOf(MessageDeliveryException.class);
        }
        assertThatThrownBy(() -> interceptor.preSend(frame(StompCommand.SUBSCRIBE, "/topic/other", Role.ADMIN), null))
                .isInstanceOf(MessageDeliveryException.class);
    }

    @Test
    void an_agent_still_connects_and_disconnects() {
        assertThat(interceptor.preSend(frame(StompCommand.CONNECT, null, Role.AGENT), null)).isNotNull();
        assertThat(interceptor.preSend(frame(StompCommand.DISCONNECT, null, Role.AGENT), null)).isNotNull();
    }

    private static Message<byte[]> frame(StompCommand command, String destination, Role role) {
        StompHeaderAccessor stomp = StompHeaderAccessor.create(command);
        if (destination != null) {
            stomp.setDestination(destination);
        }
        if (role != null) {
            EvsUser user = new EvsUser(7, "u-" + role, "x", true, "U", role, null, Locale.ENGLISH);
            stomp.setUser(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        }
        stomp.setLeaveMutable(true);
        return MessageBuilder.createMessage(new byte[0], stomp.getMessageHeaders());
    }
}
