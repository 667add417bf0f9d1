package com.evscallpro.telephony.asterisk;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent: EvsAmd}, raised by the {@code evs-predictive-hold} context right after {@code AMD()}: the
 * verdict ({@code AMDSTATUS}: HUMAN, MACHINE, NOTSURE, HANGUP) and its cause ({@code AMDCAUSE}, e.g.
 * {@code LONGGREETING-1000-1000}) on the held customer's channel (the event carries the channel snapshot: Channel,
 * Uniqueid, Linkedid). asterisk-java builds it by name (class {@code <UserEvent>Event} registered with
 * {@code registerUserEventClass}) and sets {@code AMDSTATUS} through {@link #setAmdstatus}. Public because
 * asterisk-java instantiates it reflectively.
 */
public class EvsAmdEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String amdstatus;
    private String amdcause;
    private String linkedid;

    public EvsAmdEvent(Object source) {
        super(source);
    }

    public String getAmdstatus() {
        return amdstatus;
    }

    public void setAmdstatus(String amdstatus) {
        this.amdstatus = amdstatus;
    }

    public String getAmdcause() {
        return amdcause;
    }

    public void setAmdcause(String amdcause) {
        this.amdcause = amdcause;
    }

    /** The channel's {@code Linkedid} (Asterisk 12+ channel snapshot). */
    public String getLinkedId() {
        return linkedid;
    }

    public void setLinkedid(String linkedid) {
        this.linkedid = linkedid;
    }
}
