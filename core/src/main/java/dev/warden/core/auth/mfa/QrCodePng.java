package dev.warden.core.auth.mfa;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A QR code of a text as PNG bytes: what {@code CreateVirtualMFADevice} returns as {@code QRCodePNG} (base64 on the
 * wire) for the {@link OtpAuthUri}. Encoded with ZXing (error correction level M, the standard 4-module quiet zone),
 * drawn black on white into a 1-bit image and written with {@link ImageIO}. The image holds whatever the text holds:
 * for an otpauth URI, the seed.
 */
public final class QrCodePng {

    /** The default width and height in pixels. */
    public static final int DEFAULT_SIZE = 256;

    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;

    private QrCodePng() {
    }

    /** {@code text} as a QR code PNG of about {@value #DEFAULT_SIZE} × {@value #DEFAULT_SIZE} pixels. */
    public static byte[] render(String text) {
        return render(text, DEFAULT_SIZE);
    }

    /**
     * {@code text} as a QR code PNG of at least {@code size} × {@code size} pixels (more if the code has more modules
     * than pixels: ZXing never draws a module smaller than one pixel).
     *
     * @throws IllegalArgumentException if {@code text} is empty or too long for a QR code, or {@code size} is not
     *     positive; the message never quotes the text
     */
    public static byte[] render(String text, int size) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || size <= 0) {
            throw new IllegalArgumentException("a QR code needs a non-empty text and a positive size");
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, 4,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
        } catch (WriterException | IllegalArgumentException e) {
            throw new IllegalArgumentException("text of " + text.length() + " characters does not fit a QR code");
        }
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                image.setRGB(x, y, matrix.get(x, y) ? BLACK : WHITE);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalStateException("no PNG writer in javax.imageio");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return png.toByteArray();
    }
}
