/// Amounts in cents, one per valid account of a comparison side: eight bytes each when every
/// amount fits an `Int64` (a real book's do: that is 92 quadrillion units), sixteen otherwise.
/// The first side is held while the second is decided, so its million amounts are kept narrow.
package struct CentsColumn: Sendable, RandomAccessCollection {
  /// The amounts, narrow or wide.
  private enum Storage: Sendable {
    case narrow([Int64])
    case wide([Int128])
  }

  private let storage: Storage

  /// The column of `amounts`, in their order.
  init(_ amounts: [Int128]) {
    let fitsNarrow = amounts.allSatisfy { $0 >= Int128(Int64.min) && $0 <= Int128(Int64.max) }
    storage = fitsNarrow ? .narrow(amounts.map { Int64($0) }) : .wide(amounts)
  }

  package var startIndex: Int { 0 }

  package var endIndex: Int {
    switch storage {
    case .narrow(let amounts): amounts.count
    case .wide(let amounts): amounts.count
    }
  }

  package subscript(position: Int) -> Int128 {
    switch storage {
    case .narrow(let amounts): Int128(amounts[position])
    case .wide(let amounts): amounts[position]
    }
  }
}
