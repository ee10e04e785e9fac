// swift-tools-version:5.9
// The Infobip SDK for Swift: the generated InfobipSDK.swift over the Rust core, linked from an
// XCFramework (the FFI module `InfobipFFI`).
//
// Released, the package is published on its own, as matrix-rust-components-swift is: this file
// with the two constants below filled in, the generated sources and the licences
// (packaging/swift.sh). Its XCFramework is the zip attached to the GitHub release of that
// version, pinned by its checksum: `.binaryTarget(url:checksum:)`.
// In development (`releaseChecksum` empty) it is the XCFramework build-xcframework.sh builds here
// on a Mac; neither it nor the generated sources are committed.
import PackageDescription

let releaseVersion = ""
let releaseChecksum = ""

let ffi: Target = releaseChecksum.isEmpty
    ? .binaryTarget(name: "InfobipFFI", path: "InfobipFFI.xcframework")
    : .binaryTarget(
        name: "InfobipFFI",
        url: "https://github.com/infobip-sdk/infobip-sdk/releases/download/v\(releaseVersion)/InfobipFFI.xcframework.zip",
        checksum: releaseChecksum
    )

let package = Package(
    name: "InfobipSDK",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "InfobipSDK", targets: ["InfobipSDK"]),
    ],
    targets: [
        // Static libraries of the Rust core (iOS device, iOS simulator, macOS) with the C header
        // and module map of the FFI module `InfobipFFI`.
        ffi,
        // The uniffi-generated Swift sources (module `InfobipSDK`).
        .target(
            name: "InfobipSDK",
            dependencies: ["InfobipFFI"],
            path: "Sources/InfobipSDK",
            linkerSettings: [.linkedFramework("SystemConfiguration"), .linkedFramework("Security")]
        ),
        // XCTest suite against the emulator (INFOBIP_EMULATOR = path of the infobip-emulator binary).
        .testTarget(name: "InfobipSDKTests", dependencies: ["InfobipSDK"], path: "Tests/InfobipSDKTests"),
    ]
)
