package com.evscallpro.core.qualification;

import com.evscallpro.core.qualification.Qualification.QualificationCategory;
import com.evscallpro.db.qualification.QualificationEntry;
import com.evscallpro.db.qualification.QualificationEntryRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class QualificationServiceImpl implements QualificationService {

    private final QualificationEntryRepository entries;

    QualificationServiceImpl(QualificationEntryRepository entries) {
        this.entries = entries;
    }

    @Override
    public List<Qualification> forGroup(long groupId) {
        return entries.findByGroupIdOrderByPositionAscCodeAsc(groupId).stream()
                .map(QualificationServiceImpl::toQualification)
                .toList();
    }

    @Override
    public Optional<Qualification> find(long groupId, String code) {
        return code == null ? Optional.empty()
                : entries.findByGroupIdAndCode(groupId, code).map(QualificationServiceImpl::toQualification);
    }

    private static Qualification toQualification(QualificationEntry e) {
        return new Qualification(e.code(), e.labelFr(), e.labelEn(), QualificationCategory.valueOf(e.category()));
    }
}
