//! Results built in one pass, from the response bytes to Python objects, by the field plans
//! of their classes ([`crate::plan`]).
//!
//! JSON is read by serde straight into Python values: a field the plan knows becomes its
//! attribute (a nested instance, a list, a dict, an aware `datetime`), a field it does not know
//! is kept in the instance's `_extra` (for `to_dict()`), and `null` leaves the attribute unset
//! (it reads as `None`). Instances are made without calling `__init__` and filled with their
//! attribute dict at once. Reading is lenient: a value of an unexpected type is kept as it is,
//! and a date-time that does not parse is kept as text. Only a polymorphic value (a tag picks
//! its class) or a union (the first variant whose required fields are present) is read into a
//! JSON value first, to look at it before building it.

use std::cell::RefCell;
use std::fmt;
use std::sync::{Mutex, PoisonError};

use chrono::{DateTime, Datelike, FixedOffset, Offset, Timelike};
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyList, PyString};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::plan::{ClassPlan, Kind};

/// Python objects the builder uses on every call.
struct Statics {
    object_new: Py<PyAny>,
    datetime: Py<PyAny>,
    timezone: Py<PyAny>,
    timedelta: Py<PyAny>,
    dict: Py<PyString>,
    extra: Py<PyString>,
    /// `timezone` objects by UTC offset in seconds (the API uses a handful).
    zones: Mutex<Vec<(i32, Py<PyAny>)>>,
}

static STATICS: PyOnceLock<Statics> = PyOnceLock::new();

fn statics(py: Python<'_>) -> PyResult<&'static Statics> {
    STATICS.get_or_try_init(py, || {
        let datetime = py.import("datetime")?;
        let utc = datetime.getattr("timezone")?.getattr("utc")?.unbind();
        Ok(Statics {
            object_new: py.import("builtins")?.getattr("object")?.getattr("__new__")?.unbind(),
            datetime: datetime.getattr("datetime")?.unbind(),
            timezone: datetime.getattr("timezone")?.unbind(),
            timedelta: datetime.getattr("timedelta")?.unbind(),
            dict: PyString::intern(py, "__dict__").unbind(),
            extra: PyString::intern(py, "_extra").unbind(),
            zones: Mutex::new(vec![(0, utc)]),
        })
    })
}

/// Builds the value of `kind` from JSON bytes. `what` names the value in a decode error.
pub(crate) fn from_slice<'py>(py: Python<'py>, kind: &Kind, bytes: &[u8], what: &str) -> PyResult<Bound<'py, PyAny>> {
    let builder = Builder::new(py)?;
    let mut reader = serde_json::Deserializer::from_slice(bytes);
    let built = Seed { b: &builder, kind }.deserialize(&mut reader).and_then(|v| reader.end().map(|()| v));
    builder.finish(built, |e| infobip::http::json_error(bytes, what, &e))
}

/// Builds the value of `kind` from a JSON value.
pub(crate) fn from_value<'py>(py: Python<'py>, kind: &Kind, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    let builder = Builder::new(py)?;
    let built = Seed { b: &builder, kind }.deserialize(value);
    builder.finish(built, |e| infobip::Error::decode(format!("a value: {e}"), None))
}

/// One build: the Python objects it needs, and the first Python error it met (serde errors
/// carry text only, so the error itself waits here).
struct Builder<'py> {
    py: Python<'py>,
    statics: &'static Statics,
    failure: RefCell<Option<PyErr>>,
}

impl<'py> Builder<'py> {
    fn new(py: Python<'py>) -> PyResult<Builder<'py>> {
        let statics = statics(py)?;
        Ok(Builder { py, statics, failure: RefCell::new(None) })
    }

    /// The built value, or the Python error met on the way, or `decode` of serde's error.
    fn finish(
        &self,
        built: Result<Bound<'py, PyAny>, serde_json::Error>,
        decode: impl FnOnce(serde_json::Error) -> infobip::Error,
    ) -> PyResult<Bound<'py, PyAny>> {
        match built {
            Ok(value) => Ok(value),
            Err(error) => {
                Err(self.failure.borrow_mut().take().unwrap_or_else(|| crate::errors::to_py(self.py, decode(error))))
            }
        }
    }

    /// Keeps a Python error for `finish` and gives serde an error to stop with.
    fn fail<E: de::Error>(&self, error: PyErr) -> E {
        let mut failure = self.failure.borrow_mut();
        if failure.is_none() {
            *failure = Some(error);
        }
        E::custom("a Python error")
    }

    fn check<T, E: de::Error>(&self, result: PyResult<T>) -> Result<T, E> {
        result.map_err(|e| self.fail(e))
    }

    fn none(&self) -> Bound<'py, PyAny> {
        self.py.None().into_bound(self.py)
    }

    fn text(&self, text: &str) -> Bound<'py, PyAny> {
        PyString::new(self.py, text).into_any()
    }

    fn number<T: IntoPyObject<'py>, E: de::Error>(&self, value: T) -> Result<Bound<'py, PyAny>, E> {
        value.into_bound_py_any(self.py).map_err(|e| self.fail(e))
    }

    /// An instance of the plan's class holding `fields` as its attributes.
    fn instance<E: de::Error>(&self, plan: &ClassPlan, fields: Bound<'py, PyDict>) -> Result<Bound<'py, PyAny>, E> {
        let made = self.statics.object_new.bind(self.py).call1((plan.class.bind(self.py),)).and_then(|instance| {
            instance.setattr(self.statics.dict.bind(self.py), fields)?;
            Ok(instance)
        });
        self.check(made)
    }

    /// An aware `datetime`, its time zone shared by every value of the same offset.
    fn datetime<E: de::Error>(&self, moment: DateTime<FixedOffset>) -> Result<Bound<'py, PyAny>, E> {
        let made = self.zone(moment.offset().fix().local_minus_utc()).and_then(|zone| {
            let local = moment.naive_local();
            let micro = (local.nanosecond() / 1_000).min(999_999);
            self.statics.datetime.bind(self.py).call1((
                local.year(),
                local.month(),
                local.day(),
                local.hour(),
                local.minute(),
                local.second(),
                micro,
                zone,
            ))
        });
        self.check(made)
    }

    fn zone(&self, seconds: i32) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py;
        let mut zones = self.statics.zones.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, zone)) = zones.iter().find(|(s, _)| *s == seconds) {
            return Ok(zone.bind(py).clone());
        }
        let delta = self.statics.timedelta.bind(py).call1((0, seconds))?;
        let zone = self.statics.timezone.bind(py).call1((delta,))?;
        if zones.len() < 64 {
            zones.push((seconds, zone.clone().unbind()));
        }
        Ok(zone)
    }

    /// A value that had to be looked at first (a polymorphic object, a union).
    fn build_value<E: de::Error>(&self, kind: &Kind, value: &Value) -> Result<Bound<'py, PyAny>, E> {
        Seed { b: self, kind }.deserialize(value).map_err(|e| E::custom(e))
    }

    /// A polymorphic object: the class its tag maps to, else the base.
    fn tagged<E: de::Error>(&self, plan: &ClassPlan, value: &Value) -> Result<Bound<'py, PyAny>, E> {
        let Some((property, mapping)) = &plan.tag else { return self.untagged(plan, value) };
        let tag = value.get(property).and_then(Value::as_str);
        let Some((_, cell)) = tag.and_then(|tag| mapping.iter().find(|(v, _)| v == tag)) else {
            return self.untagged(plan, value);
        };
        let target = self.check(cell.plan(self.py))?;
        self.untagged(target, value)
    }

    /// An object built by its plan without looking at its tag.
    fn untagged<E: de::Error>(&self, plan: &ClassPlan, value: &Value) -> Result<Bound<'py, PyAny>, E> {
        value.deserialize_any(ObjectVisitor { b: self, plan }).map_err(|e| E::custom(e))
    }
}

/// The seed of a value of `kind`.
#[derive(Clone, Copy)]
struct Seed<'b, 'py> {
    b: &'b Builder<'py>,
    kind: &'b Kind,
}

impl<'de, 'py> DeserializeSeed<'de> for Seed<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let b = self.b;
        match self.kind {
            Kind::Any => d.deserialize_any(AnyVisitor { b }),
            Kind::DateTime => d.deserialize_any(DateTimeVisitor { b }),
            Kind::List(item) => d.deserialize_any(ListVisitor { b, item }),
            Kind::Map(item) => d.deserialize_any(MapVisitor { b, item }),
            Kind::Object(cell) => {
                let plan = b.check(cell.plan(b.py))?;
                if plan.tag.is_some() {
                    let value = <Value as serde::Deserialize>::deserialize(d)?;
                    if value.is_object() { b.tagged(plan, &value) } else { b.build_value(&Kind::Any, &value) }
                } else {
                    d.deserialize_any(ObjectVisitor { b, plan })
                }
            }
            Kind::Union(variants) => {
                let value = <Value as serde::Deserialize>::deserialize(d)?;
                match variants.iter().find(|(test, _)| test.matches(&value)) {
                    Some((_, kind)) => b.build_value(kind, &value),
                    None => b.build_value(&Kind::Any, &value),
                }
            }
        }
    }
}

/// The visit methods of scalars, building them as they are (every visitor is lenient).
macro_rules! scalars {
    () => {
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(PyBool::new(self.b.py, v).to_owned().into_any())
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            self.b.number(v)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            self.b.number(v)
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            self.b.number(v)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(self.b.text(v))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(self.b.none())
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(self.b.none())
        }
    };
}

/// A list or dict where a scalar or another shape was expected: built as it is.
macro_rules! shapes_as_they_are {
    () => {
        fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            AnyVisitor { b: self.b }.visit_seq(seq)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            AnyVisitor { b: self.b }.visit_map(map)
        }
    };
}

struct AnyVisitor<'b, 'py> {
    b: &'b Builder<'py>,
}

impl<'de, 'py> Visitor<'de> for AnyVisitor<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    scalars!();

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        list(self.b, seq, &Kind::Any)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        dict(self.b, map, &Kind::Any)
    }
}

fn list<'de, 'py, A: SeqAccess<'de>>(b: &Builder<'py>, mut seq: A, item: &Kind) -> Result<Bound<'py, PyAny>, A::Error> {
    let list = PyList::empty(b.py);
    while let Some(value) = seq.next_element_seed(Seed { b, kind: item })? {
        b.check(list.append(value))?;
    }
    Ok(list.into_any())
}

fn dict<'de, 'py, A: MapAccess<'de>>(b: &Builder<'py>, mut map: A, item: &Kind) -> Result<Bound<'py, PyAny>, A::Error> {
    let dict = PyDict::new(b.py);
    while let Some(key) = map.next_key_seed(KeySeed)? {
        let value = map.next_value_seed(Seed { b, kind: item })?;
        b.check(dict.set_item(key.as_str(), value))?;
    }
    Ok(dict.into_any())
}

struct DateTimeVisitor<'b, 'py> {
    b: &'b Builder<'py>,
}

impl<'de, 'py> Visitor<'de> for DateTimeVisitor<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date-time")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        AnyVisitor { b: self.b }.visit_bool(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        match infobip::time::from_epoch_millis(v) {
            Ok(moment) => self.b.datetime(moment),
            Err(_) => self.b.number(v),
        }
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        match i64::try_from(v) {
            Ok(v) => self.visit_i64(v),
            Err(_) => self.b.number(v),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        self.b.number(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        match infobip::time::parse(v) {
            Ok(moment) => self.b.datetime(moment),
            Err(_) => Ok(self.b.text(v)),
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.b.none())
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(self.b.none())
    }

    shapes_as_they_are!();
}

struct ListVisitor<'b, 'py> {
    b: &'b Builder<'py>,
    item: &'b Kind,
}

impl<'de, 'py> Visitor<'de> for ListVisitor<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    scalars!();

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        list(self.b, seq, self.item)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        AnyVisitor { b: self.b }.visit_map(map)
    }
}

struct MapVisitor<'b, 'py> {
    b: &'b Builder<'py>,
    item: &'b Kind,
}

impl<'de, 'py> Visitor<'de> for MapVisitor<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    scalars!();

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        AnyVisitor { b: self.b }.visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        dict(self.b, map, self.item)
    }
}

struct ObjectVisitor<'b, 'py> {
    b: &'b Builder<'py>,
    plan: &'b ClassPlan,
}

impl<'de, 'py> Visitor<'de> for ObjectVisitor<'_, 'py> {
    type Value = Bound<'py, PyAny>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    scalars!();

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        AnyVisitor { b: self.b }.visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (b, plan) = (self.b, self.plan);
        let py = b.py;
        let fields = PyDict::new(py);
        let mut extra: Option<Bound<'py, PyDict>> = None;
        // Fields mostly arrive in the order the plan lists them: try the next one first.
        let mut next = 0;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let key = key.as_str();
            let at = match plan.fields.get(next) {
                Some(field) if field.wire == key => Some(next),
                _ => plan.index.get(key).copied(),
            };
            match at {
                Some(at) => {
                    next = at + 1;
                    let field = &plan.fields[at];
                    let value = map.next_value_seed(Seed { b, kind: &field.kind })?;
                    if !value.is_none() {
                        b.check(fields.set_item(field.attr.bind(py), value))?;
                    }
                }
                None => {
                    let value = map.next_value_seed(Seed { b, kind: &Kind::Any })?;
                    let extra = extra.get_or_insert_with(|| PyDict::new(py));
                    b.check(extra.set_item(key, value))?;
                }
            }
        }
        if let Some(extra) = extra {
            b.check(fields.set_item(b.statics.extra.bind(py), extra))?;
        }
        b.instance(plan, fields)
    }
}

/// An object key, borrowed from the input when it can be.
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(text) => text,
            Key::Owned(text) => text,
        }
    }
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Key::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Key::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Key::Owned(v))
    }
}
