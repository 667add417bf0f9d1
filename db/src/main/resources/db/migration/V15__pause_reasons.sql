-- The pause reasons agents pick from, managed by admins (the system's own reasons, disconnected, wrap-up-timeout and
-- phone-not-answered, stay in code). A reason is deactivated, never deleted: the journal keeps its code.
CREATE TABLE pause_reason (
    code     varchar(40)  PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    label_fr varchar(100) NOT NULL,
    label_en varchar(100) NOT NULL,
    position int          NOT NULL DEFAULT 0,
    active   boolean      NOT NULL DEFAULT true
);

INSERT INTO pause_reason (code, label_fr, label_en, position) VALUES
    ('break',    'Pause',                  'Break',      1),
    ('lunch',    'Déjeuner',               'Lunch',      2),
    ('training', 'Formation',              'Training',   3),
    ('meeting',  'Réunion',                'Meeting',    4),
    ('admin',    'Tâches administratives', 'Admin work', 5);
