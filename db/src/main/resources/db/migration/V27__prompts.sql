-- Audio prompts (issue 8, item 2): IVR blocks name a prompt ('welcome', 'menu-main'); each prompt holds one audio file
-- per language, already converted to what Asterisk plays (WAV, 8 kHz, mono, 16-bit signed little-endian PCM), with
-- its checksum; the channel's language picks the file, as Asterisk's sounds/<lang>/ directories do. The files are put
-- on every Asterisk host by a dry-run / apply (docs/prompts.md). version: optimistic locking (core.lock).
CREATE TABLE prompt (
    id          bigserial     PRIMARY KEY,
    name        varchar(64)   NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
    description varchar(500),
    created_by  varchar(100)  NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_by  varchar(100)  NOT NULL,
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    version     int           NOT NULL DEFAULT 0,
    CONSTRAINT prompt_name_uk UNIQUE (name)
);

CREATE TABLE prompt_audio (
    prompt_id     bigint        NOT NULL REFERENCES prompt (id) ON DELETE CASCADE,
    language      varchar(8)    NOT NULL CHECK (language ~ '^[a-z]{2,3}$'),
    audio         bytea         NOT NULL,                 -- the converted WAV file, header included
    checksum      varchar(64)   NOT NULL,                 -- SHA-256 of audio, hex
    size_bytes    int           NOT NULL,
    duration_ms   int           NOT NULL,
    source_format varchar(200)  NOT NULL,                 -- what was uploaded, e.g. 'PCM_SIGNED 44100 Hz 16-bit 2 ch'
    source_name   varchar(255),                           -- the uploaded file's name
    uploaded_by   varchar(100)  NOT NULL,
    uploaded_at   timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (prompt_id, language)
);
