/** {@code /admin/privacy}: retention periods and purge runs, a person's requests by phone number and their proofs. */
package com.evscallpro.ui.privacy;
