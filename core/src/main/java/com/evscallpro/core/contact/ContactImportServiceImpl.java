package com.evscallpro.core.contact;

import com.evscallpro.core.contact.ImportReport.Rejection;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.db.campaign.Campaign;
import com.evscallpro.db.campaign.CampaignRepository;
import com.evscallpro.db.campaign.CampaignStatus;
import com.evscallpro.db.contact.ContactBatchInsert.NewContact;
import com.evscallpro.db.contact.ContactBulkLoad;
import com.evscallpro.db.contact.ContactRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validates contacts ({@link ContactValidator}: phone → E.164 in the campaign's region, field lengths), rejects
 * duplicates in the input and phones already in the campaign, and stores the good ones.
 * <p>Rejection reasons are codes with arguments, translated by the UI ("line {line}: {reason}"); input that cannot
 * be read at all is an {@link EvsException}: {@code import.empty}, {@code import.no-phone-column} (the header),
 * {@code campaign.not-found}, {@code campaign.finished} (the campaign's name).
 */
@Service
class ContactImportServiceImpl implements ContactImportService {

    private static final Logger log = LoggerFactory.getLogger(ContactImportServiceImpl.class);
    private static final int LOOKUP_CHUNK = 1000;
    private static final int CSV_BATCH = 5_000;

    private final CampaignRepository campaigns;
    private final ContactRepository contacts;
    private final ApplicationEventPublisher publisher;
    private final ImportSettings settings;

    ContactImportServiceImpl(CampaignRepository campaigns, ContactRepository contacts,
                             ApplicationEventPublisher publisher,
                             org.springframework.beans.factory.ObjectProvider<ImportSettings> settings) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.publisher = publisher;
        this.settings = settings.getIfAvailable(ImportSettings::defaults);
    }

    @Override
    @Transactional
    public ImportReport importContacts(long campaignId, List<ContactInput> inputs) {
        Campaign campaign = checkCampaign(campaignId);
        ContactValidator validator = new ContactValidator(campaign.getDefaultRegion(), ContactValidator.Limits.DEFAULT);
        List<Rejection> rejected = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<NewContact> valid = new ArrayList<>();
        PhoneSet seen = new PhoneSet();
        for (int i = 0; i < inputs.size(); i++) {
            int line = i + 1;
            ContactInput in = inputs.get(i);
            String e164 = validator.check(line, in, ContactValidator.Names.FIELDS, rejected::add);
            if (e164 == null) {
                continue;
            }
            int first = seen.putIfAbsent(e164, line);
            if (first != 0) {
                rejected.add(new Rejection(line, "phone", in.phone(), Rejection.DUPLICATE, first));
                continue;
            }
            lines.add(line);
            valid.add(new NewContact(ContactValidator.blankToNull(in.firstName()),
                    ContactValidator.blankToNull(in.lastName()), e164, in.customFields(), in.consentAt(),
                    ContactValidator.blankToNull(in.consentSource()), in.existingContract()));
        }
        Set<String> existing = new HashSet<>();
        List<String> phones = valid.stream().map(NewContact::phoneE164).toList();
        for (int from = 0; from < phones.size(); from += LOOKUP_CHUNK) {
            existing.addAll(contacts.existingPhones(campaignId,
                    phones.subList(from, Math.min(phones.size(), from + LOOKUP_CHUNK))));
        }
        List<NewContact> fresh = new ArrayList<>(valid.size());
        List<Integer> freshLines = new ArrayList<>(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            if (existing.contains(valid.get(i).phoneE164())) {
                rejected.add(new Rejection(lines.get(i), "phone", inputs.get(lines.get(i) - 1).phone(),
                        Rejection.ALREADY_IN_CAMPAIGN));
            } else {
                fresh.add(valid.get(i));
                freshLines.add(lines.get(i));
            }
        }
        boolean[] inserted = contacts.insertNew(campaignId, fresh);
        int imported = 0;
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i]) {
                imported++;
            } else { // inserted concurrently by another import
                rejected.add(new Rejection(freshLines.get(i), "phone", fresh.get(i).phoneE164(),
                        Rejection.ALREADY_IN_CAMPAIGN));
            }
        }
        rejected.sort(Comparator.comparingInt(Rejection::line));
        return done(campaign, new ImportReport(imported, rejected));
    }

    @Override
    public ImportReport importCsv(long campaignId, Reader csv) {
        Campaign campaign = checkCampaign(campaignId);
        BufferedReader in = csv instanceof BufferedReader b ? b : new BufferedReader(csv);
        char delimiter = firstLineDelimiter(in);
        ImportPipeline.Counters counters = new ImportPipeline.Counters();
        try (RejectionLog rejections = new RejectionLog(Integer.MAX_VALUE, null);
             ContactBulkLoad.Session session = contacts.openBulkLoad(campaignId)) {
            ImportPipeline pipeline = new ImportPipeline(List.of(session),
                    new ContactValidator(campaign.getDefaultRegion(), ContactValidator.Limits.DEFAULT), CSV_BATCH,
                    rejections, counters, () -> false, () -> { }, Runnable::run, Runnable::run);
            ContactCsvReader.read(in, delimiter,
                    header -> pipeline.named(ImportMapping.suggest(delimiter, StandardCharsets.UTF_8, header)),
                    settings.timeZone(), pipeline);
            pipeline.finish();
            return done(campaign, new ImportReport(counters.imported.get(), rejections.first(),
                    counters.rejected.get(), counters.duplicatesInFile.get(), counters.alreadyInCampaign.get(),
                    false));
        }
    }

    private ImportReport done(Campaign campaign, ImportReport report) {
        log.info("Import into campaign {} '{}': {} imported, {} rejected", campaign.getId(), campaign.getName(),
                report.imported(), report.rejectedCount());
        publisher.publishEvent(new ContactsImported(campaign.getId(), report.imported(), report.rejectedCount()));
        return report;
    }

    /** ',' unless the first non-blank line has ';' or tabs and more of them (what Excel writes in France). */
    private static char firstLineDelimiter(BufferedReader in) {
        try {
            in.mark(64 * 1024);
            String first = in.readLine();
            while (first != null && first.strip().replace("\uFEFF", "").isEmpty()) {
                first = in.readLine();
            }
            in.reset();
            if (first == null) {
                throw new EvsException("import.empty");
            }
            return CsvSniffer.delimiter(first);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CSV file", e);
        }
    }

    Campaign checkCampaign(long campaignId) {
        Campaign campaign = campaigns.findById(campaignId)
                .orElseThrow(() -> new EvsException("campaign.not-found", campaignId));
        if (campaign.getStatus() == CampaignStatus.FINISHED
                || campaign.getStatus() == CampaignStatus.ARCHIVED) {
            throw new EvsException("campaign.finished", campaign.getName());
        }
        return campaign;
    }
}
