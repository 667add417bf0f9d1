/**
 * The password change of a signed-in user ({@code /change-password}) and the guard that sends every navigation there
 * while a change is owed (first administrator created from the environment).
 */
package com.evscallpro.ui.password;
