import RetierCore

extension Diagnostic {
  /// The diagnostic with its file named by its real path in `folder`, so that an editor or a
  /// terminal can open the line. A file already named by its absolute path (the flag file of
  /// `retier interim`) is not in the drop and stays as it is.
  func locating(in folder: String) -> Diagnostic {
    var located = self
    located.file = Self.path(of: file, in: folder)
    return located
  }

  /// `file` in `folder`, or `file` itself when it is already an absolute path.
  static func path(of file: String, in folder: String) -> String {
    file.hasPrefix("/") ? file : folder + "/" + file
  }
}
