package com.evscallpro.ui.password;

import com.evscallpro.core.user.UserCredentials;
import com.evscallpro.ui.i18n.ErrorMessages;
import com.evscallpro.ui.i18n.LanguageSwitch;
import com.evscallpro.ui.layout.Notifications;
import com.evscallpro.ui.security.CurrentUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * {@code /change-password}: a signed-in user chooses a new password. While a change is owed (first administrator
 * created from the environment), every other route comes here ({@link PasswordChangeGuard}).
 */
@Route(value = ChangePasswordView.ROUTE, autoLayout = false)
@PermitAll
class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    public static final String ROUTE = "change-password";

    private final CurrentUser currentUser;
    private final UserCredentials credentials;
    private final PasswordField current = new PasswordField();
    private final PasswordField next = new PasswordField();
    private final PasswordField confirm = new PasswordField();

    ChangePasswordView(CurrentUser currentUser, UserCredentials credentials) {
        this.currentUser = currentUser;
        this.credentials = credentials;
        setId("change-password-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        current.setId("current-password");
        current.setLabel(getTranslation("password.current"));
        next.setId("new-password");
        next.setLabel(getTranslation("password.new"));
        next.setHelperText(getTranslation("password.policy", UserCredentials.MIN_PASSWORD_LENGTH));
        confirm.setId("confirm-password");
        confirm.setLabel(getTranslation("password.confirm"));
        Button save = new Button(getTranslation("password.save"), e -> change());
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button logout = new Button(getTranslation("layout.logout"), e -> currentUser.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        VerticalLayout form = new VerticalLayout(new H2(getTranslation("password.title")),
                new Paragraph(getTranslation("password.intro")), current, next, confirm, save, logout);
        form.setMaxWidth("24rem");
        form.setPadding(false);
        form.getChildren().filter(PasswordField.class::isInstance)
                .forEach(f -> ((PasswordField) f).setWidthFull());
        add(new LanguageSwitch(), form);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("password.title") + " · EVSCallPro";
    }

    private void change() {
        if (!next.getValue().equals(confirm.getValue())) {
            confirm.setInvalid(true);
            confirm.setErrorMessage(getTranslation("password.mismatch"));
            return;
        }
        confirm.setInvalid(false);
        try {
            credentials.changePassword(currentUser.require().userId(), current.getValue(), next.getValue());
        } catch (RuntimeException e) {
            Notifications.error("", e);
            next.setInvalid(true);
            next.setErrorMessage(ErrorMessages.text(e, this::getTranslation));
            return;
        }
        PasswordChangeGuard.passwordChanged();
        Notifications.success(getTranslation("password.changed"));
        getUI().ifPresent(ui -> ui.navigate(""));
    }
}
