//! A stateful local emulator of the Infobip HTTP API (work in progress).
