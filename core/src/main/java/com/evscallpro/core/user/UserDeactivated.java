package com.evscallpro.core.user;

/** An account was disabled (or deleted): its sessions and tokens must stop working. */
public record UserDeactivated(long userId, String username) {
}
