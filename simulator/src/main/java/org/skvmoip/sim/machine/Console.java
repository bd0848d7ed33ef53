package org.skvmoip.sim.machine;

import java.util.Arrays;

/**
 * The target OS's text console: a {@link ScreenLayout#COLUMNS} x {@link ScreenLayout#ROWS}
 * grid with a prompt, a cursor, line wrap and scrolling. Typed characters overwrite the cell at
 * the cursor (no insert mode); Backspace and the cursor keys stay right of the prompt.
 */
public final class Console {

    public static final String BANNER = "SimOS 1.0 - virtual target console (tty1)";
    public static final String PROMPT = "> ";

    private final char[][] cells = new char[ScreenLayout.ROWS][ScreenLayout.COLUMNS];
    private int row;
    private int column;
    /** The cursor may not move left of this on the input line (the prompt's end). */
    private int inputStart;
    private long version;

    public Console() {
        clear();
    }

    /** A fresh console: the banner, an empty line and a prompt. */
    public void clear() {
        for (char[] line : cells) {
            Arrays.fill(line, ' ');
        }
        row = 0;
        column = 0;
        print(BANNER);
        newLine();
        newLine();
        prompt();
    }

    public void type(char c) {
        if (column == ScreenLayout.COLUMNS) {
            wrap();
        }
        cells[row][column++] = c;
        changed();
    }

    /** Enter: the input line is done; a new prompt below it, scrolling when at the bottom. */
    public void enter() {
        newLine();
        prompt();
    }

    public void backspace() {
        if (column > inputStart) {
            column--;
            cells[row][column] = ' ';
            changed();
        }
    }

    public void cursorLeft() {
        moveCursorTo(column - 1);
    }

    public void cursorRight() {
        moveCursorTo(column + 1);
    }

    public void cursorHome() {
        moveCursorTo(inputStart);
    }

    public void cursorEnd() {
        int end = ScreenLayout.COLUMNS;
        while (end > inputStart && cells[row][end - 1] == ' ') {
            end--;
        }
        moveCursorTo(end);
    }

    private void moveCursorTo(int target) {
        int clamped = Math.max(inputStart, Math.min(ScreenLayout.COLUMNS, target));
        if (clamped != column) {
            column = clamped;
            changed();
        }
    }

    private void print(String text) {
        for (int i = 0; i < text.length(); i++) {
            type(text.charAt(i));
        }
    }

    private void prompt() {
        print(PROMPT);
        inputStart = column;
    }

    private void wrap() {
        newLine();
        inputStart = 0;
    }

    private void newLine() {
        column = 0;
        if (row == ScreenLayout.ROWS - 1) {
            System.arraycopy(cells, 1, cells, 0, ScreenLayout.ROWS - 1);
            cells[ScreenLayout.ROWS - 1] = new char[ScreenLayout.COLUMNS];
            Arrays.fill(cells[ScreenLayout.ROWS - 1], ' ');
        } else {
            row++;
        }
        changed();
    }

    private void changed() {
        version++;
    }

    /** The character in a cell, ' ' when empty. */
    public char charAt(int row, int column) {
        return cells[row][column];
    }

    /** One row, trailing spaces removed. */
    public String line(int row) {
        return new String(cells[row]).stripTrailing();
    }

    /** All rows, trailing spaces removed, joined by '\n'. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < ScreenLayout.ROWS; r++) {
            text.append(line(r)).append('\n');
        }
        return text.toString();
    }

    public int cursorRow() {
        return row;
    }

    public int cursorColumn() {
        return column;
    }

    /** Advances whenever what the console shows changes. */
    long version() {
        return version;
    }
}
