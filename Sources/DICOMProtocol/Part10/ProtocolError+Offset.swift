extension ProtocolError {
    /// The same error with its offset counted from `base` bytes earlier (from the start of
    /// the file rather than of the decoded unit); an error without an offset gets `base`.
    public func shifted(by base: Int) -> ProtocolError {
        ProtocolError(kind, field: field, offset: (offset ?? 0) + base, detail)
    }
}
