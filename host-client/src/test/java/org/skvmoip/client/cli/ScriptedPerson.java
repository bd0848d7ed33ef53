package org.skvmoip.client.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A person at the terminal who gives one password and one answer to every question, and whose prompts are kept. */
final class ScriptedPerson implements Terminal {

    final List<String> prompts = new ArrayList<>();
    private final String password;
    private final boolean answer;

    ScriptedPerson(String password, boolean answer) {
        this.password = password;
        this.answer = answer;
    }

    @Override
    public Optional<char[]> readPassword(String prompt) {
        prompts.add(prompt);
        return Optional.of(password.toCharArray());
    }

    @Override
    public boolean confirm(String question) {
        prompts.add(question);
        return answer;
    }

    @Override
    public boolean interactive() {
        return true;
    }
}
