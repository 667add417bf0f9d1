/**
 * Secrets at rest (issue 7, item 1): AMI and Yeastar credentials, SIP trunk passwords, webhook signing keys are
 * stored sealed with AES-256-GCM under a key from the environment ({@code EVS_SECRET_KEY}, {@code evs.secrets.key}),
 * opened only where they are used (a PBX login, a rendered PJSIP file, a signature), shown back masked, never logged.
 */
package com.evscallpro.core.secret;
