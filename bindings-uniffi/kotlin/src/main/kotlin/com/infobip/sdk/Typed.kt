// What the generated typed layer (`com.infobip.sdk.<product>`, written by `infobip-codegen emit
// kotlin` at build time) stands on: the one operation path (`call` and `pages` of the native
// client, with the parameters as JSON and the answer as bytes), reading answers with
// kotlinx.serialization, Infobip date-times, results that carry their HTTP response, and the
// serializers of polymorphic types and unions.
package com.infobip.sdk

import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.serialization.DeserializationStrategy
import kotlinx.serialization.KSerializer
import kotlinx.serialization.SerializationException
import kotlinx.serialization.builtins.ListSerializer
import kotlinx.serialization.builtins.MapSerializer
import kotlinx.serialization.builtins.serializer
import kotlinx.serialization.descriptors.PrimitiveKind
import kotlinx.serialization.descriptors.PrimitiveSerialDescriptor
import kotlinx.serialization.descriptors.SerialDescriptor
import kotlinx.serialization.descriptors.buildClassSerialDescriptor
import kotlinx.serialization.encoding.Decoder
import kotlinx.serialization.encoding.Encoder
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonDecoder
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonEncoder
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.contentOrNull
import kotlinx.serialization.json.doubleOrNull
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.OffsetDateTime
import java.time.ZoneOffset
import java.time.format.DateTimeFormatter

/** Marks a generated method with the operation it calls (`pages = true` for its `Flow` of items). */
@Target(AnnotationTarget.FUNCTION)
@Retention(AnnotationRetention.RUNTIME)
annotation class InfobipOperation(val id: String, val pages: Boolean = false)

/** Every generated model: its JSON, and the HTTP response it came in (when it is an answer). */
interface InfobipModel {
    /** The HTTP response (status, headers, request id, body) this object was read from; `null` for objects you built. */
    var httpResponse: RawResponse?

    /** This object as the API's JSON. */
    fun toJsonElement(): JsonElement

    /** This object as the API's JSON text. */
    fun toJson(): String = toJsonElement().toString()
}

/** The base class of generated objects. */
abstract class ApiModel : InfobipModel {
    @kotlinx.serialization.Transient
    override var httpResponse: RawResponse? = null
}

/** An answer that is a JSON array: a `List` of its items, with the HTTP response beside. */
class ApiList<T>(items: List<T>, val httpResponse: RawResponse) : List<T> by items {
    override fun toString(): String = "ApiList(${joinToString()})"
}

/** An answer that is a JSON object of the caller's keys: a `Map`, with the HTTP response beside. */
class ApiMap<V>(private val delegate: Map<String, V>, val httpResponse: RawResponse) : Map<String, V> by delegate {
    override fun toString(): String = "ApiMap($delegate)"
}

/** An answer that is a single value (text, a number, untyped JSON), with the HTTP response. */
data class ApiValue<T>(val value: T, val httpResponse: RawResponse)

/** A downloaded file: its bytes, content type and file name (from `Content-Disposition`). */
class FileDownload(val httpResponse: RawResponse) {
    /** The file's bytes. */
    val bytes: ByteArray get() = httpResponse.body

    /** The `Content-Type` the API gave. */
    val contentType: String? get() = httpResponse.headers["content-type"]

    /** The file name of `Content-Disposition`, when given. */
    val fileName: String?
        get() = httpResponse.headers["content-disposition"]?.let { Regex("filename=\"?([^\";]+)\"?").find(it)?.groupValues?.get(1) }
}

/** The JSON configuration and the calls every generated method makes. */
object Wire {
    /**
     * How answers are read: unknown fields are ignored, an absent field is `null` (or an empty
     * list), a value of an unknown enum is kept; `null`s are not written.
     */
    val json: Json = Json {
        ignoreUnknownKeys = true
        explicitNulls = false
        coerceInputValues = true
        isLenient = true
        encodeDefaults = false
    }

    /** Reads an answer's body as `T` (an empty body as `null`/`{}`). */
    fun <T> decode(response: RawResponse, deserializer: DeserializationStrategy<T>, empty: String = "{}"): T {
        val text = if (response.body.isEmpty()) empty else response.body.decodeToString()
        return try {
            json.decodeFromString(deserializer, text)
        } catch (e: SerializationException) {
            throw decodeError(e, response)
        } catch (e: IllegalArgumentException) {
            throw decodeError(e, response)
        }
    }

    private fun decodeError(e: Exception, response: RawResponse): InfobipException =
        InfobipException.Decode(decodeErrorDetails("the answer could not be read: ${e.message}", response.status, response.requestId))

    /** Calls an operation whose answer is an object of a generated type. */
    suspend fun <T : InfobipModel> model(
        client: InfobipNativeClient, operation: String, params: String?, options: RequestOptions?, serializer: KSerializer<T>,
    ): T {
        val response = client.call(operation, params, options)
        return decode(response, serializer).also { it.httpResponse = response }
    }

    /** Calls an operation whose answer is a JSON array. */
    suspend fun <T> list(
        client: InfobipNativeClient, operation: String, params: String?, options: RequestOptions?, item: KSerializer<T>,
    ): ApiList<T> {
        val response = client.call(operation, params, options)
        return ApiList(decode(response, ListSerializer(item), "[]"), response)
    }

    /** Calls an operation whose answer is a JSON object of the caller's keys. */
    suspend fun <V> map(
        client: InfobipNativeClient, operation: String, params: String?, options: RequestOptions?, value: KSerializer<V>,
    ): ApiMap<V> {
        val response = client.call(operation, params, options)
        return ApiMap(decode(response, MapSerializer(String.serializer(), value)), response)
    }

    /** Calls an operation whose answer is one value. */
    suspend fun <T> value(
        client: InfobipNativeClient, operation: String, params: String?, options: RequestOptions?, serializer: KSerializer<T>,
    ): ApiValue<T> {
        val response = client.call(operation, params, options)
        return ApiValue(decode(response, serializer, "null"), response)
    }

    /** Calls an operation that answers with no body. */
    suspend fun empty(client: InfobipNativeClient, operation: String, params: String?, options: RequestOptions?): RawResponse =
        client.call(operation, params, options)

    /** Calls an operation that answers with a file. */
    suspend fun file(client: InfobipNativeClient, operation: String, params: String?, options: RequestOptions?): FileDownload =
        FileDownload(client.call(operation, params, options))

    /** Calls an operation that answers with text. */
    suspend fun text(client: InfobipNativeClient, operation: String, params: String?, options: RequestOptions?): ApiValue<String> {
        val response = client.call(operation, params, options)
        return ApiValue(response.body.decodeToString(), response)
    }

    /** Every item of every page of a paging operation, following the core's `pages`. */
    fun <P, I> pages(
        client: InfobipNativeClient, operation: String, params: String?, options: RequestOptions?,
        page: KSerializer<P>, items: (P) -> List<I>,
    ): Flow<I> = flow {
        client.pages(operation, params, options).use { pager ->
            while (true) {
                val response = pager.nextPage() ?: break
                for (item in items(decode(response, page))) emit(item)
            }
        }
    }

    /** The array `field` of an untyped page. */
    fun items(page: JsonElement, field: String): List<JsonElement> = ((page as? JsonObject)?.get(field) as? JsonArray).orEmpty()

    /** Builds an operation's `{path, query, headers, body}` parameters as JSON text. */
    fun params(build: Params.() -> Unit): String = Params().apply(build).toJson()

    /** Whether a JSON value is an object holding every one of `fields`. */
    fun hasFields(value: JsonElement, vararg fields: String): Boolean = value is JsonObject && fields.all { it in value }

    /** Whether a JSON value is a string. */
    fun isString(value: JsonElement): Boolean = value is JsonPrimitive && value.isString

    /** Whether a JSON value is a number. */
    fun isNumber(value: JsonElement): Boolean = value is JsonPrimitive && !value.isString && value.doubleOrNull != null

    /** Whether a JSON value is `true` or `false`. */
    fun isBoolean(value: JsonElement): Boolean = value is JsonPrimitive && !value.isString && value.booleanOrNull != null

    /** An operation's parameters by location, as the core's `call` reads them. */
    class Params internal constructor() {
        private val path = LinkedHashMap<String, JsonElement>()
        private val query = LinkedHashMap<String, JsonElement>()
        private val headers = LinkedHashMap<String, JsonElement>()
        private var body: JsonElement? = null

        /** A path parameter. */
        fun path(name: String, value: Any?) = put(path, name, value)

        /** A query parameter (a list repeats). */
        fun query(name: String, value: Any?) = put(query, name, value)

        /** A header parameter. */
        fun header(name: String, value: Any?) = put(headers, name, value)

        /** The body, written by its serializer. */
        fun <T> body(serializer: KSerializer<T>, value: T?) {
            if (value != null) body = json.encodeToJsonElement(serializer, value)
        }

        private fun put(into: MutableMap<String, JsonElement>, name: String, value: Any?) {
            if (value != null) into[name] = element(value)
        }

        private fun element(value: Any): JsonElement = when (value) {
            is JsonElement -> value
            is String -> JsonPrimitive(value)
            is Number -> JsonPrimitive(value)
            is Boolean -> JsonPrimitive(value)
            is OffsetDateTime -> JsonPrimitive(InfobipDateTime.format(value))
            is Iterable<*> -> JsonArray(value.filterNotNull().map(::element))
            is InfobipModel -> value.toJsonElement()
            else -> JsonPrimitive(value.toString())
        }

        internal fun toJson(): String = JsonObject(
            buildMap {
                if (path.isNotEmpty()) put("path", JsonObject(path))
                if (query.isNotEmpty()) put("query", JsonObject(query))
                if (headers.isNotEmpty()) put("headers", JsonObject(headers))
                body?.let { put("body", it) }
            },
        ).toString()
    }
}

/**
 * Infobip date-times as `OffsetDateTime`: written as `yyyy-MM-dd'T'HH:mm:ss.SSS+0000` (UTC), read
 * in every form the API uses (`+0000`, `+00:00`, `+05`, `Z` or no offset, 0 to 9 fractional
 * digits, a bare date, epoch milliseconds), the forms the core reads.
 */
object InfobipDateTime : KSerializer<OffsetDateTime> {
    override val descriptor: SerialDescriptor = PrimitiveSerialDescriptor("com.infobip.sdk.InfobipDateTime", PrimitiveKind.STRING)

    private val WRITE: DateTimeFormatter = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx")
    private val LOCAL = Regex("""(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?)([Zz]|[+-]\d\d(?::?\d\d)?)?""")

    /** Writes a date-time in Infobip's format, in UTC. */
    fun format(value: OffsetDateTime): String = value.withOffsetSameInstant(ZoneOffset.UTC).format(WRITE)

    /** Reads a date-time in any of the API's forms; `null` when it is none of them. */
    fun parse(text: String): OffsetDateTime? {
        val trimmed = text.trim()
        if (trimmed.length == 10) {
            return runCatching { LocalDate.parse(trimmed).atStartOfDay().atOffset(ZoneOffset.UTC) }.getOrNull()
        }
        val match = LOCAL.matchEntire(trimmed) ?: return null
        val (date, time, offset) = match.destructured
        val local = runCatching { LocalDateTime.parse("${date}T$time") }.getOrNull() ?: return null
        val zone = when {
            offset.isEmpty() || offset.equals("z", ignoreCase = true) -> ZoneOffset.UTC
            else -> {
                val digits = offset.substring(1).replace(":", "")
                val hours = digits.substring(0, 2).toInt()
                val minutes = if (digits.length == 4) digits.substring(2).toInt() else 0
                if (hours > 23 || minutes > 59) return null
                val seconds = (hours * 3600 + minutes * 60) * if (offset[0] == '-') -1 else 1
                ZoneOffset.ofTotalSeconds(seconds)
            }
        }
        return local.atOffset(zone)
    }

    override fun serialize(encoder: Encoder, value: OffsetDateTime) = encoder.encodeString(format(value))

    override fun deserialize(decoder: Decoder): OffsetDateTime {
        val element = (decoder as? JsonDecoder)?.decodeJsonElement()
        if (element is JsonPrimitive && !element.isString) {
            val millis = element.contentOrNull?.toLongOrNull() ?: throw SerializationException("not an Infobip date-time: $element")
            return Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC)
        }
        val text = if (element == null) decoder.decodeString() else (element as? JsonPrimitive)?.contentOrNull
        return text?.let(::parse) ?: throw SerializationException("not an Infobip date-time: $text")
    }
}

/** Reads a polymorphic base: the subtype its tag names, `Other` for a tag this version does not know. */
abstract class TaggedSerializer<T : InfobipModel>(
    name: String,
    private val property: String,
    private val other: (JsonElement) -> T,
) : KSerializer<T> {
    override val descriptor: SerialDescriptor = buildClassSerialDescriptor("com.infobip.sdk.$name")

    /** The serializer of the subtype `tag` names. */
    abstract fun subtype(tag: String): KSerializer<out T>?

    override fun serialize(encoder: Encoder, value: T) = (encoder as JsonEncoder).encodeJsonElement(value.toJsonElement())

    override fun deserialize(decoder: Decoder): T {
        val json = decoder as JsonDecoder
        val element = json.decodeJsonElement()
        val tag = ((element as? JsonObject)?.get(property) as? JsonPrimitive)?.contentOrNull
        val serializer = tag?.let(::subtype) ?: return other(element)
        return json.json.decodeFromJsonElement(serializer, element)
    }
}

/** Reads a union: the first shape the value fits, `Other` when it fits none. */
abstract class UnionSerializer<T : InfobipModel>(name: String, private val other: (JsonElement) -> T) : KSerializer<T> {
    override val descriptor: SerialDescriptor = buildClassSerialDescriptor("com.infobip.sdk.$name")

    /** Reads `value` as the first shape it fits. */
    abstract fun read(json: Json, value: JsonElement): T

    override fun serialize(encoder: Encoder, value: T) = (encoder as JsonEncoder).encodeJsonElement(value.toJsonElement())

    override fun deserialize(decoder: Decoder): T {
        val json = decoder as JsonDecoder
        val element = json.decodeJsonElement()
        if (element is JsonNull) return other(element)
        return try {
            read(json.json, element)
        } catch (e: SerializationException) {
            other(element)
        }
    }
}
