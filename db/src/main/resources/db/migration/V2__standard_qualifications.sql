-- The 'Standard' qualification group every new campaign uses (reference data, not demo data).

INSERT INTO qualification_group (name) VALUES ('Standard');

INSERT INTO qualification (group_id, code, label_fr, label_en, category, position)
SELECT g.id, q.code, q.label_fr, q.label_en, q.category, q.position
FROM qualification_group g
CROSS JOIN (VALUES
    ('SALE',              'Vente',           'Sale',              'POSITIVE', 1),
    ('NOT_INTERESTED',    'Pas intéressé',   'Not interested',    'NEGATIVE', 2),
    ('CALLBACK',          'Rappel',          'Callback',          'CALLBACK', 3),
    ('WRONG_NUMBER',      'Faux numéro',     'Wrong number',      'NEGATIVE', 4),
    ('ANSWERING_MACHINE', 'Répondeur',       'Answering machine', 'NEUTRAL',  5),
    ('DO_NOT_CALL',       'Ne plus appeler', 'Do not call',       'NEGATIVE', 6),
    ('ALREADY_CUSTOMER',  'Déjà client',     'Already a customer','NEUTRAL',  7)
) AS q (code, label_fr, label_en, category, position)
WHERE g.name = 'Standard';
