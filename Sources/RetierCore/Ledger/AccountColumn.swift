/// One value per valid account, read and written by ``AccountRef`` only.
package struct AccountColumn<Value: Sendable>: Sendable {
  /// The values, in the ledger's account order.
  private var values: [Value]

  /// A column of `count` accounts, each holding `value`.
  init(repeating value: Value, count: Int) {
    values = [Value](repeating: value, count: count)
  }

  /// A column of no account, the value of a column whose phase has not run.
  init() {
    values = []
  }

  /// The value of `ref`'s account.
  package subscript(ref: AccountRef) -> Value {
    get { values[ref.row] }
    set { values[ref.row] = newValue }
  }

  /// How many accounts the column holds.
  var count: Int { values.count }
}
