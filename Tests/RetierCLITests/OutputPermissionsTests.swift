import Foundation
import Glibc
import Testing

@testable import RetierCLI
@testable import RetierCore

/// The outputs are for people (SPEC §7): under the unit's `UMask=0027`, in the setgid output
/// folder the install guide creates for the readers' group, every run folder and file must be
/// readable by that group and by no one else. The job asks for 0755 folders and 0644 files and
/// lets the umask take the rest, so this runs the built binary under that umask.
@Suite(
  "Output permissions for the readers' group",
  .enabled(if: RetierBinary.path != nil, "the built retier executable is not next to the tests"))
struct OutputPermissionsTests {
  @Test("under umask 027 in a setgid folder: folders 2750, files 0640, all of the folder's group")
  func groupReadable() throws {
    let workspace = Workspace()
    workspace.writeDrop()
    let output = workspace.output
    #expect(mkdir(output, 0o750) == 0)
    // As root, a group the process is not in, as the job is not in retier-readers; otherwise the
    // process's own group.
    let group: gid_t = getuid() == 0 ? 4242 : getgid()
    #expect(chown(output, getuid(), group) == 0)
    #expect(chmod(output, 0o2750) == 0)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c", #"umask 027 && exec "$0" run --quarter 2026-Q3"#, try #require(RetierBinary.path),
    ]
    process.currentDirectoryURL = URL(fileURLWithPath: workspace.root)
    process.environment = [:]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)

    let runFolder = output + "/2026-Q3"
    var paths = [runFolder]
    let enumerator = try #require(FileManager.default.enumerator(atPath: runFolder))
    while let relative = enumerator.nextObject() as? String {
      paths.append(runFolder + "/" + relative)
    }
    #expect(paths.count > 5)
    for path in paths {
      var status = stat()
      #expect(lstat(path, &status) == 0)
      let isFolder = status.st_mode & S_IFMT == S_IFDIR
      #expect(status.st_mode & 0o7777 == (isFolder ? 0o2750 : 0o640), "\(path)")
      #expect(status.st_gid == group, "\(path)")
    }
  }
}
