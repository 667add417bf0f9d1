/**
 * The authenticated frame: {@link com.evscallpro.ui.layout.MainLayout} (menu by role, language switch, logout), the
 * role-based landing route {@code /}, and the shared notification helper.
 */
package com.evscallpro.ui.layout;
