package dev.weft.sim.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Parses a report as XML (it must be well-formed) and looks things up in it by XPath. */
public final class Xhtml {
  private final Document doc;

  private Xhtml(Document doc) {
    this.doc = doc;
  }

  /** @throws IllegalArgumentException when the text is not well-formed XML */
  public static Xhtml parse(String html) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      return new Xhtml(f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
    } catch (Exception e) {
      throw new IllegalArgumentException("not well-formed: " + e.getMessage(), e);
    }
  }

  /** The elements matching an XPath over local names, e.g. {@code //*[local-name()='svg']}. */
  public NodeList all(String xpath) {
    try {
      return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
    } catch (Exception e) {
      throw new IllegalArgumentException(xpath + ": " + e.getMessage(), e);
    }
  }

  public int count(String xpath) {
    return all(xpath).getLength();
  }

  /** The text of every element matching the XPath, in document order, joined by newlines. */
  public String texts(String xpath) {
    NodeList nodes = all(xpath);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.append(nodes.item(i).getTextContent()).append('\n');
    }
    return out.toString();
  }

  public Document document() {
    return doc;
  }
}
