package org.skvmoip.server.input;

import org.skvmoip.protocol.HidKeyboard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.skvmoip.sim.machine.KeyMap;

/** Every printable ASCII character on a US keyboard: HID Usage Tables 1.12 §10, left Shift for shifted ones. */
class UsLayoutTest {

    /** Character (␠ is the space bar), usage in hex, shift or not: all 95 printable ASCII characters. */
    private static final String GOLDEN = """
            ␠  2C  -
            !  1E  shift
            "  34  shift
            #  20  shift
            $  21  shift
            %  22  shift
            &  24  shift
            '  34  -
            (  26  shift
            )  27  shift
            *  25  shift
            +  2E  shift
            ,  36  -
            -  2D  -
            .  37  -
            /  38  -
            0  27  -
            1  1E  -
            2  1F  -
            3  20  -
            4  21  -
            5  22  -
            6  23  -
            7  24  -
            8  25  -
            9  26  -
            :  33  shift
            ;  33  -
            <  36  shift
            =  2E  -
            >  37  shift
            ?  38  shift
            @  1F  shift
            A  04  shift
            B  05  shift
            C  06  shift
            D  07  shift
            E  08  shift
            F  09  shift
            G  0A  shift
            H  0B  shift
            I  0C  shift
            J  0D  shift
            K  0E  shift
            L  0F  shift
            M  10  shift
            N  11  shift
            O  12  shift
            P  13  shift
            Q  14  shift
            R  15  shift
            S  16  shift
            T  17  shift
            U  18  shift
            V  19  shift
            W  1A  shift
            X  1B  shift
            Y  1C  shift
            Z  1D  shift
            [  2F  -
            \\  31  -
            ]  30  -
            ^  23  shift
            _  2D  shift
            `  35  -
            a  04  -
            b  05  -
            c  06  -
            d  07  -
            e  08  -
            f  09  -
            g  0A  -
            h  0B  -
            i  0C  -
            j  0D  -
            k  0E  -
            l  0F  -
            m  10  -
            n  11  -
            o  12  -
            p  13  -
            q  14  -
            r  15  -
            s  16  -
            t  17  -
            u  18  -
            v  19  -
            w  1A  -
            x  1B  -
            y  1C  -
            z  1D  -
            {  2F  shift
            |  31  shift
            }  30  shift
            ~  35  shift
            """;

    private final KeyboardLayout us = KeyboardLayouts.forName("us");

    @Test
    void givenEveryPrintableAsciiCharacterThenItsStrokeIsTheGoldenTablesKeyAndShift() {
        List<String[]> rows = GOLDEN.lines().map(String::trim).filter(l -> !l.isEmpty()).map(l -> l.split(" +")).toList();
        assertThat(rows).hasSize(95);

        for (String[] row : rows) {
            String character = row[0].equals("␠") ? " " : row[0];
            KeyStroke expected = new KeyStroke(row[2].equals("shift") ? HidKeyboard.MODIFIER_LEFT_SHIFT : 0,
                    Integer.parseInt(row[1], 16));

            assertThat(us.strokes(character)).as("'%s'", character).containsExactly(expected);
        }
    }

    @Test
    void givenEveryPrintableAsciiCharacterThenTheTargetsUsKeymapTypesThatCharacterBack() {
        for (char c = ' '; c <= '~'; c++) {
            KeyStroke stroke = us.strokes(String.valueOf(c)).get(0);
            boolean shift = (stroke.modifiers() & HidKeyboard.MODIFIER_LEFT_SHIFT) != 0;

            assertThat(KeyMap.character(stroke.usage(), shift, false, false)).as("'%s'", c).isEqualTo(c);
        }
    }

    @Test
    void givenLineBreaksAndTabsThenEachLineEndsWithOneEnterAndTabsPressTab() {
        KeyStroke enter = new KeyStroke(0, HidKeyboard.ENTER);
        KeyStroke a = new KeyStroke(0, HidKeyboard.A);

        assertThat(us.strokes("a\na\r\na\ra")).containsExactly(a, enter, a, enter, a, enter, a);
        assertThat(us.strokes("\t")).containsExactly(new KeyStroke(0, HidKeyboard.TAB));
    }

    @Test
    void givenACharacterTheLayoutCannotTypeThenTheErrorNamesItAndWhereItIs() {
        assertThatThrownBy(() -> us.strokes("caf\u00e9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the us keyboard layout cannot type '\u00e9' (U+00E9) (character 4 of the text)");
        assertThatThrownBy(() -> us.strokes("a\u0007")).hasMessageContaining("U+0007 (character 2");
    }

    @Test
    void givenAnUnknownLayoutNameThenTheErrorListsTheKnownOnes() {
        assertThat(KeyboardLayouts.forName("US")).isSameAs(us);
        assertThatThrownBy(() -> KeyboardLayouts.forName("dvorak")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no keyboard layout named 'dvorak'; known layouts: us");
    }
}
