//! Any `Serialize` type becomes a [`Json`] value (for saving, exporting and hashing).

use std::fmt;

use serde::Serialize;
use serde::Serializer;
use serde::ser::{SerializeMap, SerializeSeq};

use super::Json;

/// A value could not become JSON: a map key that is not a string or a number, or a custom
/// `Serialize` impl that failed (none of this crate's types can do either). Carries no text:
/// a zero-sized error keeps every serializer call small in the wasm module.
#[derive(Debug)]
pub struct ToJsonError;

impl fmt::Display for ToJsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "a value cannot be represented as JSON (a map key that is not a string?): a bug in swanilai, please report it with the input",
        )
    }
}

impl std::error::Error for ToJsonError {}

impl serde::ser::Error for ToJsonError {
    fn custom<T: fmt::Display>(_: T) -> Self {
        ToJsonError
    }
}

/// Converts any serializable value into a [`Json`] value.
///
/// # Errors
/// Only when the value's own `Serialize` implementation fails, or a map key is not a string.
///
/// ```
/// use swanilai::{json::to_json, Assessment, Value};
/// let mut a = Assessment::new("spbe-2020", "2020.1");
/// a.set_value("spbe-01", Value::Number(3.0));
/// let j = to_json(&a).unwrap();
/// assert_eq!(swanilai::export::canonical(&j),
///     r#"{"setId":"spbe-2020","setVersion":"2020.1","region":{"name":"","code":"","period":"","assessor":""},"answers":{"spbe-01":{"value":3}}}"#);
/// ```
pub fn to_json<T: Serialize + ?Sized>(v: &T) -> Result<Json, ToJsonError> {
    v.serialize(ToJson)
}

struct ToJson;

/// Collects the items of a sequence, map or struct.
#[doc(hidden)]
pub struct Collect {
    items: Vec<Json>,
    pairs: Vec<(String, Json)>,
    key: Option<String>,
    variant: Option<&'static str>,
}

impl Collect {
    fn new(variant: Option<&'static str>) -> Collect {
        Collect {
            items: Vec::new(),
            pairs: Vec::new(),
            key: None,
            variant,
        }
    }

    /// One struct field (not inlined: every field of every type calls it).
    #[inline(never)]
    fn field(&mut self, key: &'static str, v: Json) {
        self.pairs.push((key.to_string(), v));
    }

    fn wrap(self, v: Json) -> Json {
        match self.variant {
            Some(name) => Json::Object(vec![(name.to_string(), v)]),
            None => v,
        }
    }
}

impl Serializer for ToJson {
    type Ok = Json;
    type Error = ToJsonError;
    type SerializeSeq = Collect;
    type SerializeTuple = Collect;
    type SerializeTupleStruct = Collect;
    type SerializeTupleVariant = Collect;
    type SerializeMap = Collect;
    type SerializeStruct = Collect;
    type SerializeStructVariant = Collect;

    fn serialize_bool(self, v: bool) -> Result<Json, ToJsonError> {
        Ok(Json::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Json, ToJsonError> {
        Ok(Json::Number(f64::from(v)))
    }
    fn serialize_i16(self, v: i16) -> Result<Json, ToJsonError> {
        Ok(Json::Number(f64::from(v)))
    }
    fn serialize_i32(self, v: i32) -> Result<Json, ToJsonError> {
        Ok(Json::Number(f64::from(v)))
    }
    fn serialize_i64(self, v: i64) -> Result<Json, ToJsonError> {
        Ok(Json::Number(v as f64))
    }
    fn serialize_u8(self, v: u8) -> Result<Json, ToJsonError> {
        Ok(Json::Number(f64::from(v)))
    }
    fn serialize_u16(self, v: u16) -> Result<Json, ToJsonError> {
        Ok(Json::Number(f64::from(v)))
    }
    fn serialize_u32(self, v: u32) -> Result<Json, ToJsonError> {
        Ok(Json::Number(f64::from(v)))
    }
    fn serialize_u64(self, v: u64) -> Result<Json, ToJsonError> {
        Ok(Json::Number(v as f64))
    }
    fn serialize_f32(self, v: f32) -> Result<Json, ToJsonError> {
        Ok(Json::Number(f64::from(v)))
    }
    fn serialize_f64(self, v: f64) -> Result<Json, ToJsonError> {
        Ok(Json::Number(v))
    }
    fn serialize_char(self, v: char) -> Result<Json, ToJsonError> {
        Ok(Json::String(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Json, ToJsonError> {
        Ok(Json::String(v.to_string()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Json, ToJsonError> {
        Ok(Json::Array(
            v.iter().map(|b| Json::Number(f64::from(*b))).collect(),
        ))
    }
    fn serialize_none(self) -> Result<Json, ToJsonError> {
        Ok(Json::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<Json, ToJsonError> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<Json, ToJsonError> {
        Ok(Json::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Json, ToJsonError> {
        Ok(Json::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Json, ToJsonError> {
        Ok(Json::String(variant.to_string()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<Json, ToJsonError> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<Json, ToJsonError> {
        Ok(Json::Object(vec![(
            variant.to_string(),
            v.serialize(self)?,
        )]))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Collect, ToJsonError> {
        Ok(Collect::new(None))
    }
    fn serialize_tuple(self, _: usize) -> Result<Collect, ToJsonError> {
        Ok(Collect::new(None))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Collect, ToJsonError> {
        Ok(Collect::new(None))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Collect, ToJsonError> {
        Ok(Collect::new(Some(variant)))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Collect, ToJsonError> {
        Ok(Collect::new(None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Collect, ToJsonError> {
        Ok(Collect::new(None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Collect, ToJsonError> {
        Ok(Collect::new(Some(variant)))
    }
}

impl SerializeSeq for Collect {
    type Ok = Json;
    type Error = ToJsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), ToJsonError> {
        self.items.push(v.serialize(ToJson)?);
        Ok(())
    }
    fn end(self) -> Result<Json, ToJsonError> {
        Ok(Json::Array(self.items))
    }
}

impl serde::ser::SerializeTuple for Collect {
    type Ok = Json;
    type Error = ToJsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), ToJsonError> {
        SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<Json, ToJsonError> {
        SerializeSeq::end(self)
    }
}

impl serde::ser::SerializeTupleStruct for Collect {
    type Ok = Json;
    type Error = ToJsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), ToJsonError> {
        SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<Json, ToJsonError> {
        SerializeSeq::end(self)
    }
}

impl serde::ser::SerializeTupleVariant for Collect {
    type Ok = Json;
    type Error = ToJsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), ToJsonError> {
        SerializeSeq::serialize_element(self, v)
    }
    fn end(mut self) -> Result<Json, ToJsonError> {
        let items = Json::Array(std::mem::take(&mut self.items));
        Ok(self.wrap(items))
    }
}

impl SerializeMap for Collect {
    type Ok = Json;
    type Error = ToJsonError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), ToJsonError> {
        match k.serialize(ToJson)? {
            Json::String(s) => self.key = Some(s),
            Json::Number(n) => self.key = Some(crate::num::display(n)),
            _ => return Err(ToJsonError),
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), ToJsonError> {
        let k = self.key.take().unwrap_or_default();
        self.pairs.push((k, v.serialize(ToJson)?));
        Ok(())
    }
    fn end(self) -> Result<Json, ToJsonError> {
        Ok(Json::Object(self.pairs))
    }
}

impl serde::ser::SerializeStruct for Collect {
    type Ok = Json;
    type Error = ToJsonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), ToJsonError> {
        let v = v.serialize(ToJson)?;
        self.field(key, v);
        Ok(())
    }
    fn end(self) -> Result<Json, ToJsonError> {
        Ok(Json::Object(self.pairs))
    }
}

impl serde::ser::SerializeStructVariant for Collect {
    type Ok = Json;
    type Error = ToJsonError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), ToJsonError> {
        let v = v.serialize(ToJson)?;
        self.field(key, v);
        Ok(())
    }
    fn end(mut self) -> Result<Json, ToJsonError> {
        let obj = Json::Object(std::mem::take(&mut self.pairs));
        Ok(self.wrap(obj))
    }
}
