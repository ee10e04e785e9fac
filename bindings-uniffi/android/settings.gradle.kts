// The Android library (AAR) of the Infobip SDK: the uniffi-generated Kotlin (../generated/kotlin)
// plus libinfobip_uniffi.so for arm64-v8a, armeabi-v7a, x86_64 and x86, with JNA as an AAR.
// Build it with ./build-android.sh (needs the Android NDK; see ../README.md).
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}
dependencyResolutionManagement {
    repositories {
        google()
        mavenCentral()
    }
}
rootProject.name = "infobip-sdk-android"
