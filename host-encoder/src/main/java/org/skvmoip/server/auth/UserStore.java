package org.skvmoip.server.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The users file: one slow salted hash per user (see PasswordHasher), written atomically with
 * owner-only permissions. Verifying an unknown user costs as much as a known one, so timing does
 * not tell which names exist.
 */
public final class UserStore {

    /** Loads the file, or starts empty when it does not exist yet. */
    public static UserStore open(Path file) throws IOException {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }

    public boolean verify(String user, char[] password) {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }

    /** Adds the user or changes the password; persisted before returning. */
    public void setPassword(String user, char[] password) throws IOException {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }

    public boolean remove(String user) throws IOException {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }

    public List<String> users() {
        throw new UnsupportedOperationException("issue 4: not written yet");
    }
}
