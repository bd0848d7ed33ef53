package org.skvmoip.client.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A person at the terminal who gives one password, one answer to every question and the codes
 * given (in turn; none left: nothing typed), and whose prompts are kept.
 */
final class ScriptedPerson implements Terminal {

    final List<String> prompts = new ArrayList<>();
    private final String password;
    private final boolean answer;
    private final Deque<Supplier<String>> codes = new ArrayDeque<>();

    ScriptedPerson(String password, boolean answer) {
        this.password = password;
        this.answer = answer;
    }

    /** The next code prompt is answered with {@code code}, read when asked (a TOTP code of that moment). */
    ScriptedPerson thenCode(Supplier<String> code) {
        codes.addLast(code);
        return this;
    }

    @Override
    public Optional<String> readLine(String prompt) {
        prompts.add(prompt);
        Supplier<String> code = codes.pollFirst();
        return code == null ? Optional.empty() : Optional.of(code.get());
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
