// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "sumi",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sumi", targets: ["sumi"]),
        .library(name: "SumiCore", targets: ["SumiCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // C bridge to the system libpcre2-8 (Debian: libpcre2-dev).
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        // Decoding, encoding detection, normalization with offset maps, positions.
        .target(name: "SumiText"),
        // Scanner core: regex engine wrapper, dictionaries, rules, validators, scanning.
        .target(
            name: "SumiCore",
            dependencies: [
                "CPCRE2", "SumiText",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // De-identification operators: redact, replace, mask, pseudonymize (keyed), generalize.
        .target(
            name: "SumiTransform",
            dependencies: [
                "SumiCore", "SumiText",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Batch runner: the file walker (ignore files, globs, links, sizes).
        .target(name: "SumiBatch", dependencies: ["SumiCore", .product(name: "Crypto", package: "swift-crypto")]),
        // Tables: streaming CSV/TSV reading and writing, column classification, anonymizing a table.
        .target(name: "SumiTable", dependencies: ["SumiAnonymity", "SumiCore", "SumiText", "SumiTransform", .product(name: "Yams", package: "Yams")]),
        // k-anonymity: generalization hierarchies, lattice search, information loss, risk.
        .target(name: "SumiAnonymity", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Printers: text, JSON Lines, JSON, SARIF.
        .target(name: "SumiOutput", dependencies: ["SumiCore"]),
        // Thin command-line front end.
        .executableTarget(
            name: "sumi",
            dependencies: [
                "SumiAnonymity", "SumiBatch", "SumiCore", "SumiOutput", "SumiTable", "SumiText", "SumiTransform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SumiTextTests", dependencies: ["SumiText"]),
        .testTarget(name: "SumiCoreTests", dependencies: ["SumiCore", "SumiText"]),
        .testTarget(name: "SumiOutputTests", dependencies: ["SumiOutput", "SumiCore"]),
        .testTarget(name: "SumiTransformTests", dependencies: ["SumiTransform", "SumiCore"]),
        .testTarget(name: "SumiBatchTests", dependencies: ["SumiBatch"]),
        .testTarget(name: "SumiTableTests", dependencies: ["SumiTable", "SumiAnonymity", "SumiCore", "SumiText", "SumiTransform"]),
        .testTarget(name: "SumiAnonymityTests", dependencies: ["SumiAnonymity", "SumiText"]),
    ]
)
