package org.textdesk.staff;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an admin types to add a staff account. */
class NewStaffForm {

    @NotBlank(message = "{staff.username.required}")
    @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "{staff.username.invalid}")
    private String username = "";

    @NotBlank(message = "{staff.displayName.required}")
    @Size(max = 120, message = "{staff.displayName.tooLong}")
    private String displayName = "";

    @NotNull(message = "{staff.role.required}")
    private Role role = Role.CASEWORKER;

    private String password = "";

    @Size(max = 254, message = "{settings.email.tooLong}")
    @Email(message = "{settings.email.invalid}")
    private String email = "";

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email.strip();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? "" : username.strip();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName == null ? "" : displayName.strip();
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }
}
