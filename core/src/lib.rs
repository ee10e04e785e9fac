//! Infobip SDK core.
