package com.evscallpro.telephony;

/**
 * One live channel of a call, as the PBX reports it now ({@link PbxPort#channelStatus}; AMI {@code Status}).
 *
 * @param channel         the channel name
 * @param uniqueId        its unique id
 * @param linkedId        its linked id (our call id for every channel of the call)
 * @param leg             which side of the call it belongs to
 * @param state           the channel state code (4 ring, 5 ringing, 6 up, ...)
 * @param stateDesc       the state's name ({@code Up}, {@code Ringing}...)
 * @param context         where it is in the dialplan: context
 * @param exten           extension
 * @param priority        priority
 * @param application     the application it runs ({@code Dial}, {@code Wait}, {@code ChanSpy}...)
 * @param applicationData the application's arguments
 * @param bridgeId        the bridge it is in, empty when none
 * @param seconds         how long it has existed
 */
public record ChannelStatus(String channel, String uniqueId, String linkedId, CallEvent.Leg leg, int state,
                            String stateDesc, String context, String exten, int priority, String application,
                            String applicationData, String bridgeId, int seconds) {
}
