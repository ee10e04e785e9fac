//! `uniffi-bindgen`: generates Kotlin and Swift sources from the built `infobip-uniffi` library.
//! It lives in the workspace so that its uniffi version is exactly the library's.
//! See `bindings-uniffi/generate.sh`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
