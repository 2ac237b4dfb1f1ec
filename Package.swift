// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Slate",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SlateDomain", targets: ["SlateCore", "SlateStore"]),
        .executable(name: "slate", targets: ["slate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        .target(name: "SlateCore"),
        .target(name: "SlateStore", dependencies: [
            "SlateCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C API, for binding values on the write path (`Statement.run`).
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
        .systemLibrary(name: "CNCurses"),
        .target(name: "SlateTUI", dependencies: ["SlateCore", "SlateStore"]),
        .target(name: "SlateTerminal", dependencies: ["CNCurses", "SlateCore", "SlateStore", "SlateTUI"]),
        .target(name: "SlateCLI", dependencies: [
            "SlateCore", "SlateStore", "SlateTUI", "SlateTerminal",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "slate", dependencies: ["SlateCLI"]),
        .executableTarget(name: "SlateBenchmarks", dependencies: [
            "SlateCore", "SlateStore", "SlateTUI",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], path: "Benchmarks/SlateBenchmarks"),
        // Shared by the test targets: a scratch folder per run, removed at exit.
        .target(name: "SlateTestSupport", dependencies: ["SlateCore"], path: "Tests/SlateTestSupport"),
        .testTarget(name: "SlateCoreTests", dependencies: ["SlateCore", "SlateTestSupport"]),
        .testTarget(name: "SlateStoreTests", dependencies: [
            "SlateCore", "SlateStore", "SlateTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Fixtures"]),
        .testTarget(name: "SlateTUITests", dependencies: ["SlateCore", "SlateStore", "SlateTUI", "SlateTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "SlateCLITests", dependencies: [
            "SlateCLI", "SlateStore", "slate", "SlateTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], exclude: ["Calendar"]),
    ],
    swiftLanguageModes: [.v6]
)
