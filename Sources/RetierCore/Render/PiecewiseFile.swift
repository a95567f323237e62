/// An output file that grows with the book (`tiers.csv`, `memo.md`, …), rendered and handed out
/// in pieces so that a million-account run never holds one whole.
///
/// The file is a run of ``itemCount`` items (rows, paragraphs). ``renderItems`` writes the bytes
/// of a range of them: the header when the range starts at 0, whatever closes the file when it
/// ends at ``itemCount``. The bytes of consecutive ranges concatenate to the file, and disjoint
/// ranges may render concurrently.
struct PiecewiseFile: Sendable {
  /// Path relative to the run folder, as in ``OutputFile/path``.
  var path: String
  /// The number of items.
  var itemCount: Int
  /// The bytes of the items in a range of `0..<itemCount` (an empty range at 0 or at
  /// `itemCount` gives the header or the closing text alone).
  var renderItems: @Sendable (_ items: Range<Int>) -> [UInt8]

  /// Creates the file from its path, its item count and its renderer.
  init(path: String, itemCount: Int, renderItems: @escaping @Sendable (Range<Int>) -> [UInt8]) {
    self.path = path
    self.itemCount = itemCount
    self.renderItems = renderItems
  }

  /// The item ranges of pieces of at most `itemsPerPiece` items each, in order; one empty range
  /// for a file without items, so that its header is still written.
  func pieces(itemsPerPiece: Int) -> [Range<Int>] {
    let size = max(1, itemsPerPiece)
    guard itemCount > 0 else { return [0..<0] }
    return stride(from: 0, to: itemCount, by: size).map { $0..<min($0 + size, itemCount) }
  }
}
