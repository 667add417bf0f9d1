/** The public login page ({@code /login}) with Vaadin's login form, in French or English. */
package com.evscallpro.ui.login;
