/**
 * The back office's users ({@code /admin/users}: lazy filtered grid, form, unlock, password reset, deactivation,
 * delete), agent groups ({@code /admin/groups}) and skills ({@code /admin/skills}) screens, for ADMINs.
 */
package com.evscallpro.ui.user;
