/**
 * The qualification groups back office ({@code /admin/qualifications}, ADMIN): the groups with how many campaigns
 * use them, and a form per group with its ordered qualifications (code, FR / EN labels, category, final or not).
 */
package com.evscallpro.ui.qualification;
