/// The first `count` elements of a sequence in a strict total order, without sorting the
/// whole sequence: the review lists the first `memo_list_limit` (200) of lists that run to a
/// hundred thousand moves, so a bounded heap (O(n log k)) replaces a full sort (O(n log n)).
enum FirstInOrder {
  /// The first `count` elements of `elements` under `precedes` (a strict total order: no two
  /// elements tie), in that order. The same elements, in the same order, as
  /// `elements.sorted(by: precedes).prefix(count)`.
  static func first<Element>(
    _ count: Int, of elements: [Element], by precedes: (Element, Element) -> Bool
  ) -> [Element] {
    guard count > 0 else { return [] }
    guard elements.count > count else { return elements.sorted(by: precedes) }
    // A max-heap of the kept elements: the root is the last of them in the order, the one a
    // better element replaces.
    var heap: [Element] = []
    heap.reserveCapacity(count)
    for element in elements {
      if heap.count < count {
        heap.append(element)
        var child = heap.count - 1
        while child > 0 {
          let parent = (child - 1) / 2
          guard precedes(heap[parent], heap[child]) else { break }
          heap.swapAt(parent, child)
          child = parent
        }
      } else if precedes(element, heap[0]) {
        heap[0] = element
        var parent = 0
        while true {
          let left = 2 * parent + 1
          let right = left + 1
          var last = parent
          if left < heap.count, precedes(heap[last], heap[left]) { last = left }
          if right < heap.count, precedes(heap[last], heap[right]) { last = right }
          guard last != parent else { break }
          heap.swapAt(parent, last)
          parent = last
        }
      }
    }
    heap.sort(by: precedes)
    return heap
  }
}
