package dev.warden.examples.objectstore.s3;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An S3 response document, written with the JDK's {@link XMLStreamWriter} (which escapes text) into memory, so that
 * its length is known and a failure halfway never leaves half a document on the wire.
 */
final class XmlOut {

    static final String S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    private final XMLStreamWriter writer;

    private XmlOut(String root, String namespace) {
        try {
            writer = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            writer.writeStartElement(root);
            if (namespace != null) {
                writer.writeDefaultNamespace(namespace);
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A document whose root element is {@code root}, in S3's namespace. */
    static XmlOut document(String root) {
        return new XmlOut(root, S3_NAMESPACE);
    }

    /** A document whose root element has no namespace (S3's error documents). */
    static XmlOut bare(String root) {
        return new XmlOut(root, null);
    }

    /** Opens an element; close it with {@link #end()}. */
    XmlOut start(String name) {
        try {
            writer.writeStartElement(name);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Writes a namespaced attribute ({@code xsi:type}) on the element just opened. */
    XmlOut attribute(String prefix, String uri, String name, String value) {
        try {
            writer.writeAttribute(prefix, uri, name, value);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Writes a namespace declaration on the element just opened. */
    XmlOut namespace(String prefix, String uri) {
        try {
            writer.writeNamespace(prefix, uri);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Closes the innermost open element. */
    XmlOut end() {
        try {
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** {@code <name>text</name>}; nothing when {@code text} is {@code null}. */
    XmlOut element(String name, Object text) {
        if (text == null) {
            return this;
        }
        try {
            writer.writeStartElement(name);
            writer.writeCharacters(text.toString());
            writer.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Text inside the innermost open element. */
    XmlOut text(String text) {
        try {
            writer.writeCharacters(text);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** The finished document. */
    byte[] toBytes() {
        try {
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Sends the finished document with {@code status}. */
    void send(HttpServletResponse response, int status) throws IOException {
        byte[] body = toBytes();
        response.setStatus(status);
        response.setContentType("application/xml");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
