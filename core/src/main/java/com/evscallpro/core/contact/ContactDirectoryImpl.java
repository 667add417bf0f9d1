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
                r.updatedAt());
    }
}
