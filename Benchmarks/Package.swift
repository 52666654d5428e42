// swift-tools-version: 6.1
// PACSLink benchmarks: a package of its own so that ordo-one/benchmark and its dependencies
// never enter the main package's build. Run with `swift package benchmark` in this directory.
import PackageDescription

let package = Package(
    name: "PACSLinkBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // Named so that the product reference does not depend on the checkout directory's name.
        .package(name: "PACSLink", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PDUBenchmarks",
            dependencies: [
                .product(name: "DICOMProtocol", package: "PACSLink"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/PDUBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "AssociationBenchmarks",
            dependencies: [
                .product(name: "PACSLink", package: "PACSLink"),
                .product(name: "DICOMTransport", package: "PACSLink"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/AssociationBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
