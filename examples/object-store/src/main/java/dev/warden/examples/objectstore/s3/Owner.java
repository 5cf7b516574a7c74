package dev.warden.examples.objectstore.s3;

/** S3's {@code <Owner>} (and {@code <Initiator>}) element: the account id, which also serves as display name. */
final class Owner {

    private Owner() {
    }

    static void write(XmlOut xml, String element, String account) {
        xml.start(element).element("ID", account).element("DisplayName", account).end();
    }
}
