-- Plannings: when calls may be placed. Weekly opening slots in the planning's time zone, the public holidays of a
-- calendar closed (jollyday calendar code, e.g. FR; null = none), and dated exceptions (closed all day, or open only
-- between two times that day) that win over both.
CREATE TABLE planning (
    id         bigserial    PRIMARY KEY,
    name       varchar(100) NOT NULL UNIQUE,
    time_zone  varchar(64)  NOT NULL DEFAULT 'Europe/Paris',
    holidays   varchar(10),
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE planning_slot (
    id          bigserial PRIMARY KEY,
    planning_id bigint    NOT NULL REFERENCES planning (id) ON DELETE CASCADE,
    day_of_week smallint  NOT NULL CHECK (day_of_week BETWEEN 1 AND 7), -- ISO: 1 = Monday
    start_time  time      NOT NULL,
    end_time    time      NOT NULL,
    CHECK (end_time > start_time)
);
CREATE INDEX planning_slot_planning_idx ON planning_slot (planning_id);

CREATE TABLE planning_exception (
    id          bigserial    PRIMARY KEY,
    planning_id bigint       NOT NULL REFERENCES planning (id) ON DELETE CASCADE,
    day         date         NOT NULL,
    start_time  time,                 -- both null: closed all day
    end_time    time,
    label       varchar(200),
    CHECK ((start_time IS NULL) = (end_time IS NULL)),
    CHECK (end_time IS NULL OR end_time > start_time),
    CONSTRAINT planning_exception_day_uk UNIQUE (planning_id, day)
);
