package dev.profilekit.examples.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README says which artifacts are published; the POMs decide it ({@code maven.deploy.skip}).
 * This keeps the two the same, so a module added or switched off for deployment fails here until the
 * README says so.
 */
class PublishedArtifactsTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern ARTIFACT = Pattern.compile("`(profilekit-[a-z-]+)`");

  @Test
  void theReadmeListsExactlyTheArtifactsThePomsDeploy() throws Exception {
    Set<String> published = new LinkedHashSet<>();
    Set<String> unpublished = new LinkedHashSet<>();
    Document parent = read(ROOT.resolve("pom.xml"));
    (deploySkipped(parent) ? unpublished : published).add(artifactId(parent));
    for (String module : modules(parent)) {
      Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
      (deploySkipped(pom) ? unpublished : published).add(artifactId(pom));
    }

    String paragraph = readmeParagraph();
    int split = paragraph.indexOf("Not published");
    assertThat(split).as("the paragraph names what is not published").isPositive();

    assertThat(artifacts(paragraph.substring(0, split))).containsExactlyInAnyOrderElementsOf(published);
    assertThat(artifacts(paragraph.substring(split))).containsExactlyInAnyOrderElementsOf(unpublished);
    assertThat(published).contains("profilekit-api", "profilekit-aws", "profilekit-testing");
  }

  private static String readmeParagraph() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    int start = readme.indexOf("\nPublished artifacts");
    assertThat(start).as("README.md has a paragraph starting 'Published artifacts'").isPositive();
    int end = readme.indexOf("\n\n", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static Set<String> artifacts(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = ARTIFACT.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static Document read(Path pom) throws Exception {
    assertThat(pom).isRegularFile();
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static String artifactId(Document pom) {
    return child(pom.getDocumentElement(), "artifactId").getTextContent().trim();
  }

  private static boolean deploySkipped(Document pom) {
    Element properties = child(pom.getDocumentElement(), "properties");
    if (properties == null) {
      return false;
    }
    Element skip = child(properties, "maven.deploy.skip");
    return skip != null && skip.getTextContent().trim().equals("true");
  }

  private static List<String> modules(Document parent) {
    List<String> modules = new ArrayList<>();
    NodeList nodes = child(parent.getDocumentElement(), "modules").getElementsByTagName("module");
    for (int i = 0; i < nodes.getLength(); i++) {
      modules.add(nodes.item(i).getTextContent().trim());
    }
    return modules;
  }

  /** The direct child element with this name (not a descendant: a plugin's artifactId is not the project's). */
  private static Element child(Element parent, String name) {
    for (org.w3c.dom.Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }
}
