// swift-tools-version: 6.1
// libFuzzer targets for PACSLink's decoders (docs/reliability.md). A package of its own so the
// fuzzing flags never touch the main build; build and run them with `scripts/fuzz.sh`, which
// passes `--sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library`. Each target exports
// `LLVMFuzzerTestOneInput`; libFuzzer provides `main`.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6), .enableUpcomingFeature("ExistentialAny")]

/// One executable per fuzz target, named after what it fuzzes, in Sources/<name>/.
func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + products.map { .product(name: $0, package: "PACSLink") },
        swiftSettings: strict)
}

let package = Package(
    name: "PACSLinkFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "PACSLink", path: "..")],
    targets: [
        .target(name: "FuzzSupport", swiftSettings: strict),
        fuzzTarget("FuzzPDUDecoder", ["DICOMProtocol"]),
        fuzzTarget("FuzzDataSetDecoder", ["DICOMProtocol"]),
        fuzzTarget("FuzzPart10Header", ["DICOMProtocol"]),
        fuzzTarget("FuzzMessageAssembler", ["DICOMProtocol"]),
        fuzzTarget("FuzzAssociationCore", ["DICOMProtocol"]),
        fuzzTarget("FuzzIniDocument", ["PACSLink"]),
    ]
)
