package com.evscallpro.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewChannelEvent;

/**
 * A second AMI client on the PBX simulator, logged in like any monitoring tool: it writes down the channels the PBX
 * created and the causes it hung them up with, so tests compare the CDR with what only the PBX can have said.
 */
final class AmiObserver implements AutoCloseable {

    private final ManagerConnection connection;
    private final List<ManagerEvent> events = new CopyOnWriteArrayList<>();

    AmiObserver(SandboxInfrastructure infrastructure) throws Exception {
        var p = infrastructure.properties();
        connection = new ManagerConnectionFactory("127.0.0.1", Integer.parseInt(String.valueOf(
                p.get("evs.telephony.ami.port"))), String.valueOf(p.get("evs.telephony.ami.username")),
                String.valueOf(p.get("evs.telephony.ami.secret"))).createManagerConnection();
        connection.addEventListener(events::add);
        connection.login();
    }

    /** Channels the PBX created for the call (Linkedid = our call id). */
    List<NewChannelEvent> channelsOf(String callId) {
        return events.stream().filter(NewChannelEvent.class::isInstance).map(NewChannelEvent.class::cast)
                .filter(e -> callId.equals(e.getLinkedid())).toList();
    }

    /** The cause the PBX sent in the Hangup of the channel with this Uniqueid. */
    Optional<Integer> hangupCauseOf(String uniqueId) {
        return events.stream().filter(HangupEvent.class::isInstance).map(HangupEvent.class::cast)
                .filter(e -> uniqueId.equals(e.getUniqueId())).map(HangupEvent::getCause).findFirst();
    }

    /** The causes the PBX sent in the Hangups of the call's channels. */
    List<Integer> hangupCausesOf(String callId) {
        List<String> ids = channelsOf(callId).stream().map(NewChannelEvent::getUniqueId).toList();
        return events.stream().filter(HangupEvent.class::isInstance).map(HangupEvent.class::cast)
                .filter(e -> ids.contains(e.getUniqueId())).map(HangupEvent::getCause).toList();
    }

    @Override
    public void close() {
        connection.logoff();
    }
}
