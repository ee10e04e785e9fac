//! The generator's model of the API: what every language's emitter reads.
//!
//! Built once from `spec/` (see [`crate::lower`]), with every name already chosen (unique within
//! its product, in each language's case), so no emitter names anything on its own and all
//! languages agree. `infobip-codegen ir` prints it as JSON.

use serde::Serialize;

/// Every product of `spec/`, in file order.
#[derive(Debug, Serialize)]
pub struct Api {
    /// The products.
    pub products: Vec<Product>,
}

/// One spec file: a namespace in every language.
#[derive(Debug, Serialize)]
pub struct Product {
    /// The spec file's stem without `infobip-`/`-openapi` (`messages-api`, `2fa`): the catalog's
    /// product name.
    pub key: String,
    /// The spec file name.
    pub file: String,
    /// Namespace in snake_case (`messages_api`, `tfa`).
    pub snake: String,
    /// Namespace in camelCase (`messagesApi`, `tfa`).
    pub camel: String,
    /// Namespace in PascalCase (`MessagesApi`, `Tfa`): the handle type's name.
    pub pascal: String,
    /// The spec's title.
    pub title: String,
    /// Operations in spec order (path order, then method order).
    pub operations: Vec<Operation>,
    /// Types, indexed by [`TypeId`].
    pub types: Vec<TypeDef>,
    /// Webhook events (the spec's `webhooks` section), in spec order.
    pub webhooks: Vec<Webhook>,
}

/// Index of a type in its product's [`Product::types`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct TypeId(pub usize);

/// A named type.
#[derive(Debug, Serialize)]
pub struct TypeDef {
    /// PascalCase, unique within the product (among types and request types).
    pub name: String,
    /// What the spec says of it (may be empty).
    pub doc: String,
    /// Where it comes from: a component's name, or the place an inline schema sits
    /// (`send-sms-messages body`, `Message.content`).
    pub source: String,
    /// Its shape.
    pub kind: TypeKind,
}

/// The shape of a named type.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TypeKind {
    /// An object with known fields. A polymorphic base has a `discriminator`; its subtypes
    /// name it as `parent` and repeat its fields first.
    Object {
        /// Fields in spec order (a subtype's inherited fields first).
        fields: Vec<Field>,
        /// The value type of keys beyond the fields, when the spec allows them with a schema.
        additional: Option<Ty>,
        /// The polymorphic base this type extends.
        parent: Option<TypeId>,
        /// For a polymorphic base: which property tells the subtypes apart and how.
        discriminator: Option<Discriminator>,
    },
    /// A string with known values; other values are kept (open enum).
    Enum {
        /// The values the spec lists.
        values: Vec<String>,
    },
    /// One of several shapes without a property that tells them apart (`oneOf`/`anyOf`).
    /// Readers pick the first variant whose required fields are all present.
    Union {
        /// The shapes, in spec order.
        variants: Vec<Ty>,
    },
}

/// How a polymorphic base tells its subtypes apart.
#[derive(Debug, Serialize)]
pub struct Discriminator {
    /// The wire name of the property holding the tag.
    pub property: String,
    /// Tag value → subtype, in spec order. An unknown tag reads as the base itself.
    pub mapping: Vec<(String, TypeId)>,
}

/// A field of an object type.
#[derive(Debug, Serialize)]
pub struct Field {
    /// The name on the wire (`bulkId`).
    pub wire: String,
    /// snake_case identifier (`bulk_id`); languages add their keyword escapes.
    pub snake: String,
    /// camelCase identifier (`bulkId`).
    pub camel: String,
    /// What the spec says of it (first paragraph).
    pub doc: String,
    /// Its type.
    pub ty: Ty,
    /// Whether the spec requires it (in requests; results are read leniently).
    pub required: bool,
    /// Whether `null` is a valid value.
    pub nullable: bool,
    /// Whether the spec marks it deprecated.
    pub deprecated: bool,
    /// Only in answers (`readOnly`).
    pub read_only: bool,
}

/// A type reference.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "t", content = "of", rename_all = "snake_case")]
pub enum Ty {
    /// Text.
    String,
    /// A whole number (64-bit where the spec says `int64` or nothing, else 32-bit).
    Integer {
        /// 32 or 64.
        bits: u8,
    },
    /// A floating-point number.
    Number,
    /// `true`/`false`.
    Boolean,
    /// An Infobip date-time (`2026-01-01T10:00:00.000+0000`; read leniently).
    DateTime,
    /// A calendar date (`2026-01-01`), kept as text.
    Date,
    /// A file's bytes (multipart parts, octet-stream bodies).
    Binary,
    /// Any JSON value (the spec does not describe it).
    Any,
    /// A string from a small inline list; other values are kept (open).
    Literal(Vec<String>),
    /// A list.
    List(Box<Ty>),
    /// A map from the caller's own keys.
    Map(Box<Ty>),
    /// A named type of the same product.
    Named(TypeId),
}

/// One operation: a method in every language.
#[derive(Debug, Serialize)]
pub struct Operation {
    /// The spec's `operationId` as the catalog knows it.
    pub id: String,
    /// Method name, snake_case (`send_whatsapp_template_message`).
    pub snake: String,
    /// Method name, camelCase (`sendWhatsappTemplateMessage`).
    pub camel: String,
    /// PascalCase (`SendWhatsappTemplateMessage`), for per-operation type names.
    pub pascal: String,
    /// HTTP method, upper case.
    pub method: String,
    /// Path template.
    pub path: String,
    /// One line.
    pub summary: String,
    /// The description's first paragraph.
    pub doc: String,
    /// Whether the spec marks it deprecated.
    pub deprecated: bool,
    /// The operation that replaces it (id), if the spec names one.
    pub successor: Option<String>,
    /// Path, query and header parameters, in spec order.
    pub params: Vec<Param>,
    /// The request body.
    pub body: Option<Body>,
    /// What a success returns.
    pub response: Response,
    /// How it pages, when it does.
    pub paging: Option<Paging>,
    /// Request type name (`SendWhatsappTemplateMessageRequest`), unique within the product,
    /// for languages that gather the arguments in one type.
    pub request_type: String,
}

/// Where a parameter goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Location {
    /// The path template.
    Path,
    /// The query string.
    Query,
    /// A header.
    Header,
}

/// A parameter.
#[derive(Debug, Serialize)]
pub struct Param {
    /// Its name on the wire.
    pub wire: String,
    /// snake_case identifier.
    pub snake: String,
    /// camelCase identifier.
    pub camel: String,
    /// Where it goes.
    pub location: Location,
    /// Whether it must be given.
    pub required: bool,
    /// Its type (a list repeats in the query).
    pub ty: Ty,
    /// What the spec says of it.
    pub doc: String,
}

/// A request body.
#[derive(Debug, Serialize)]
pub struct Body {
    /// The content type sent (`application/json` when offered).
    pub content_type: String,
    /// Whether it must be sent.
    pub required: bool,
    /// Its type.
    pub ty: Ty,
    /// When the body is an object whose fields can sit beside the parameters as arguments
    /// (no name clashes with a parameter): that object type.
    pub flatten: Option<TypeId>,
}

/// What a success answers.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Response {
    /// A JSON body of this type.
    Json {
        /// The documented success status.
        status: u16,
        /// The body's type.
        ty: Ty,
    },
    /// No body.
    Empty {
        /// The documented success status.
        status: u16,
    },
    /// A file (bytes with a content type and maybe a file name).
    File {
        /// The documented success status.
        status: u16,
        /// The content types the spec declares (`*/*`, `application/pdf`, …).
        content_types: Vec<String>,
    },
    /// Text that is not JSON (`text/plain`, `text/csv` handled as files, XML only offered).
    Text {
        /// The documented success status.
        status: u16,
        /// The content types the spec declares.
        content_types: Vec<String>,
    },
}

/// How an operation pages.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Paging {
    /// A cursor: the answer carries the next page's cursor, sent back as a query parameter.
    Cursor {
        /// The query parameter taking the cursor.
        param: String,
        /// Wire names leading to the next cursor in the answer (`["cursor", "nextCursor"]`).
        next: Vec<String>,
        /// The answer's field holding the page's items.
        items: String,
        /// A boolean query parameter that turns cursor paging on (`useCursor`), sent `true`.
        flag: Option<String>,
    },
    /// Numbered pages.
    Page {
        /// The query parameter taking the page number.
        param: String,
        /// The query parameter taking the page size, if any.
        size: Option<String>,
        /// The first page's number (0 or 1, from the parameter's default).
        first: i64,
        /// The answer's field holding the page's items.
        items: String,
    },
}

/// A webhook event Infobip pushes.
#[derive(Debug, Serialize)]
pub struct Webhook {
    /// The key in the spec's `webhooks` section (`receive-whatsapp-delivery-reports`).
    pub key: String,
    /// snake_case of the key (`receive_whatsapp_delivery_reports`).
    pub snake: String,
    /// camelCase of the key.
    pub camel: String,
    /// PascalCase of the key.
    pub pascal: String,
    /// One line.
    pub summary: String,
    /// The pushed body's content type.
    pub content_type: String,
    /// The pushed body's type.
    pub ty: Ty,
}
