import Foundation
import Glibc

/// mount(2) for fault tests: a tiny tmpfs (disk full) and a read-only bind mount. Needs
/// CAP_SYS_ADMIN; ``areAllowed`` says whether this process has it, so the tests skip otherwise.
enum Mounts {
  private static let readOnly: UInt = 1  // MS_RDONLY
  private static let remount: UInt = 32  // MS_REMOUNT
  private static let bind: UInt = 4096  // MS_BIND
  private static let detach: Int32 = 2  // MNT_DETACH

  /// Whether mounting a tmpfs works here: probed once on a scratch folder.
  static let areAllowed: Bool = {
    var template = Array("/tmp/retier-mount-probe-XXXXXX".utf8CString)
    guard let folder = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) })
    else { return false }
    let path = String(cString: folder)
    defer { rmdir(path) }
    guard mountTmpfs(at: path, size: "64k") else { return false }
    unmount(path)
    return true
  }()

  /// Mounts a tmpfs of `size` (e.g. `64k`) on the folder `path`.
  static func mountTmpfs(at path: String, size: String) -> Bool {
    mount("tmpfs", path, "tmpfs", 0, "size=\(size)") == 0
  }

  /// Changes the size of the tmpfs mounted on `path`.
  static func resizeTmpfs(at path: String, size: String) -> Bool {
    mount("tmpfs", path, "tmpfs", remount, "size=\(size)") == 0
  }

  /// Mounts the folder `path` on itself, read-only.
  static func bindReadOnly(_ path: String) -> Bool {
    guard mount(path, path, nil, bind, nil) == 0 else { return false }
    guard mount(nil, path, nil, remount | bind | readOnly, nil) == 0 else {
      unmount(path)
      return false
    }
    return true
  }

  /// Detaches whatever is mounted on `path`.
  static func unmount(_ path: String) {
    umount2(path, detach)
  }
}
