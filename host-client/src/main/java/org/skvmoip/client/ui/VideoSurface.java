package org.skvmoip.client.ui;

import org.skvmoip.client.video.DecodedPicture;
import org.skvmoip.client.video.VideoDecoder;
import org.skvmoip.client.video.VideoImage;

import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * A machine's screen: the newest decoded picture, scaled to fit with its aspect kept and centred
 * on black, redrawn at most once per JavaFX pulse (the screen's refresh), and an optional
 * statistics line over it.
 */
final class VideoSurface extends Region {

    /** Statistics are averaged over this long, so the numbers can be read. */
    private static final long STATS_INTERVAL_NANOS = 500_000_000L;

    private final VideoDecoder decoder;
    private final VideoImage image = new VideoImage();
    private final ImageView view = new ImageView();
    private final Label statistics = new Label();
    private final AnimationTimer pulse;
    private long lastStatsNanos;
    private int pictureWidth;
    private int pictureHeight;
    private volatile long picturesShown;

    VideoSurface(VideoDecoder decoder) {
        this.decoder = decoder;
        setStyle("-fx-background-color: black;");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        statistics.setId("statistics");
        statistics.setStyle("-fx-text-fill: #7CFC00; -fx-background-color: rgba(0,0,0,0.6); -fx-padding: 4;"
                + " -fx-font-family: monospace;");
        statistics.setAlignment(Pos.TOP_LEFT);
        statistics.setVisible(false);
        statistics.setMouseTransparent(true);
        getChildren().addAll(view, statistics);
        setMinSize(160, 120);
        setPrefSize(1024, 768);
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                draw(now);
            }
        };
    }

    void start() {
        pulse.start();
    }

    void stop() {
        pulse.stop();
    }

    /** Shows black instead of the last picture: after the stream ended for good, it is not the screen now. */
    void clear() {
        view.setImage(null);
        statistics.setVisible(false);
    }

    void showStatistics(boolean show) {
        if (show && !statistics.isVisible()) {
            decoder.sample(); // start a fresh interval: the first numbers shown are of now, not of the hidden time
            statistics.setText("measuring...");
        }
        statistics.setVisible(show);
    }

    boolean statisticsShown() {
        return statistics.isVisible();
    }

    /** Where the picture is drawn in this node's coordinates. */
    PictureArea pictureArea() {
        return PictureArea.fit(getWidth(), getHeight(), pictureWidth, pictureHeight);
    }

    /** The picture on screen now, or null before the first one. */
    VideoImage image() {
        return image;
    }

    /** Whether a picture is on screen (false before the first, and once cleared). */
    boolean showsPicture() {
        return view.getImage() != null;
    }

    /** Pictures drawn so far. */
    long picturesShown() {
        return picturesShown;
    }

    private void draw(long now) {
        DecodedPicture picture = decoder.takeNewest();
        if (picture != null) {
            picturesShown++;
            try {
                if (image.update(picture)) {
                    view.setImage(image.image());
                    pictureWidth = picture.width();
                    pictureHeight = picture.height();
                    requestLayout();
                }
            } finally {
                decoder.giveBack(picture);
            }
        }
        if (statistics.isVisible() && now - lastStatsNanos >= STATS_INTERVAL_NANOS) {
            lastStatsNanos = now;
            statistics.setText(decoder.sample().describe());
        }
    }

    @Override
    protected void layoutChildren() {
        PictureArea area = pictureArea();
        view.setFitWidth(area.width());
        view.setFitHeight(area.height());
        view.relocate(area.left(), area.top());
        statistics.autosize();
        statistics.relocate(8, 8);
    }
}
