package io.crawlpipe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results file that a run replaces (through OUT.partial, or --resume's rewrite) keeps its
 * permissions, owner and group, as {@code sed -i} keeps them; a new one is made as any new file is.
 */
class AReplacedFileKeepsItsModeTest {
  @TempDir Path dir;

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private Path file(String name, String content, String mode) throws IOException {
    Path file = Files.writeString(dir.resolve(name), content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  @Test
  void theTargetKeepsItsPermissionsWhateverTheUmaskAndANewOneFollowsIt() throws IOException {
    for (String mode : List.of("rw-------", "rw-rw-r--", "r--r-----")) {
      Path target = file("b-" + mode + ".jsonl", "old\n", mode);
      try (AtomicFileSink sink = AtomicFileSink.create(target)) {
        assertThat(mode(sink.partial())).as("the temporary file, which its owner writes")
            .isEqualTo("rw" + mode.substring(2));
        sink.write(AtomicFileSinkTest.ok("http://a.test/"));
        sink.commit();
      }
      assertThat(mode(target)).isEqualTo(mode);
    }
    Path fresh = dir.resolve("new.jsonl");
    try (AtomicFileSink sink = AtomicFileSink.create(fresh)) {
      sink.commit();
    }
    assertThat(mode(fresh)).isEqualTo(mode(Files.createFile(dir.resolve("any"))));
  }

  @Test
  void aRewriteKeepsThePermissionsOfTheFileItIsMadeFrom() throws IOException {
    String kept = ResultFileRepairTest.line("http://a/", true, null);
    Path f = file("r.jsonl", kept + ResultFileRepairTest.line("http://b/", false, "cancelled"), "rw-------");
    new ResultFileRepair().prepare(f, f, url -> { }, w -> { });
    assertThat(f).hasContent(kept);
    assertThat(mode(f)).isEqualTo("rw-------");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r-----"));
    Path partial = dir.resolve("r.jsonl.partial");
    new ResultFileRepair().prepare(f, partial, url -> { }, w -> { });
    assertThat(mode(partial)).as("the finished file copied for --resume, which goes on writing it")
        .isEqualTo("rw-r-----");
    Path g = file("g.jsonl", kept + ResultFileRepairTest.line("http://b/", false, "cancelled"), "r--r-----");
    new ResultFileRepair().prepare(g, g, url -> { }, w -> { });
    assertThat(mode(g)).as("rewritten in place, as --append --resume does").isEqualTo("r--r-----");
  }

  @Test
  void theTargetKeepsItsOwnerAndGroupWhenRootReplacesIt() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "only root may give a file away");
    UserPrincipalLookupService names = dir.getFileSystem().getUserPrincipalLookupService();
    UserPrincipal nobody;
    GroupPrincipal nogroup;
    try {
      nobody = names.lookupPrincipalByName("nobody");
      nogroup = names.lookupPrincipalByGroupName("nogroup");
    } catch (UserPrincipalNotFoundException e) {
      assumeTrue(false, "needs the user nobody and the group nogroup");
      return;
    }
    Path target = file("b.jsonl", "old\n", "rw-------");
    PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
    view.setOwner(nobody);
    view.setGroup(nogroup);
    try (AtomicFileSink sink = AtomicFileSink.create(target)) {
      sink.write(AtomicFileSinkTest.ok("http://a.test/"));
      sink.commit();
    }
    PosixFileAttributes after = Files.readAttributes(target, PosixFileAttributes.class);
    assertThat(after.owner()).isEqualTo(nobody);
    assertThat(after.group()).isEqualTo(nogroup);
    assertThat(PosixFilePermissions.toString(after.permissions())).isEqualTo("rw-------");
  }
}
