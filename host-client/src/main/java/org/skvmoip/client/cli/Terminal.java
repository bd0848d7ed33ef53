package org.skvmoip.client.cli;

import java.io.Console;
import java.util.Locale;
import java.util.Optional;

/** The person at the keyboard, when there is one: password and code prompts, yes/no questions. */
interface Terminal {

    /** No terminal (a script, a pipe, a test): nothing is asked. */
    Terminal NONE = new Terminal() {
        @Override
        public Optional<char[]> readPassword(String prompt) {
            return Optional.empty();
        }

        @Override
        public Optional<String> readLine(String prompt) {
            return Optional.empty();
        }

        @Override
        public boolean confirm(String question) {
            return false;
        }

        @Override
        public boolean interactive() {
            return false;
        }
    };

    /** A password typed without echo; empty when nobody can be asked. */
    Optional<char[]> readPassword(String prompt);

    /** A line typed with echo (a code read off a phone, which the person wants to see); empty when nobody can be asked. */
    Optional<String> readLine(String prompt);

    /** Asks a yes/no question; anything but "y" or "yes" is no. */
    boolean confirm(String question);

    boolean interactive();

    /** The process's console, or {@link #NONE} when stdin or stdout is not a terminal. */
    static Terminal system() {
        Console console = System.console();
        if (console == null) {
            return NONE;
        }
        return new Terminal() {
            @Override
            public Optional<char[]> readPassword(String prompt) {
                return Optional.ofNullable(console.readPassword("%s", prompt));
            }

            @Override
            public Optional<String> readLine(String prompt) {
                return Optional.ofNullable(console.readLine("%s", prompt));
            }

            @Override
            public boolean confirm(String question) {
                String answer = console.readLine("%s [y/N] ", question);
                return answer != null && (answer.strip().toLowerCase(Locale.ROOT).equals("y")
                        || answer.strip().toLowerCase(Locale.ROOT).equals("yes"));
            }

            @Override
            public boolean interactive() {
                return true;
            }
        };
    }
}
