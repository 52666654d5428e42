/// A data set (PS3.5 §7): data elements kept in ascending tag order, at most one per tag.
/// Typed access to values is in `DataSet+Values.swift`.
public struct DataSet: Equatable, Sendable, Sequence {
    /// The elements in ascending tag order.
    public private(set) var elements: [DataElement]

    public init() { elements = [] }

    /// A data set of `elements` in any order; of two elements with one tag the later wins.
    public init(_ elements: [DataElement]) {
        self.init()
        for element in elements { insert(element) }
    }

    public var count: Int { elements.count }

    /// Room for `count` elements without growing (a command set is built element by element).
    public mutating func reserveCapacity(_ count: Int) { elements.reserveCapacity(count) }
    public var isEmpty: Bool { elements.isEmpty }

    public func makeIterator() -> IndexingIterator<[DataElement]> { elements.makeIterator() }

    public subscript(tag: Tag) -> DataElement? {
        get {
            let i = position(of: tag)
            return i < elements.count && elements[i].tag == tag ? elements[i] : nil
        }
        set {
            if var newValue {
                newValue.tag = tag  // the subscript's tag wins, so the order stays right
                insert(newValue)
            } else {
                remove(tag)
            }
        }
    }

    public func contains(_ tag: Tag) -> Bool { self[tag] != nil }

    /// Adds `element`, replacing any element with the same tag.
    public mutating func insert(_ element: DataElement) {
        if let last = elements.last, last.tag < element.tag {
            elements.append(element)  // the decoder's case: elements arrive in order
            return
        }
        let i = position(of: element.tag)
        if i < elements.count && elements[i].tag == element.tag {
            elements[i] = element
        } else {
            elements.insert(element, at: i)
        }
    }

    @discardableResult
    public mutating func remove(_ tag: Tag) -> DataElement? {
        let i = position(of: tag)
        guard i < elements.count && elements[i].tag == tag else { return nil }
        return elements.remove(at: i)
    }

    /// The elements whose tags lie in `group`, as a data set (e.g. group 0002, the file meta
    /// information).
    public func group(_ group: UInt16) -> DataSet {
        var result = DataSet()
        result.elements = elements.filter { $0.tag.group == group }
        return result
    }

    /// Index of the first element whose tag is not less than `tag` (binary search).
    private func position(of tag: Tag) -> Int {
        var low = 0, high = elements.count
        while low < high {
            let mid = (low + high) / 2
            if elements[mid].tag < tag { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
