import DICOMProtocol

/// Builds the identifier of a C-FIND request (PS3.4 §C.4.1.1.3) from `-k` arguments.
public enum QueryKeys {
    /// An identifier for `level` of `model` holding `keys` (each `Key[=Value]`, see
    /// `QueryKeyArgument`), Query/Retrieve Level (0008,0052), the level's unique key as a
    /// return key when not given, and Specific Character Set (0008,0005) ISO_IR 192 when a
    /// value is not ASCII. Validated as `QueryRequest` does, so errors surface before anything
    /// is sent.
    public static func identifier(level: QueryLevel, model: QueryModel, keys: [String]) throws(QueryError) -> DataSet {
        var arguments: [QueryKeyArgument] = []
        for key in keys { arguments.append(try QueryKeyArgument(parsing: key)) }
        return try identifier(level: level, model: model, arguments: arguments)
    }

    public static func identifier(level: QueryLevel, model: QueryModel, arguments: [QueryKeyArgument]) throws(QueryError) -> DataSet {
        let needsUnicode = arguments.contains { $0.value.unicodeScalars.contains { !$0.isASCII } }
        let characterSet: SpecificCharacterSet = needsUnicode ? .isoIR192 : .isoIR6
        var identifier = DataSet()
        for argument in arguments where argument.tag != .queryRetrieveLevel {
            identifier.insert(try argument.element(in: characterSet))
        }
        if let given = arguments.first(where: { $0.tag == .queryRetrieveLevel }),
            QueryLevel(name: given.value) != level
        {
            throw QueryError(
                .invalidLevel, field: QueryError.name(.queryRetrieveLevel),
                "-k QueryRetrieveLevel=\(given.value) contradicts the requested level \(level)")
        }
        identifier.insert(DataElement(tag: .queryRetrieveLevel, asciiValues: [level.rawValue]))
        if needsUnicode {
            identifier.insert(DataElement(tag: .specificCharacterSet, asciiValues: [characterSet.definedTerm]))
        }
        if !identifier.contains(level.uniqueKey) {
            identifier.insert(DataElement(tag: level.uniqueKey, vr: DataDictionary.implicitVR(for: level.uniqueKey), bytes: []))
        }
        _ = try QueryRequest(identifier: identifier, model: model)
        return identifier
    }
}
