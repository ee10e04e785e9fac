//! Message statuses and errors, and Infobip's general status and error code tables.
//!
//! The tables are compiled into the crate from `core/data/sms-status-codes.json` (34 rows) and
//! `core/data/sms-error-codes.json` (146 rows), copies of Infobip's published general status and
//! error code lists. They fill in what a report leaves out: the group of a status known only by
//! id, and whether an error is permanent.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::open_enum::open_enum;

open_enum! {
    /// The group of a message status: what the status means for the message.
    StatusGroup {
        /// Accepted by the platform, not yet processed.
        Accepted = "ACCEPTED",
        /// On its way; not final.
        Pending = "PENDING",
        /// Could not be delivered (final).
        Undeliverable = "UNDELIVERABLE",
        /// Delivered to the operator or the handset (final).
        Delivered = "DELIVERED",
        /// Its validity ran out, or the delivery report never came (final).
        Expired = "EXPIRED",
        /// Refused by Infobip or the operator (final).
        Rejected = "REJECTED",
    }
}

impl StatusGroup {
    /// The group for a documented group id (0 to 5).
    pub fn from_id(id: i32) -> Option<StatusGroup> {
        Some(match id {
            0 => StatusGroup::Accepted,
            1 => StatusGroup::Pending,
            2 => StatusGroup::Undeliverable,
            3 => StatusGroup::Delivered,
            4 => StatusGroup::Expired,
            5 => StatusGroup::Rejected,
            _ => return None,
        })
    }

    /// Whether a message in this group will not change status any more.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            StatusGroup::Undeliverable | StatusGroup::Delivered | StatusGroup::Expired | StatusGroup::Rejected
        )
    }
}

open_enum! {
    /// The group of a message error.
    ErrorGroup {
        /// No error.
        Ok = "OK",
        /// A problem with the handset or the subscriber.
        HandsetErrors = "HANDSET_ERRORS",
        /// A problem with the request or the account.
        UserErrors = "USER_ERRORS",
        /// A problem at the operator.
        OperatorErrors = "OPERATOR_ERRORS",
    }
}

/// The status of a message, as sends, reports and logs give it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Status {
    /// The status group's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<i32>,
    /// The status group's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<StatusGroup>,
    /// The status id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The status name, e.g. `PENDING_ACCEPTED` (an open set: key logic on the group).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A human-readable description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What to do about it, when something went wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

impl Status {
    /// The status group: the group name given, else the group id, else the group of the status
    /// id in Infobip's table, else `Unknown` (with the name given, if any).
    pub fn group(&self) -> StatusGroup {
        self.group_name
            .clone()
            .or_else(|| self.group_id.and_then(StatusGroup::from_id))
            .or_else(|| self.id.and_then(status_code).map(|row| row.group_name.clone()))
            .unwrap_or_else(|| StatusGroup::Unknown(self.name.clone().unwrap_or_default()))
    }
}

/// An error of a message, as reports and logs give it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MessageError {
    /// The error group's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<i32>,
    /// The error group's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<ErrorGroup>,
    /// The error id (0 is no error).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The error name, e.g. `EC_ABSENT_SUBSCRIBER`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A human-readable description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether sending the same message again, unchanged, fails the same way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permanent: Option<bool>,
}

impl MessageError {
    /// Whether sending the same message again, unchanged, would fail the same way: the
    /// `permanent` flag given, else Infobip's table for the error id, else `false`.
    pub fn is_permanent(&self) -> bool {
        self.permanent.or_else(|| self.id.and_then(error_code).map(|row| row.permanent)).unwrap_or(false)
    }

    /// Whether this is an error at all (id 0 / `NO_ERROR` is not).
    pub fn is_error(&self) -> bool {
        self.id.is_some_and(|id| id != 0) || self.name.as_deref().is_some_and(|n| n != "NO_ERROR")
    }
}

/// A row of Infobip's general status code table.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusCode {
    /// The group id.
    pub group_id: i32,
    /// The group.
    pub group_name: StatusGroup,
    /// The status id.
    pub id: i32,
    /// The status name.
    pub name: String,
    /// What it means.
    pub description: String,
}

/// A row of Infobip's general error code table.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorCode {
    /// The group id.
    pub group_id: i32,
    /// The group.
    pub group_name: ErrorGroup,
    /// The error id.
    pub id: i32,
    /// The error name.
    pub name: String,
    /// Whether sending the same message again fails the same way.
    pub permanent: bool,
    /// What it means.
    pub description: String,
}

/// Every row of the general status code table.
pub fn status_codes() -> &'static [StatusCode] {
    static TABLE: OnceLock<Vec<StatusCode>> = OnceLock::new();
    TABLE.get_or_init(|| serde_json::from_str(include_str!("../../data/sms-status-codes.json")).unwrap_or_default())
}

/// Every row of the general error code table.
pub fn error_codes() -> &'static [ErrorCode] {
    static TABLE: OnceLock<Vec<ErrorCode>> = OnceLock::new();
    TABLE.get_or_init(|| serde_json::from_str(include_str!("../../data/sms-error-codes.json")).unwrap_or_default())
}

/// The status with this id in the general table (the first row, where an id repeats).
pub fn status_code(id: i32) -> Option<&'static StatusCode> {
    status_codes().iter().find(|row| row.id == id)
}

/// The error with this id in the general table.
pub fn error_code(id: i32) -> Option<&'static ErrorCode> {
    error_codes().iter().find(|row| row.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_compiled_in_and_complete() {
        assert_eq!(status_codes().len(), 34);
        assert_eq!(error_codes().len(), 146);
        assert!(status_codes().iter().all(|row| !matches!(row.group_name, StatusGroup::Unknown(_))));
        assert!(error_codes().iter().all(|row| !matches!(row.group_name, ErrorGroup::Unknown(_))));
        assert_eq!(status_code(26).map(|r| r.name.as_str()), Some("PENDING_ACCEPTED"));
        assert_eq!(error_code(1).map(|r| r.permanent), Some(true));
    }

    #[test]
    fn group_falls_back_to_id_then_table() {
        let by_name: Status = serde_json::from_str(r#"{"groupName":"DELIVERED","groupId":1}"#).unwrap();
        assert_eq!(by_name.group(), StatusGroup::Delivered);
        let by_group_id: Status = serde_json::from_str(r#"{"groupId":5}"#).unwrap();
        assert_eq!(by_group_id.group(), StatusGroup::Rejected);
        let by_id: Status = serde_json::from_str(r#"{"id":15}"#).unwrap();
        assert_eq!(by_id.group(), StatusGroup::Expired);
        assert!(by_id.group().is_final());
        let unknown: Status = serde_json::from_str(r#"{"groupName":"QUEUED","name":"QUEUED_X"}"#).unwrap();
        assert_eq!(unknown.group(), StatusGroup::Unknown("QUEUED".into()));
        let empty = Status { name: Some("ODD".into()), ..Status::default() };
        assert_eq!(empty.group(), StatusGroup::Unknown("ODD".into()));
    }

    #[test]
    fn permanence_from_flag_then_table() {
        let flagged: MessageError = serde_json::from_str(r#"{"id":1,"permanent":false}"#).unwrap();
        assert!(!flagged.is_permanent());
        let by_table: MessageError = serde_json::from_str(r#"{"id":5492,"groupName":"Ok"}"#).unwrap();
        assert!(by_table.is_permanent());
        assert_eq!(by_table.group_name, Some(ErrorGroup::Ok));
        assert!(!MessageError::default().is_permanent());
        assert!(by_table.is_error());
        let none: MessageError = serde_json::from_str(r#"{"id":0,"name":"NO_ERROR"}"#).unwrap();
        assert!(!none.is_error());
    }
}
