package com.evscallpro.core.pbxconfig;

import com.evscallpro.core.pbxconfig.PbxConfigValidationException.FieldError;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every trunk and DID follows before it is stored or rendered. Pure: normalizes (trims, blank → null,
 * E.164 numbers) and lists every refused field at once.
 */
final class PbxConfigValidator {

    static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,40}");
    /** SIP user part: RFC 3261 unreserved characters and a few common marks; nothing pjsip.conf treats specially. */
    static final Pattern SIP_USER = Pattern.compile("[A-Za-z0-9._+~*#!-]{1,64}");
    static final Pattern SCRIPT = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");
    static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern EXTENSION = Pattern.compile("[0-9]{1,20}");
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    /** Suffixes of the sections a trunk generates besides its own: a trunk name must not end with them. */
    private static final List<String> SECTION_SUFFIXES = List.of("-auth", "-reg", "-identify");
    /** Section names with a meaning of their own in pjsip.conf. */
    private static final Set<String> RESERVED_NAMES = Set.of("global", "system", "general");
    static final int MAX_LABEL = 200;
    static final int MAX_PASSWORD = 128;
    static final int MAX_CHANNELS = 10_000;
    static final String DEFAULT_REGION = "FR";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private PbxConfigValidator() {
    }

    /** Trimmed texts, blanks as null, lower-case codecs, the transport's default port; the password as typed. */
    static TrunkDefinition normalize(TrunkDefinition t) {
        TrunkTransport transport = t.transport() == null ? TrunkTransport.UDP : t.transport();
        String host = clean(t.host());
        if (host != null && host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        List<String> codecs = t.codecs().stream()
                .map(c -> c == null ? "" : c.strip().toLowerCase(Locale.ROOT))
                .filter(c -> !c.isEmpty())
                .toList();
        String username = clean(t.username());
        String password = t.password() == null || t.password().isEmpty() ? null : t.password();
        return new TrunkDefinition(clean(t.name()), host, t.port() == null ? transport.defaultPort() : t.port(),
                transport, username, password, clean(t.fromUser()), clean(t.fromDomain()), codecs,
                t.register(), clean(t.outboundProxy()), t.maxChannels(), t.enabled(), t.siteId());
    }

    /** Every rule a (normalized) trunk breaks; empty when it may be stored and rendered. */
    static List<FieldError> check(TrunkDefinition t) {
        List<FieldError> errors = new ArrayList<>();
        checkName(t.name(), errors);
        if (t.host() == null) {
            errors.add(new FieldError("host", "pbx.host-required"));
        } else if (!isHost(t.host())) {
            errors.add(new FieldError("host", "pbx.host-invalid", t.host()));
        }
        if (t.port() == null || t.port() < 1 || t.port() > 65535) {
            errors.add(new FieldError("port", "pbx.port-range", t.port() == null ? "" : t.port()));
        }
        if (t.username() != null && !SIP_USER.matcher(t.username()).matches()) {
            errors.add(new FieldError("username", "pbx.username-invalid", t.username()));
        }
        if (t.username() != null && t.password() == null) {
            errors.add(new FieldError("password", "pbx.password-required"));
        }
        if (t.password() != null) {
            checkPassword(t.password(), errors);
        }
        if (t.register() && t.username() == null) {
            errors.add(new FieldError("username", "pbx.register-needs-user"));
        }
        if (t.fromUser() != null && !SIP_USER.matcher(t.fromUser()).matches()) {
            errors.add(new FieldError("fromUser", "pbx.from-user-invalid", t.fromUser()));
        }
        if (t.fromDomain() != null && !isHost(t.fromDomain())) {
            errors.add(new FieldError("fromDomain", "pbx.from-domain-invalid", t.fromDomain()));
        }
        checkCodecs(t.codecs(), errors);
        if (t.outboundProxy() != null && HostPort.parse(t.outboundProxy()).isEmpty()) {
            errors.add(new FieldError("outboundProxy", "pbx.proxy-invalid", t.outboundProxy()));
        }
        if (t.maxChannels() != null && (t.maxChannels() < 1 || t.maxChannels() > MAX_CHANNELS)) {
            errors.add(new FieldError("maxChannels", "pbx.max-channels-range", MAX_CHANNELS, t.maxChannels()));
        }
        return errors;
    }

    private static void checkName(String name, List<FieldError> errors) {
        if (name == null) {
            errors.add(new FieldError("name", "pbx.name-required"));
        } else if (!NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "pbx.name-unsafe", name));
        } else if (RESERVED_NAMES.contains(name)) {
            errors.add(new FieldError("name", "pbx.name-reserved", name));
        } else {
            SECTION_SUFFIXES.stream().filter(name::endsWith).findFirst().ifPresent(s -> errors.add(new FieldError(
                    "name", "pbx.name-suffix", name, s)));
        }
    }

    private static void checkPassword(String password, List<FieldError> errors) {
        if (password.length() > MAX_PASSWORD) {
            errors.add(new FieldError("password", "pbx.password-too-long", MAX_PASSWORD));
        }
        if (!password.equals(password.strip())) {
            errors.add(new FieldError("password", "pbx.password-spaces"));
        }
        if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            errors.add(new FieldError("password", "pbx.password-control"));
        }
    }

    private static void checkCodecs(List<String> codecs, List<FieldError> errors) {
        if (codecs.isEmpty()) {
            errors.add(new FieldError("codecs", "pbx.codecs-required"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String codec : codecs) {
            if (!PbxConfigService.KNOWN_CODECS.contains(codec)) {
                errors.add(new FieldError("codecs", "pbx.codec-unknown", codec,
                        String.join(", ", PbxConfigService.KNOWN_CODECS)));
            } else if (!seen.add(codec)) {
                errors.add(new FieldError("codecs", "pbx.codec-twice", codec));
            }
        }
    }

    /** Trimmed texts, the number in E.164 when it can be read, the default IVR script for a blank IVR target. */
    static DidDefinition normalize(DidDefinition d) {
        String number = clean(d.number());
        if (number != null) {
            number = toE164(number).orElse(number);
        }
        DidTargetType type = d.targetType() == null ? DidTargetType.IVR : d.targetType();
        String target = clean(d.target());
        if (target == null && type == DidTargetType.IVR) {
            target = PbxConfigService.DEFAULT_IVR_SCRIPT;
        }
        return new DidDefinition(number, d.trunkId(), clean(d.label()), type, target, d.enabled());
    }

    /** Every rule a (normalized) DID breaks, the trunk's existence aside. */
    static List<FieldError> check(DidDefinition d) {
        List<FieldError> errors = new ArrayList<>();
        if (d.number() == null) {
            errors.add(new FieldError("number", "pbx.number-required"));
        } else if (toE164(d.number()).isEmpty() || !d.number().startsWith("+")) {
            errors.add(new FieldError("number", "pbx.number-invalid", d.number()));
        }
        if (d.label() != null && (d.label().length() > MAX_LABEL
                || d.label().chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("label", "pbx.label-invalid", MAX_LABEL));
        }
        String target = d.target();
        switch (d.targetType()) {
            case IVR -> {
                if (target == null || target.length() > 64 || !SCRIPT.matcher(target).matches()) {
                    errors.add(new FieldError("target", "pbx.target-script-invalid", target));
                }
            }
            case QUEUE -> {
                if (target == null || !QUEUE.matcher(target).matches()) {
                    errors.add(new FieldError("target", "pbx.target-queue-invalid", target));
                }
            }
            case EXTENSION -> {
                if (target == null || !EXTENSION.matcher(target).matches()) {
                    errors.add(new FieldError("target", "pbx.target-extension-invalid", target));
                }
            }
        }
        return errors;
    }

    /** Host name (RFC 1123), dotted IPv4 or IPv6 (without brackets). Never resolves a name. */
    static boolean isHost(String host) {
        if (host == null || host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (host.indexOf(':') >= 0) {
            if (!host.matches("[0-9A-Fa-f:.]+")) {
                return false;
            }
            try {
                // a literal with ':' is parsed, never looked up
                return InetAddress.getByName(host) instanceof Inet6Address;
            } catch (UnknownHostException e) {
                return false;
            }
        }
        if (host.matches("[0-9.]+")) {
            if (!IPV4.matcher(host).matches()) {
                return false;
            }
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        String[] labels = host.split("\\.", -1);
        for (String label : labels) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].matches("[0-9]+");
    }

    static Optional<String> toE164(String raw) {
        try {
            PhoneNumber number = PHONES.parse(raw, DEFAULT_REGION);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}, checked. */
    record HostPort(String host, Integer port) {

        static Optional<HostPort> parse(String text) {
            String host;
            String port = null;
            if (text.startsWith("[")) {
                int end = text.indexOf(']');
                if (end < 0) {
                    return Optional.empty();
                }
                host = text.substring(1, end);
                String rest = text.substring(end + 1);
                if (!rest.isEmpty()) {
                    if (!rest.startsWith(":")) {
                        return Optional.empty();
                    }
                    port = rest.substring(1);
                }
                if (host.indexOf(':') < 0) {
                    return Optional.empty();
                }
            } else {
                int colon = text.indexOf(':');
                if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
                    return Optional.empty(); // a bare IPv6 address: its port would be ambiguous
                }
                host = colon < 0 ? text : text.substring(0, colon);
                port = colon < 0 ? null : text.substring(colon + 1);
            }
            if (!isHost(host)) {
                return Optional.empty();
            }
            if (port == null) {
                return Optional.of(new HostPort(host, null));
            }
            if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                return Optional.empty();
            }
            return Optional.of(new HostPort(host, Integer.parseInt(port)));
        }

        /** As written in a SIP URI: IPv6 in brackets, the port when given. */
        String uriPart() {
            String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            return port == null ? h : h + ":" + port;
        }
    }
}
