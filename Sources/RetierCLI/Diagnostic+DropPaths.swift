import RetierCore

extension Diagnostic {
  /// The diagnostic with its file named by its real path in `folder`, so that an editor or a
  /// terminal can open the line.
  func locating(in folder: String) -> Diagnostic {
    var located = self
    located.file = folder + "/" + file
    return located
  }
}
