package dev.warden.examples.objectstore.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small request document (DeleteObjects, CompleteMultipartUpload, CreateBucketConfiguration) read into a tree
 * with the JDK's StAX parser, hardened: no DTD, no external entities, no entity expansion, and a size limit, so that
 * a hostile body cannot reach the file system or the network or exhaust memory (only XML's predefined entities
 * and character references are expanded). Namespaces are ignored, as S3
 * ignores them.
 *
 * @param name the element's local name
 * @param text its text content, trimmed (empty for an element with children)
 * @param children its child elements, in order
 */
record XmlIn(String name, String text, List<XmlIn> children) {

    private static final XMLInputFactory FACTORY = hardened();

    /** Reads at most {@code maxBytes} of {@code in} as one document; anything else is {@code MalformedXML}. */
    static XmlIn parse(InputStream in, int maxBytes) throws S3Exception, IOException {
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes || body.length == 0) {
            throw S3Exception.malformedXml();
        }
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                while (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    // skip the prolog (comments, processing instructions)
                }
                return element(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw S3Exception.malformedXml();
        }
    }

    private static XmlIn element(XMLStreamReader reader) throws XMLStreamException {
        String name = reader.getLocalName();
        StringBuilder text = new StringBuilder();
        List<XmlIn> children = new ArrayList<>();
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> children.add(element(reader));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlIn(name, children.isEmpty() ? text.toString().trim() : "", List.copyOf(children));
                }
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XMLStreamException("DTDs and entities are refused");
                default -> {
                    // comments and processing instructions carry nothing
                }
            }
        }
    }

    /** The first child called {@code childName}. */
    Optional<XmlIn> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    /** The children called {@code childName}. */
    List<XmlIn> all(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The text of the first child called {@code childName}, or {@code null}. */
    String childText(String childName) {
        return child(childName).map(XmlIn::text).orElse(null);
    }

    private static XMLInputFactory hardened() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException e) {
            // a StAX implementation without JAXP 1.5's property; the DTD is off and the resolver refuses anyway
        }
        factory.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entities are refused");
        });
        return factory;
    }
}
