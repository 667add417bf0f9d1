package com.evscallpro.api.auth;

import com.evscallpro.api.security.AccessTokens;
import com.evscallpro.api.security.ApiJwtProperties;
import com.evscallpro.api.web.Caller;
import com.evscallpro.core.auth.RefreshGrant;
import com.evscallpro.core.auth.TokenService;
import com.evscallpro.core.error.EvsException;
import com.evscallpro.core.user.UserAccount;
import com.evscallpro.core.user.UserAccountService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Access and refresh tokens")
class AuthController {

    private final TokenService tokens;
    private final AccessTokens accessTokens;
    private final UserAccountService accounts;
    private final ApiJwtProperties properties;

    AuthController(TokenService tokens, AccessTokens accessTokens, UserAccountService accounts,
                   ApiJwtProperties properties) {
        this.tokens = tokens;
        this.accessTokens = accessTokens;
        this.accounts = accounts;
        this.properties = properties;
    }

    record LoginRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {
        @Override
        public String toString() {
            return "LoginRequest[" + username + "]"; // never the password
        }
    }

    record PasswordChangeRequest(@NotBlank @Size(max = 100) String username,
                                 @NotBlank @Size(max = 200) String currentPassword,
                                 @NotBlank @Size(max = 200) String newPassword) {
        @Override
        public String toString() {
            return "PasswordChangeRequest[" + username + "]"; // never a password
        }
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    record LogoutRequest(@Size(max = 200) String refreshToken) {
    }

    /**
     * @param expiresIn        seconds the access token lives
     * @param refreshExpiresAt when the refresh token expires
     */
    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                         Instant refreshExpiresAt) {
    }

    @PostMapping("/login")
    @SecurityRequirements
    @Operation(summary = "Log in", description = "Checks the username and password; returns an access token "
            + "(5 minutes at most) and a single-use refresh token. Refusals (401): auth.bad-credentials, "
            + "auth.account-locked (after repeated failures, UI and API alike), auth.account-disabled, "
            + "auth.password-change-required (change it with POST /api/v1/auth/password first).")
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
        UserAccount account = tokens.authenticate(request.username(), request.password());
        return respond(account, tokens.issue(account.id(), properties.refreshTokenTtl()));
    }

    @PostMapping("/password")
    @SecurityRequirements
    @Operation(summary = "Change one's password", description = "For a user who must change their password "
            + "(auth.password-change-required at login) or wants to: the current password is checked like a login "
            + "(same lock-out), the new one must follow the policy (400 password.too-short, "
            + "password.same-as-username, password.same-as-current). Every token of the user is revoked. 204.")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChangeRequest request) {
        tokens.changeOwedPassword(request.username(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/refresh")
    @SecurityRequirements
    @Operation(summary = "Rotate the refresh token", description = "Returns a new access token and a new refresh "
            + "token; the one sent is spent. Sending a spent one again revokes its whole family: 401 "
            + "auth.refresh-reused. Unknown, expired or revoked: 401 auth.refresh-invalid.")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        RefreshGrant grant = tokens.rotate(request.refreshToken(), properties.refreshTokenTtl());
        UserAccount account = accounts.findById(grant.userId()).filter(UserAccount::enabled)
                .orElseThrow(() -> new EvsException("auth.refresh-invalid"));
        return respond(account, grant);
    }

    @PostMapping("/logout")
    @Operation(summary = "Log out", description = "Revokes the refresh token's family and every access token of the "
            + "user (they are refused at once; the user's other logins refresh to go on). everywhere=true also "
            + "revokes every other login's refresh tokens.")
    ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) @Valid
                                LogoutRequest request, @RequestParam(defaultValue = "false") boolean everywhere) {
        long userId = Caller.of(jwt).userId();
        if (everywhere) {
            tokens.revokeAll(userId);
        } else {
            tokens.logout(userId, request == null ? null : request.refreshToken());
        }
        return ResponseEntity.noContent().build();
    }

    private TokenResponse respond(UserAccount account, RefreshGrant grant) {
        AccessTokens.AccessToken access = accessTokens.issue(account, grant.tokenVersion(), grant.familyId());
        long seconds = Math.max(0, Duration.between(Instant.now(), access.expiresAt()).toSeconds());
        return new TokenResponse(access.value(), "Bearer", seconds, grant.refreshToken(), grant.expiresAt());
    }
}
