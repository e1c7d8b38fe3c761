package io.leakwatch.respond.heapdump;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;

/**
 * Folders and files only their owner can read: a heap dump holds everything the application had in memory,
 * passwords and personal data included. POSIX permissions where the file system has them ({@code rwx------},
 * {@code rw-------}); else an access list that allows the owner alone, inherited by what is created inside;
 * else nothing can be done, and {@link #protection()} says so.
 */
final class OwnerOnlyFiles {

    /** How a file system lets its files be kept to their owner. */
    enum Protection {
        POSIX("POSIX permissions"),
        ACL("an access list allowing the owner alone"),
        NONE("nothing: the file system has neither POSIX permissions nor access lists");

        private final String description;

        Protection(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    private static final FileAttribute<?> OWNER_ONLY_DIRECTORY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private final Protection protection;

    OwnerOnlyFiles(FileSystem fileSystem) {
        if (fileSystem.supportedFileAttributeViews().contains("posix")) {
            protection = Protection.POSIX;
        } else if (fileSystem.supportedFileAttributeViews().contains("acl")) {
            protection = Protection.ACL;
        } else {
            protection = Protection.NONE;
        }
    }

    Protection protection() {
        return protection;
    }

    /** Creates {@code dir} and its missing parents, each for its owner alone; leaves an existing one as it is. */
    void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (protection == Protection.POSIX) {
            // The mode is given to mkdir itself, so the folder is never open to others, not even for a moment.
            Files.createDirectories(dir, OWNER_ONLY_DIRECTORY);
        } else {
            Files.createDirectories(dir);
            restrictToOwner(dir, true);
        }
    }

    /** A new folder in {@code parent}, of a name no one else has, that only its owner can list or enter. */
    Path createPrivateDirectory(Path parent, String prefix) throws IOException {
        if (protection == Protection.POSIX) {
            return Files.createTempDirectory(parent, prefix, OWNER_ONLY_DIRECTORY);
        }
        Path dir = Files.createTempDirectory(parent, prefix);
        restrictToOwner(dir, true);
        return dir;
    }

    /** Makes a file readable and writable by its owner alone ({@code rw-------}). */
    void restrictToOwner(Path file) throws IOException {
        restrictToOwner(file, false);
    }

    private void restrictToOwner(Path path, boolean directory) throws IOException {
        switch (protection) {
            case POSIX:
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"));
                break;
            case ACL:
                // One entry, for the owner: what is created inside a folder inherits it, so a dump written into
                // the private folder is the owner's alone from its first byte.
                AclEntry ownerOnly = AclEntry.newBuilder()
                        .setType(AclEntryType.ALLOW)
                        .setPrincipal(Files.getOwner(path))
                        .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                        .setFlags(directory ? EnumSet.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT)
                                : EnumSet.noneOf(AclEntryFlag.class))
                        .build();
                Files.getFileAttributeView(path, AclFileAttributeView.class).setAcl(List.of(ownerOnly));
                break;
            default:
                break;
        }
    }
}
