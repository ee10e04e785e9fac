// swift-tools-version:5.9
// The Infobip SDK for Swift: the generated InfobipSDK.swift over the Rust core, linked from an
// XCFramework. Both are made by build-xcframework.sh (on a Mac); neither is committed.
import PackageDescription

let package = Package(
    name: "InfobipSDK",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "InfobipSDK", targets: ["InfobipSDK"]),
    ],
    targets: [
        // Static libraries of the Rust core (iOS device, iOS simulator, macOS) with the C header
        // and module map of the FFI module `InfobipFFI`.
        .binaryTarget(name: "InfobipFFI", path: "InfobipFFI.xcframework"),
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
