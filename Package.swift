// swift-tools-version: 6.1
// PACSLink: a DICOM networking engine on libuv, Swift actors and OpenSSL.
// Layering (docs/architecture.md): pacslink → PACSLink → DICOMTransport → DICOMProtocol.
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "PACSLink",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "DICOMProtocol", targets: ["DICOMProtocol"]),
        .library(name: "DICOMTransport", targets: ["DICOMTransport"]),
        .library(name: "PACSLink", targets: ["PACSLink"]),
        .executable(name: "pacslink", targets: ["pacslink"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.1.0"),
    ],
    targets: [
        // System libraries (Debian: libuv1-dev, libssl-dev).
        .systemLibrary(
            name: "CLibUV", path: "Sources/CLibUV", pkgConfig: "libuv",
            providers: [.apt(["libuv1-dev"])]),
        .systemLibrary(
            name: "COpenSSL", path: "Sources/COpenSSL", pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]),
        // Wrappers for OpenSSL and libuv macros that Swift cannot import.
        .target(name: "CPACSLinkShims", dependencies: ["COpenSSL", "CLibUV"]),

        // Pure Swift, no I/O: data sets, Part 10, UIDs, PDUs, PS3.8 state machine, DIMSE.
        .target(name: "DICOMProtocol", swiftSettings: strict),
        // The only code that touches libuv or OpenSSL.
        .target(
            name: "DICOMTransport",
            dependencies: [
                "DICOMProtocol", "CLibUV", "COpenSSL", "CPACSLinkShims",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        // What users ask for: registry, echo, find, retrieve, send, listener, simulator.
        .target(
            name: "PACSLink",
            dependencies: [
                "DICOMProtocol", "DICOMTransport", "CPACSLinkShims",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: strict),
        // Argument parsing and printing only.
        .executableTarget(
            name: "pacslink",
            dependencies: [
                "PACSLink", "DICOMProtocol", "DICOMTransport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),

        // Shared by the test targets: DCMTK tool lookup, free ports, child processes, temp dirs.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),

        .testTarget(
            name: "DICOMProtocolTests", dependencies: ["DICOMProtocol", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "DICOMTransportTests", dependencies: ["DICOMTransport", "DICOMProtocol", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "PACSLinkTests",
            dependencies: ["PACSLink", "DICOMProtocol", "DICOMTransport", "TestSupport", "CPACSLinkShims"],
            swiftSettings: strict),
        // Drives DCMTK's tools (echoscu, storescp, dcmdump, …) and the built `pacslink` binary.
        .testTarget(
            name: "InteropTests",
            dependencies: ["PACSLink", "DICOMProtocol", "DICOMTransport", "TestSupport"],
            swiftSettings: strict),
    ]
)
