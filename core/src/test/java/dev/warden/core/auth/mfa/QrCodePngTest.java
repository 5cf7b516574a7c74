package dev.warden.core.auth.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The QR code is a PNG that decodes, with ZXing's reader, back to exactly the otpauth URI it was made from. */
class QrCodePngTest {

    private static BufferedImage image(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage image = image(png);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    @Test
    void theOtpauthUriRoundTripsThroughThePng() throws Exception {
        String uri = OtpAuthUri.totp("Amazon Web Services", "alice@111122223333", Totp.newSeed());

        byte[] png = QrCodePng.render(uri);

        assertThat(decode(png)).isEqualTo(uri);
    }

    @Test
    void itIsAPngOfTheRequestedSize() throws Exception {
        byte[] png = QrCodePng.render(OtpAuthUri.totp("Warden", "bob@acme", Totp.newSeed()));

        assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        assertThat(image(png).getWidth()).isEqualTo(QrCodePng.DEFAULT_SIZE);
        assertThat(image(png).getHeight()).isEqualTo(QrCodePng.DEFAULT_SIZE);
    }

    @Test
    void aLargerImageDecodesToo() throws Exception {
        String uri = OtpAuthUri.totp("Warden", "carol@acme", Totp.newSeed());

        byte[] png = QrCodePng.render(uri, 600);

        assertThat(image(png).getWidth()).isEqualTo(600);
        assertThat(decode(png)).isEqualTo(uri);
    }

    @Test
    void aTinySizeStillGivesEveryModuleAPixelAndTheQuietZone() throws Exception {
        byte[] png = QrCodePng.render(OtpAuthUri.totp("Warden", "dave@acme", Totp.newSeed()), 1);

        // 117 characters at level M need a version-7 code: 45 modules, plus 4 quiet modules each side
        assertThat(image(png).getWidth()).isGreaterThanOrEqualTo(45 + 8);
    }

    @Test
    void aTextTooLongForAQrCodeIsRefusedWithoutQuotingIt() {
        String huge = "x".repeat(8000);

        assertThatThrownBy(() -> QrCodePng.render(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text of 8000 characters does not fit a QR code");
        assertThatThrownBy(() -> QrCodePng.render("")).isInstanceOf(IllegalArgumentException.class);
    }
}
