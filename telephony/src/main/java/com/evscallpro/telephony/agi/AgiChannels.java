package com.evscallpro.telephony.agi;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live AGI channels of one {@link FastAgiServer}, for the threads that drive a call they did not accept (Zeebe
 * workers): look a channel up by our call id or by its Asterisk unique id. A channel is listed from the moment its
 * handler starts until its connection closes.
 */
public final class AgiChannels {

    private final ConcurrentHashMap<String, AgiConnection> byUniqueId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AgiConnection> byCallId = new ConcurrentHashMap<>();

    AgiChannels() {
    }

    /** The live channel of a call, by our call id ({@link AgiChannel#callId()}). */
    public Optional<AgiChannel> byCallId(String callId) {
        return Optional.ofNullable(byCallId.get(callId));
    }

    /** The live channel by its Asterisk {@code agi_uniqueid}. */
    public Optional<AgiChannel> byUniqueId(String uniqueId) {
        return Optional.ofNullable(byUniqueId.get(uniqueId));
    }

    /** By call id, else by unique id. */
    public Optional<AgiChannel> find(String id) {
        AgiConnection c = byCallId.get(id);
        return Optional.ofNullable(c != null ? c : byUniqueId.get(id));
    }

    public int size() {
        return byUniqueId.size();
    }

    public Collection<AgiChannel> all() {
        return List.copyOf(byUniqueId.values());
    }

    synchronized void add(AgiConnection c) {
        // a second AGI() on the same channel (same unique id) replaces the first entry
        byUniqueId.put(c.uniqueId(), c);
        byCallId.put(c.callId(), c);
    }

    synchronized void callIdChanged(AgiConnection c, String oldId, String newId) {
        byCallId.remove(oldId, c);
        if (c.isOpen()) {
            byCallId.put(newId, c);
        }
    }

    synchronized void remove(AgiConnection c) {
        if (c.request() == null) {
            return; // closed before its environment was read: never listed
        }
        byUniqueId.remove(c.uniqueId(), c);
        if (c.callId() != null) {
            byCallId.remove(c.callId(), c);
        }
    }
}
