package io.crawlpipe.store;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Creates and opens crawlpipe's own temporary files ({@code OUT.partial}, {@code OUT.partial.resume},
 * ...), whose names are crawlpipe's and not the user's: nothing is ever written through a symbolic
 * link at such a name, which someone who may write the directory could have planted there to make
 * the run overwrite another file. A new file replaces whatever was at its name (a link is removed,
 * not followed) and is created with {@link StandardOpenOption#CREATE_NEW}, which fails rather than
 * follow a link planted meanwhile. It gets the POSIX permissions, owner and group of the file it is
 * to replace, as {@code sed -i} keeps them (the exact permissions once renamed into place, {@link
 * #matchPermissions}). Arguments must not be null. Stateless; thread-safe. Public for the CLI's
 * other files written the same way (the stats file's temporary file); not meant as library API.
 */
public final class FreshFiles {
  private static final FileAttribute<?>[] NO_ATTRIBUTES = new FileAttribute<?>[0];

  private FreshFiles() {}

  /**
   * Creates {@code file} anew, open for writing, after removing what was at its name (without
   * following a link; a directory there is refused as "is a directory"). When {@code like} is a
   * regular file (following links: the results file a link names), the new file has its POSIX
   * permissions, and read and write for its owner, who goes on writing it ({@link
   * #matchPermissions} sets the exact ones when it is renamed into place), never more at any
   * moment; and its owner and group as far as this process may set them (a failure to is ignored:
   * only root may give a file away). Otherwise the umask decides. The new file is removed again
   * when a step after its creation fails.
   *
   * @throws IOException when the name cannot be cleared, or the file created or given its permissions
   */
  public static FileChannel create(Path file, Path like) throws IOException {
    Objects.requireNonNull(like, "like");
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileSystemException(file.toString(), null, "Is a directory");
    }
    Files.deleteIfExists(file);
    PosixFileAttributes model = Files.isRegularFile(like) ? posixAttributes(like) : null;
    Set<PosixFilePermission> permissions = model == null ? Set.of() : writable(model.permissions());
    FileAttribute<?>[] attributes = model == null ? NO_ATTRIBUTES
        : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
        attributes);
    if (model == null) return channel;
    try {
      PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
          LinkOption.NOFOLLOW_LINKS);
      giveAway(view, model);
      view.setPermissions(permissions); // the umask may have taken some away at the creation
      return channel;
    } catch (IOException | RuntimeException e) {
      try (channel) {
        Files.deleteIfExists(file);
      } catch (IOException suppressed) {
        if (suppressed != e) e.addSuppressed(suppressed); // never itself (Self-suppression not permitted)
      }
      throw e;
    }
  }

  /**
   * Gives {@code file} (not following a link) exactly the POSIX permissions of {@code like}, when
   * {@code like} is a regular file and they differ: for a temporary file {@link #create}d like it,
   * just before it is renamed onto it. Does nothing on a file system without POSIX permissions.
   *
   * @throws IOException when the permissions cannot be read or set
   */
  public static void matchPermissions(Path file, Path like) throws IOException {
    PosixFileAttributes model = Files.isRegularFile(like) ? posixAttributes(like) : null;
    if (model == null) return;
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
        LinkOption.NOFOLLOW_LINKS);
    if (!view.readAttributes().permissions().equals(model.permissions())) view.setPermissions(model.permissions());
  }

  /** {@code permissions} with read and write for the owner added. */
  private static Set<PosixFilePermission> writable(Set<PosixFilePermission> permissions) {
    Set<PosixFilePermission> writable = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    writable.addAll(permissions);
    return writable;
  }

  /** {@code like}'s POSIX attributes, or null on a file system without them (Windows). */
  private static PosixFileAttributes posixAttributes(Path like) throws IOException {
    try {
      return Files.readAttributes(like, PosixFileAttributes.class);
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  /** Sets the owner and group of {@code model}, each only if it differs; a refusal is ignored. */
  private static void giveAway(PosixFileAttributeView view, PosixFileAttributes model) throws IOException {
    PosixFileAttributes now = view.readAttributes();
    try {
      if (!now.owner().equals(model.owner())) view.setOwner(model.owner());
    } catch (IOException e) {
      // Not permitted (only root may give a file away): the file stays this process's, as a new one would be.
    }
    try {
      if (!now.group().equals(model.group())) view.setGroup(model.group());
    } catch (IOException e) {
      // Not permitted (not a member of that group): the file keeps this process's group.
    }
  }

  /**
   * Opens {@code file} for appending after a refusal of a symbolic link at its name, creating it
   * if missing (by the umask); for continuing a temporary file an earlier run left.
   *
   * @throws FileSystemException when {@code file} is a symbolic link ("is a symbolic link ...")
   * @throws IOException when it cannot be opened
   */
  static FileChannel openExisting(Path file) throws IOException {
    if (Files.isSymbolicLink(file)) {
      throw new FileSystemException(file.toString(), null, "is a symbolic link, not a file crawlpipe wrote");
    }
    return FileChannel.open(file, LinkOption.NOFOLLOW_LINKS, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
  }

  /**
   * A stream appending to {@code file}, which the caller holds open ({@link #create} or {@link
   * #openExisting}) so that it cannot be replaced by another file of the same identity meanwhile. A
   * stream can only open a file by its name, following links: the name is checked, without
   * following links, to lead to the same regular file before and after, so a link planted at it
   * meanwhile is refused before anything is written.
   *
   * @throws FileSystemException when the name no longer leads to that file; the stream is closed
   * @throws IOException when the file cannot be opened
   */
  static FileOutputStream appendingStream(Path file) throws IOException {
    Object before = identity(file);
    FileOutputStream stream = new FileOutputStream(file.toFile(), true);
    try {
      if (!Objects.equals(before, identity(file))) throw replaced(file);
      return stream;
    } catch (IOException | RuntimeException e) {
      stream.close();
      throw e;
    }
  }

  /** The file key (device and inode) of the regular file at {@code file}, not following a link. */
  private static Object identity(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isRegularFile()) throw replaced(file);
    return attributes.fileKey();
  }

  private static FileSystemException replaced(Path file) {
    return new FileSystemException(file.toString(), null, "was replaced by another file while it was opened");
  }
}
