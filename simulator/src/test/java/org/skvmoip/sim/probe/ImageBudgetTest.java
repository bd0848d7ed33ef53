package org.skvmoip.sim.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The whole device image fits the STM32F401CC with 15% of its flash and RAM to spare. */
class ImageBudgetTest {

    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();

    @Test
    void theImageAsMeasuredInThisBuildLeavesFifteenPercentOfFlashAndRamFree() throws IOException {
        ImageBudget budget = ImageParts.measure(ROOT, FootprintReport.ofFirmware());
        String markdown = budget.toMarkdown();
        System.out.print(markdown);
        Path file = ROOT.resolve("simulator/target/image-budget.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown);

        assertThat(budget.parts()).extracting(ImageBudget.Part::name)
                .anyMatch(name -> name.startsWith("Java application"))
                .anyMatch(name -> name.startsWith("BSP C"))
                .anyMatch(name -> name.startsWith("mbedTLS"))
                .anyMatch(name -> name.startsWith("MicroEJ core engine"));
        assertThat(budget.overBudget()).isEmpty();
        assertThat(budget.flashUsed()).isLessThanOrEqualTo(ImageBudget.flashLimit());
        assertThat(budget.ramUsed()).isLessThanOrEqualTo(ImageBudget.ramLimit());
    }

    @Test
    void aBudgetOverALimitSaysWhichLimitAndByHowMuch() {
        ImageBudget budget = new ImageBudget(List.of(
                new ImageBudget.Part("drivers", 40 * 1024, 0, 0, "test"),
                new ImageBudget.Part("application", 0, 160 * 1024, 60 * 1024, "test")));

        assertThat(budget.overBudget()).containsExactly(
                "flash: 204,800 B used, over 194,969 B (85% of 224 KB (256 KB less the settings sectors)) by 9,831 B",
                "RAM: 61,440 B used, over 55,705 B (85% of 64 KB) by 5,735 B",
                "the BOOT region (sectors 0-1): 40,960 B used, over 32,768 B (32 KB) by 8,192 B");
        assertThat(budget.toMarkdown()).contains("**Over budget:**")
                .contains("| flash, both regions (256 KB less the 32 KB settings sectors) | 204,800 B | 229,376 B | 89.3% | 10.7% |");
    }

    @Test
    void anImageJustInsideTheHeadroomFits() {
        ImageBudget budget = new ImageBudget(List.of(
                new ImageBudget.Part("everything", 0, ImageBudget.flashLimit(), ImageBudget.ramLimit(), "test")));

        assertThat(budget.overBudget()).isEmpty();
        assertThat(budget.with(new ImageBudget.Part("one byte more", 0, 1, 0, "test")).overBudget())
                .singleElement().asString().startsWith("flash: 194,970 B used");
    }

    @Test
    void theMainStackIsReadFromTheLinkerScript() throws IOException {
        String script = Files.readString(ROOT.resolve(ImageParts.LINKER_SCRIPT));

        assertThat(script).contains("_min_stack_size = 4K;");
        assertThat(ImageParts.mainStackBytes(ROOT)).isEqualTo(4096);
    }

    @Test
    void theBootRegionTakesWhatTheLinkerScriptsBootSectionNames() throws IOException {
        String script = Files.readString(ROOT.resolve(ImageParts.LINKER_SCRIPT));

        assertThat(ArmObjects.bootInputs(script)).containsExactly(
                new ArmObjects.BootInput("board/", List.of(".text", ".text.*")),
                new ArmObjects.BootInput("drivers/", List.of(".text", ".text.*")),
                new ArmObjects.BootInput("crypto/", List.of(".text", ".text.*", ".rodata", ".rodata.*")),
                new ArmObjects.BootInput("library/", List.of(".text", ".text.*", ".rodata", ".rodata.*")));
        assertThat(ArmObjects.bootInputs(".boot :\n{\n  *library/*.o(.text .text.* .rodata .rodata.*)\n} > BOOT"))
                .containsExactly(new ArmObjects.BootInput("library/", List.of(".text", ".text.*", ".rodata", ".rodata.*")));
    }

    @Test
    void sizeOutputIsPlacedAsTheLinkerScriptPlacesSections() {
        Path root = Path.of("/objects");
        String output = """
                /objects/drivers/spi.o  :
                section            size   addr
                .text.spi1_init      60      0
                .rodata.table        16      0
                .bss                  4      0
                .comment             39      0


                /objects/vectors.o  :
                section            size   addr
                .isr_vector.irq     340      0
                .text.Default_Handler 4    0
                .data                 8      0
                Total               352

                """;

        Map<String, Path> objects = new LinkedHashMap<>();
        objects.put("drivers/spi.o", root.resolve("drivers/spi.o"));
        objects.put("vectors.o", root.resolve("vectors.o"));

        List<ArmObjects.Placement> placements = ArmObjects.parse(output, objects,
                List.of(new ArmObjects.BootInput("drivers/", List.of(".text", ".text.*"))));

        // the drivers' code goes before the settings sectors, their constants after them
        assertThat(placements).containsExactly(new ArmObjects.Placement("drivers/spi.o", 60, 16, 4),
                new ArmObjects.Placement("vectors.o", 340, 4 + 8, 8));
    }
}
