package com.evscallpro.core.pbxconfig;

import com.evscallpro.core.secret.SecretCipher;
import com.evscallpro.db.pbxconfig.SipTrunk;
import com.evscallpro.db.pbxconfig.SipTrunkRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals, once the application has started, every trunk password still stored in clear (written before V18); a value
 * already sealed is left alone, so running it again changes nothing. Logs how many, never which value.
 */
@Component
class TrunkPasswordSealer {

    private static final Logger log = LoggerFactory.getLogger(TrunkPasswordSealer.class);

    private final SipTrunkRepository trunks;
    private final SecretCipher cipher;

    TrunkPasswordSealer(SipTrunkRepository trunks, SecretCipher cipher) {
        this.trunks = trunks;
        this.cipher = cipher;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void sealClearPasswords() {
        int sealed = 0;
        for (SipTrunk t : trunks.findAll()) {
            if (t.password() != null && !SecretCipher.isSealed(t.password())) {
                trunks.save(t.update(t.siteId(), t.name(), t.host(), t.port(), t.transport(), t.username(),
                        cipher.seal(t.password()), t.fromUser(), t.fromDomain(), t.codecs(), t.register(),
                        t.outboundProxy(), t.maxChannels(), t.enabled()));
                sealed++;
            }
        }
        if (sealed > 0) {
            log.info("Sealed the password of {} SIP trunk(s) stored in clear", sealed);
        }
    }
}
