package com.evscallpro.core.contact;

import com.evscallpro.core.audit.AuditTrail;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.db.campaign.Campaign;
import com.evscallpro.db.campaign.CampaignRepository;
import com.evscallpro.db.contact.ContactListing;
import com.evscallpro.db.contact.ContactRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ContactDirectoryImpl implements ContactDirectory {

    private static final int EXPORT_SAMPLE = 1_000;

    private final CampaignRepository campaigns;
    private final ContactRepository contacts;
    private final AuditTrail audit;

    ContactDirectoryImpl(CampaignRepository campaigns, ContactRepository contacts, AuditTrail audit) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.audit = audit;
    }

    @Override
    public List<ContactEntry> page(long campaignId, ContactQuery query, String sort, boolean descending, int offset,
                                   int limit) {
        return contacts.findContacts(campaignId, filter(campaign(campaignId), query), sort, descending, offset, limit)
                .stream().map(ContactDirectoryImpl::entry).toList();
    }

    @Override
    public List<ContactEntry> pageAfter(long campaignId, ContactQuery query, long afterId, boolean descending,
                                        int limit) {
        return contacts.findContactsAfterId(campaignId, filter(campaign(campaignId), query), afterId, descending,
                limit).stream().map(ContactDirectoryImpl::entry).toList();
    }

    @Override
    public long count(long campaignId, ContactQuery query, long cap) {
        return contacts.countContacts(campaignId, filter(campaign(campaignId), query), cap);
    }

    @Override
    public void exportCsv(long campaignId, ContactQuery query, Writer out) throws IOException {
        ContactListing.Filter filter = filter(campaign(campaignId), query);
        // custom field columns: the keys of the first contacts (a key first seen later goes to the last column)
        Set<String> keys = new LinkedHashSet<>();
        contacts.findContactsAfterId(campaignId, filter, 0, false, EXPORT_SAMPLE)
                .forEach(r -> keys.addAll(r.customFields().keySet()));
        List<String> custom = new ArrayList<>(keys);
        out.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT);
        List<String> header = new ArrayList<>(List.of("id", "firstName", "lastName", "phone", "status", "attempts",
                "nextAttemptAt", "lastOutcome", "lastQualificationCode", "consentAt", "consentSource",
                "existingContract", "createdAt"));
        custom.forEach(k -> header.add(SpreadsheetSafe.text(k)));
        header.add("otherFields");
        csv.printRecord(header);
        try {
            contacts.forEachContact(campaignId, filter, r -> {
                List<String> row = new ArrayList<>(header.size());
                row.add(Long.toString(r.id()));
                row.add(SpreadsheetSafe.text(r.firstName()));
                row.add(SpreadsheetSafe.text(r.lastName()));
                row.add(r.phoneE164()); // E.164 is data: not prefixed
                row.add(r.status());
                row.add(Integer.toString(r.attempts()));
                row.add(r.nextAttemptAt() == null ? "" : r.nextAttemptAt().toString());
                row.add(SpreadsheetSafe.text(r.lastOutcome()));
                row.add(SpreadsheetSafe.text(r.lastQualificationCode()));
                row.add(r.consentAt() == null ? "" : r.consentAt().toString());
                row.add(SpreadsheetSafe.text(r.consentSource()));
                row.add(Boolean.toString(r.existingContract()));
                row.add(r.createdAt() == null ? "" : r.createdAt().toString());
                Map<String, String> rest = new LinkedHashMap<>(r.customFields());
                for (String k : custom) {
                    row.add(SpreadsheetSafe.text(rest.remove(k)));
                }
                row.add(rest.isEmpty() ? "" : SpreadsheetSafe.text(com.evscallpro.db.JsonbConverters.toJson(rest)));
                try {
                    csv.printRecord(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    @Override
    public List<String> qualificationCodes(long campaignId) {
        return contacts.lastQualificationCodes(campaignId);
    }

    @Override
    public List<String> closedOutcomes(long campaignId) {
        return contacts.lastOutcomesOfClosed(campaignId);
    }

    @Override
    public long countRecyclable(long campaignId, List<String> qualifications, List<String> outcomes) {
        return contacts.countRecyclable(campaignId, qualifications, outcomes);
    }

    @Override
    @Transactional
    public int recycle(long campaignId, List<String> qualifications, List<String> outcomes) {
        Campaign campaign = campaign(campaignId);
        int n = contacts.recycle(campaignId, qualifications, outcomes);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("qualifications", qualifications == null ? List.of() : qualifications);
        what.put("outcomes", outcomes == null ? List.of() : outcomes);
        what.put("contacts", n);
        audit.record("recycle", "campaign", campaignId, campaign.getName() + ": " + n + " contacts", null, what);
        return n;
    }

    @Override
    public ContactEntry contact(long campaignId, long contactId) {
        campaign(campaignId);
        return contacts.findContact(campaignId, contactId, false).map(ContactDirectoryImpl::entry)
                .orElseThrow(() -> new EvsException("contact.not-found", contactId));
    }

    @Override
    @Transactional
    public ContactEntry update(long campaignId, long contactId, Integer expectedVersion, ContactInput input) {
        Campaign campaign = campaign(campaignId);
        ContactEntry before = locked(campaignId, contactId, expectedVersion, "contact.cannot-change-in-call");
        if (before.phoneE164().startsWith(ERASED_PREFIX)) {
            throw new EvsException("contact.cannot-change-erased", contactId); // erased by a GDPR request or purge
        }
        java.util.List<ImportReport.Rejection> refused = new ArrayList<>();
        String e164 = new ContactValidator(campaign.getDefaultRegion(), ContactValidator.Limits.DEFAULT)
                .check(1, input, ContactValidator.Names.FIELDS, refused::add);
        if (e164 == null) {
            ImportReport.Rejection r = refused.getFirst();
            throw new EvsException(r.code(), r.args().toArray());
        }
        if (!e164.equals(before.phoneE164())
                && contacts.existsByCampaignIdAndPhoneE164(campaignId, e164)) {
            throw new EvsException("contact.phone-taken", e164);
        }
        contacts.updateContact(campaignId, contactId, new ContactListing.Edit(
                ContactValidator.blankToNull(input.firstName()), ContactValidator.blankToNull(input.lastName()), e164,
                input.customFields(), input.consentAt(), ContactValidator.blankToNull(input.consentSource()),
                input.existingContract()));
        ContactEntry after = contact(campaignId, contactId);
        audit.record("update", "contact", contactId, campaign.getName() + ": " + label(after), editable(before),
                editable(after));
        return after;
    }

    @Override
    @Transactional
    public void delete(long campaignId, long contactId, Integer expectedVersion) {
        Campaign campaign = campaign(campaignId);
        ContactEntry before = locked(campaignId, contactId, expectedVersion, "contact.cannot-delete-in-call");
        // as the GDPR erasure's DELETE: the row goes; its calls stay for statistics, unlinked (ON DELETE SET NULL),
        // its journeys' failures and calling-rule refusals go with it (ON DELETE CASCADE)
        contacts.deleteContact(campaignId, contactId);
        audit.record("delete", "contact", contactId, campaign.getName() + ": " + label(before), editable(before),
                null);
    }

    /** The number of an anonymised contact (GDPR): +99 and the id. */
    private static final String ERASED_PREFIX = "+99";

    /** The contact, locked until the transaction ends, at the version expected; never one being called. */
    private ContactEntry locked(long campaignId, long contactId, Integer expectedVersion, String inCallCode) {
        ContactEntry c = contacts.findContact(campaignId, contactId, true).map(ContactDirectoryImpl::entry)
                .orElseThrow(() -> new EvsException("contact.not-found", contactId));
        if (expectedVersion != null && expectedVersion != c.version()) {
            throw new EvsException("contact.version-mismatch", contactId, expectedVersion, c.version());
        }
        if (c.status() == ContactStatus.IN_PROGRESS) {
            throw new EvsException(inCallCode, contactId);
        }
        return c;
    }

    private static String label(ContactEntry c) {
        String name = ((c.firstName() == null ? "" : c.firstName()) + " "
                + (c.lastName() == null ? "" : c.lastName())).strip();
        return name.isEmpty() ? "#" + c.id() : name;
    }

    /** What the audit keeps of a contact: what a person edits (a later erasure of the number scrubs it here too). */
    private static Map<String, Object> editable(ContactEntry c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firstName", c.firstName());
        m.put("lastName", c.lastName());
        m.put("phone", c.phoneE164());
        m.put("customFields", c.customFields());
        m.put("consentAt", c.consentAt());
        m.put("consentSource", c.consentSource());
        m.put("existingContract", c.existingContract());
        m.put("status", c.status());
        m.put("version", c.version());
        return m;
    }

    private Campaign campaign(long campaignId) {
        return campaigns.findById(campaignId).orElseThrow(() -> new EvsException("campaign.not-found", campaignId));
    }

    private static ContactListing.Filter filter(Campaign campaign, ContactQuery q) {
        String prefix = PhoneNumbers.searchPrefix(q.text(), campaign.getDefaultRegion());
        boolean phoneOnly = prefix != null && q.text().replaceAll("[+0-9 .()\\-]", "").isEmpty();
        return new ContactListing.Filter(phoneOnly ? null : q.text(), prefix,
                q.statuses().stream().map(Enum::name).toList(), q.qualifications(), q.hasCallback());
    }

    private static ContactEntry entry(ContactListing.Row r) {
        return new ContactEntry(r.id(), r.campaignId(), r.firstName(), r.lastName(), r.phoneE164(), r.customFields(),
                ContactStatus.valueOf(r.status()), r.attempts(), r.nextAttemptAt(), r.lastOutcome(),
                r.lastQualificationCode(), r.consentAt(), r.consentSource(), r.existingContract(), r.createdAt(),
                r.updatedAt(), r.version());
    }
}
