import PACSLink

extension ConfigurationFiles {
    /// The file an entry came from.
    func file(of entry: ServerEntry) -> String { entry.layer == .admin ? admin : user }
}
