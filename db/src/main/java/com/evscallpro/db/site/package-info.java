/** Sites (V17): each with its PBX mode; users and SIP trunks belong to one. */
package com.evscallpro.db.site;
