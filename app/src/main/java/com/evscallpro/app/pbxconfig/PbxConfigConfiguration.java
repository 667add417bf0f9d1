package com.evscallpro.app.pbxconfig;

import com.evscallpro.app.telephony.TelephonySettings;
import com.evscallpro.core.pbxconfig.AsteriskConfigApplier;
import com.evscallpro.core.pbxconfig.AsteriskConfigRenderer;
import com.evscallpro.core.pbxconfig.PbxConfigService;
import com.evscallpro.core.pbxconfig.PbxReloader;
import com.evscallpro.core.pbxconfig.SitePbxConfig;
import com.evscallpro.core.site.SiteService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The applier of the generated Asterisk configuration, and its AMI reloader (replaceable, e.g. in tests). */
@Configuration(proxyBeanMethods = false)
class PbxConfigConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PbxReloader pbxReloader(TelephonySettings telephony) {
        return new AmiPbxReloader(telephony);
    }

    @Bean
    AsteriskConfigApplier asteriskConfigApplier(PbxConfigService config, AsteriskConfigProperties properties,
                                                PbxReloader reloader) {
        AsteriskConfigRenderer renderer = new AsteriskConfigRenderer(new AsteriskConfigRenderer.Options(
                properties.agiHost(), properties.agiPort(), properties.defaultTrunk()));
        return new AsteriskConfigApplier(config, renderer, properties.configDir(), reloader,
                properties.reloadModules(), properties.reloadTimeout());
    }

    @Bean
    SitePbxConfig sitePbxConfig(AsteriskConfigApplier applier, SiteService sites, TelephonySettings telephony,
                                PbxReloader reloader) {
        return new SiteConfigAppliers(applier, sites, telephony, reloader);
    }
}
